import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type YAMLMap } from 'yaml';
import { msg, msgN, type Message } from '../l10n/message';
import { shapeOf } from './yamlPath';
import { hasKey, keyText, maps, pairWithKeyAt, type AnyPair, type Ctx, type Edit, type Fix } from './quickFixTree';

// Quick fixes that move lines or add them: indenting or outdenting a block, adding a missing field.

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offsets of the lines of the file starting at the line of `offset`, `count` of them. */
function lineStarts(text: string, offset: number, count: number): number[] {
  const out = [lineStartOf(text, offset)];
  let i = out[0]!;
  while (out.length < count) {
    const m = /\r\n|\n|\r/g;
    m.lastIndex = i;
    const hit = m.exec(text);
    if (!hit) break;
    i = hit.index + hit[0].length;
    if (i >= text.length) break;
    out.push(i);
  }
  return out;
}

/** Shift `lines` lines starting at the diagnostic's line by `spaces` (negative: outdent). */
export function indentBlock(ctx: Ctx, spaces: number, lines: number, under: string): Fix[] {
  const edits: Edit[] = [];
  for (const ls of lineStarts(ctx.text, ctx.start, Math.max(1, lines))) {
    const m = /^[ \t]*/.exec(ctx.text.slice(ls, ls + 4096))!;
    const rest = ctx.text.slice(ls + m[0].length, ls + m[0].length + 1);
    if (rest === '' || rest === '\n' || rest === '\r') continue; // blank line
    if (spaces > 0) edits.push({ start: ls, end: ls, text: ' '.repeat(spaces) });
    else {
      const lead = m[0].length;
      const n = Math.min(lead, -spaces);
      if (n > 0) edits.push({ start: ls, end: ls + n, text: '' });
    }
  }
  // The block goes under `under`; when that is written `under: {}` (or `[]`, `null`), the empty value
  // must go, or the block would follow a complete value.
  if (spaces > 0) {
    const found = pairWithKeyAt(ctx.tree, ctx.start - ctx.chunkStart);
    const sibling = found && (found.map.items as AnyPair[]).find((p) => keyText(p) === under);
    const v = sibling?.value as Node | null | undefined;
    const emptyFlow = (isMap(v) || isSeq(v)) && v.flow && v.items.length === 0;
    const explicitNull = isScalar(v) && v.value === null && v.range && v.range[1] > v.range[0];
    if (sibling && v?.range && (emptyFlow || explicitNull)) {
      const keyEnd = (sibling.key as Node).range![1];
      const colon = ctx.chunkText.indexOf(':', keyEnd);
      edits.push({ start: ctx.chunkStart + colon + 1, end: ctx.chunkStart + v.range[1], text: '' });
    }
  }
  const key = pairWithKeyAt(ctx.tree, ctx.start - ctx.chunkStart);
  const moved = key ? keyText(key.pair) : undefined;
  return [
    {
      title:
        spaces > 0
          ? msg('Indent block under `{key}`', { key: under })
          : under
            ? msgN(
                -spaces,
                'Outdent block by {spaces} space (beside `{key}`)',
                'Outdent block by {spaces} spaces (beside `{key}`)',
                { spaces: -spaces, key: under },
              )
            : msgN(-spaces, 'Outdent block by {spaces} space', 'Outdent block by {spaces} spaces', { spaces: -spaces }),
      edits,
      // The moved key must now sit inside `under` (indent) and no longer beside it in its old mapping.
      ...(spaces > 0 && moved !== undefined
        ? {
            expect: (tree: Document.Parsed) => {
              for (const map of maps(tree.contents)) {
                const target = (map.items as AnyPair[]).find((p) => keyText(p) === under);
                if (
                  target &&
                  isMap(target.value) &&
                  (target.value.items as AnyPair[]).some((p) => keyText(p) === moved)
                )
                  return true;
              }
              return false;
            },
          }
        : {}),
    },
  ];
}

/** Indentation of the children of the mapping whose key is on `line` at `keyCol`. */
export function childIndent(doc: TextDocument, line: number, keyCol: number): number {
  for (let l = line + 1; l < doc.lineCount; l++) {
    const s = shapeOf(lineText(doc, l));
    if (s.blank) continue;
    return s.indent > keyCol ? s.indent : keyCol + 2;
  }
  return keyCol + 2;
}

function lineText(doc: TextDocument, line: number): string {
  return doc
    .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    .replace(/\r?\n$|\r$/, '');
}

/** The snippet `field: value` as one flow-mapping entry (`field: value` or `field: {a: ""}`). */
function flowEntry(snippet: string): string | undefined {
  try {
    const value = parseDocument(snippet).toJS() as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') return undefined;
    const flow = stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
    return flow.startsWith('{') && flow.endsWith('}') ? flow.slice(1, -1).trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Insert a missing field. The range is the parent key (the field goes into its mapping) or, for a
 * missing top-level field, `kind: X` (the field goes beside it); `before` puts it above that line.
 */
export function addField(
  ctx: Ctx,
  field: string,
  snippet: string,
  before: boolean,
  title: Message = msg('Add `{field}`', { field }),
): Fix[] {
  const { doc } = ctx;
  const at = ctx.start - ctx.chunkStart;
  const found = pairWithKeyAt(ctx.tree, at);
  const covered = doc.getText({ start: doc.positionAt(ctx.start), end: doc.positionAt(ctx.end) });
  const atRoot = before || covered.includes(':');
  const target = atRoot ? found?.map : found?.pair.value;
  const expect = (tree: Document.Parsed) => hasKey(tree, field);
  // A flow mapping with entries gets one more entry, in flow style.
  if ((isMap(target) && target.flow && target.items.length > 0) || (atRoot && isMap(target) && target.flow)) {
    const entry = flowEntry(snippet);
    const r = (target as YAMLMap).range;
    if (!entry || !r) return [];
    const close = ctx.chunkText.lastIndexOf('}', r[1] - 1);
    if (close < r[0]) return [];
    let p = close;
    while (p > r[0] + 1 && /\s/.test(ctx.chunkText[p - 1]!)) p--;
    const empty = (target as YAMLMap).items.length === 0;
    return [
      {
        title,
        edits: [{ start: ctx.chunkStart + p, end: ctx.chunkStart + p, text: empty ? entry : `, ${entry}` }],
        expect,
      },
    ];
  }
  // Only a mapping (or nothing yet: `parent:`, `parent: {}`) can take the field.
  if (
    !atRoot &&
    target !== null &&
    target !== undefined &&
    !isMap(target) &&
    !(isScalar(target) && target.value === null)
  )
    return [];
  const line = doc.positionAt(ctx.start).line;
  const text = lineText(doc, line);
  const indent = atRoot
    ? doc.positionAt(ctx.start).character
    : childIndent(doc, line, doc.positionAt(ctx.start).character);
  const body = snippet
    .split('\n')
    .map((l) => ' '.repeat(indent) + l.replace(/\s+$/, (m) => (l.trim() ? m : '')))
    .join(ctx.eol);
  if (before) {
    const ls = doc.offsetAt({ line, character: 0 });
    return [{ title, edits: [{ start: ls, end: ls, text: `${body}${ctx.eol}` }], expect }];
  }
  // `parent: {}` (or `parent: null`) has no block to add to: the empty value goes first.
  if (
    !atRoot &&
    found &&
    target &&
    ((isMap(target) && target.flow) || isScalar(target)) &&
    target.range &&
    target.range[1] > target.range[0]
  ) {
    const keyEnd = (found.pair.key as Node).range![1];
    const colon = ctx.chunkText.indexOf(':', keyEnd);
    // One edit (an insertion touching a deletion is refused by some clients); a comment after the
    // removed value ends up after the new field.
    return [
      {
        title,
        edits: [
          { start: ctx.chunkStart + colon + 1, end: ctx.chunkStart + target.range[1], text: `${ctx.eol}${body}` },
        ],
        expect,
      },
    ];
  }
  const lineEnd = doc.offsetAt({ line, character: 0 }) + text.length;
  return [{ title, edits: [{ start: lineEnd, end: lineEnd, text: `${ctx.eol}${body}` }], expect }];
}
