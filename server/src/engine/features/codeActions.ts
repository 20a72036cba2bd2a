import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FixData } from '../types';
import { offsetRange } from '../range';
import { documents } from '../parse/chunks';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { shapeOf } from './yamlPath';
import { insertInMap, lonePair, pairLines } from '../rules/yamlInsert';
import { mapOf, scalarOf } from '../rules/yamlNodes';
import { isMessage, msg, msgN, type Message } from '../l10n/message';
import { render, type Locale } from '../l10n/translate';

// Quick fixes built from the diagnostic alone (its `code` and `data`): stateless, so they work for
// diagnostics pulled, pushed, or read back from the editor after a restart.
//
// Every fix is shaped on the syntax tree of the document it edits (block or flow style, the document's
// own line breaks, scalars quoted where plain style would change their type) and then checked: the
// edited document is parsed again and must be valid YAML that holds what the fix meant to write (the
// renamed key, the labels as strings, the added field). A fix that fails the check is not offered.
// A fix is preferred (applied by "Auto Fix") only when it cannot change what the document means: a key
// in the wrong case, a value differing only in case or quoting.

const MAX_CANDIDATES = 5;

function isFixData(v: unknown): v is FixData {
  return typeof v === 'object' && v !== null && typeof (v as { fix?: unknown }).fix === 'string';
}

/** The quick fixes for `diagnostics`, titled in `locale`. */
export function codeActions(doc: TextDocument, diagnostics: Diagnostic[], locale: Locale = 'en'): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || !isFixData(d.data)) continue;
    const ctx = context(doc, d);
    if (!ctx) continue;
    for (const f of fixesFor(ctx, d, d.data)) {
      // Edits in other files were shaped and checked on those files' trees when the rule made them.
      if (f.changes) {
        out.push({ title: render(f.title, locale), kind: CodeActionKind.QuickFix, diagnostics: [d], ...(f.isPreferred ? { isPreferred: true } : {}), edit: { changes: f.changes } });
        continue;
      }
      if (!f.edits.length || !check(ctx, f)) continue;
      out.push({
        title: render(f.title, locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        ...(f.isPreferred ? { isPreferred: true } : {}),
        edit: { changes: { [doc.uri]: f.edits.map((e) => ({ range: offsetRange(doc, e.start, e.end), newText: e.text })) } },
      });
    }
  }
  return out;
}

/** An edit by offsets into the document's text. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Fix {
  title: Message;
  edits: Edit[];
  isPreferred?: boolean;
  /** Edits in other files of the project, by URI (made and checked by the rule; `edits` is then empty). */
  changes?: Record<string, TextEdit[]>;
  /** What the edited document must hold, checked on its parsed value. */
  expect?: (root: Document.Parsed, at: number) => boolean;
}

/** The YAML document (between `---` markers) holding the diagnostic, parsed on its own. */
interface Ctx {
  doc: TextDocument;
  text: string;
  /** The document's offset in the file and its text. */
  chunkStart: number;
  chunkText: string;
  tree: Document.Parsed;
  /** Offsets of the diagnostic's range in the file. */
  start: number;
  end: number;
  eol: string;
}

function parse(text: string): Document.Parsed {
  // Lone CR ends a line for positions but not for the yaml package (same length, offsets unchanged).
  return parseDocument(text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text, { uniqueKeys: false, merge: true, logLevel: 'silent' });
}

function context(doc: TextDocument, d: Diagnostic): Ctx | undefined {
  const text = doc.getText();
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  let chunk: { start: number; length: number } | undefined;
  // Documents split as the analysis splits them (a lone CR ends a line there too; same offsets).
  for (const c of documents(text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text)) {
    if (c.start > start) break;
    chunk = { start: c.start, length: c.text.length };
  }
  if (!chunk) return undefined;
  const chunkText = text.slice(chunk.start, chunk.start + chunk.length);
  return { doc, text, chunkStart: chunk.start, chunkText, tree: parse(chunkText), start, end, eol: eolOf(text, start) };
}

/** The line break used around `offset` (CRLF, LF or CR), so an inserted line matches its neighbours. */
function eolOf(text: string, offset: number): string {
  const m = /\r\n|\n|\r/.exec(text.slice(offset)) ?? /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

/** Applies the fix to the document's text, parses it again and checks that it is valid and says what was meant. */
function check(ctx: Ctx, fix: Fix): boolean {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let text = ctx.chunkText;
  const chunkEnd = ctx.chunkStart + ctx.chunkText.length;
  for (const e of edits) {
    if (e.start < ctx.chunkStart || e.end > chunkEnd) return false;
    text = text.slice(0, e.start - ctx.chunkStart) + e.text + text.slice(e.end - ctx.chunkStart);
  }
  const after = parse(text);
  if (after.errors.length > ctx.tree.errors.length) return false;
  return !fix.expect || fix.expect(after, ctx.start - ctx.chunkStart);
}

function fixesFor(ctx: Ctx, d: Diagnostic, data: FixData): Fix[] {
  switch (data.fix) {
    case 'rename-key':
      return renameKey(ctx, d, data.to);
    case 'replace-value':
      return replaceValue(ctx, d, data.to, data.candidates);
    case 'indent':
      return indentBlock(ctx, data.spaces, data.lines, data.under);
    case 'add-field':
      return addField(ctx, data.field, data.snippet, data.before === true);
    case 'replace-labels':
      return replaceLabels(ctx, data.labels);
    case 'move-annotation':
      return moveAnnotation(ctx, data.key);
    case 'edit':
      // The data comes back from the client: a title that is not a message is shown as it is.
      return [{ title: isMessage(data.title) ? data.title : msg('{title}', { title: String(data.title) }), edits: [], changes: Object.fromEntries(data.changes.map((c) => [c.uri, c.edits])) }];
    default:
      return [];
  }
}

// ---- syntax tree helpers (offsets relative to the document) ----

type AnyPair = Pair<Node | null, Node | null>;

/** Every mapping of the tree with its pairs, depth first. */
function* maps(root: unknown): Generator<YAMLMap> {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      yield n;
      for (const p of n.items) stack.push(p.key, p.value);
    } else if (isSeq(n)) {
      for (const i of n.items) stack.push(isPair(i) ? i.value : i);
    }
  }
}

/** The pair whose key starts at `at`, and the mapping holding it. */
function pairWithKeyAt(tree: Document.Parsed, at: number): { map: YAMLMap; pair: AnyPair } | undefined {
  for (const map of maps(tree.contents)) {
    for (const p of map.items as AnyPair[]) {
      const r = (p.key as Node | null)?.range;
      if (r && r[0] === at) return { map, pair: p };
    }
  }
  return undefined;
}

/** The scalar whose range starts at `at`. */
function scalarAt(tree: Document.Parsed, at: number): Node | undefined {
  const stack: unknown[] = [tree.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isScalar(n) && n.range?.[0] === at) return n;
    if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) for (const i of n.items) stack.push(isPair(i) ? i.value : i);
  }
  return undefined;
}

function keyText(p: AnyPair): string | undefined {
  return isScalar(p.key) ? String(p.key.value) : undefined;
}

/** The value of `key` in the map holding the pair whose key starts at `at` in `tree` (for checks). */
function hasKey(tree: Document.Parsed, key: string): boolean {
  for (const map of maps(tree.contents)) if ((map.items as AnyPair[]).some((p) => keyText(p) === key)) return true;
  return false;
}

/**
 * A scalar written so that YAML reads it back as this very string: plain when that is safe (in block
 * and flow context alike), else double-quoted. `2`, `1.20`, `true`, `null`, `*x` and `a: b` are quoted.
 */
export function stringScalar(v: string): string {
  // yes/no/on/off are booleans to YAML 1.1 readers (Go YAML, so kubectl) though strings to YAML 1.2.
  if (/^[A-Za-z0-9_./][A-Za-z0-9_./=-]*$/.test(v) && !/[.-]$/.test(v) && !/^(y|n|yes|no|on|off)$/i.test(v)) {
    try {
      const back = parseDocument(`k: ${v}`).toJS() as { k?: unknown };
      if (back?.k === v) return v;
    } catch {
      // quoted below
    }
  }
  return JSON.stringify(v);
}

// ---- fixes ----

function renameKey(ctx: Ctx, d: Diagnostic, to: string): Fix[] {
  const at = ctx.start - ctx.chunkStart;
  const found = pairWithKeyAt(ctx.tree, at);
  const key = found?.pair.key as Node | undefined;
  const [s, e] = key?.range ? [key.range[0], key.range[1]] : [at, ctx.end - ctx.chunkStart];
  const quoted = isScalar(key) && (key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE');
  const newKey = quoted ? JSON.stringify(to) : stringScalar(to);
  return [{
    title: d.code === 'key-case' ? msg('Write `{key}`', { key: to }) : msg('Rename to `{key}`', { key: to }),
    edits: [{ start: ctx.chunkStart + s, end: ctx.chunkStart + e, text: newKey }],
    // A key in the wrong case is read by nobody but tctl: writing it right cannot change the meaning.
    isPreferred: d.code === 'key-case',
    expect: (tree) => hasKey(tree, to),
  }];
}

function replaceValue(ctx: Ctx, d: Diagnostic, to: string, candidates: string[] | undefined): Fix[] {
  const at = ctx.start - ctx.chunkStart;
  const node = scalarAt(ctx.tree, at);
  const range = node?.range ? [node.range[0], node.range[1]] : [at, ctx.end - ctx.chunkStart];
  const old = isScalar(node) ? node.value : ctx.doc.getText(d.range);
  const quote = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  // invalid-type: the quotes are the problem (`"true"` for a boolean), so the value is written plain
  // and must read back as that type; otherwise the value stays a string, quoted as before or as needed.
  // A number stays a number (a weight): written plain, read back as a number.
  const typed = d.code === 'invalid-type' || (isScalar(node) && typeof node.value === 'number' && !quote);
  const write = (v: string) => (typed ? v : quote ? JSON.stringify(v) : stringScalar(v));
  const readsBack = (v: string) => (tree: Document.Parsed) => {
    const n = scalarAt(tree, range[0]!);
    if (!isScalar(n)) return false;
    return typed ? String(n.value) === v && typeof n.value !== 'string' : n.value === v;
  };
  const same = (v: string) => typeof old === 'string' && old.toLowerCase() === v.toLowerCase();
  const fix = (v: string, preferred: boolean): Fix => ({
    title: msg('Change to `{value}`', { value: v }),
    edits: [{ start: ctx.chunkStart + range[0]!, end: ctx.chunkStart + range[1]!, text: write(v) }],
    ...(preferred ? { isPreferred: true } : {}),
    expect: readsBack(v),
  });
  // Preferred only when the new value is the old one in another case or without quotes.
  const fixes: Fix[] = [fix(to, same(to))];
  for (const c of (candidates ?? []).filter((c) => c !== to).slice(0, MAX_CANDIDATES - 1)) fixes.push(fix(c, false));
  return fixes;
}

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
function indentBlock(ctx: Ctx, spaces: number, lines: number, under: string): Fix[] {
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
  return [{
    title: spaces > 0 ? msg('Indent block under `{key}`', { key: under })
      : under
        ? msgN(-spaces, 'Outdent block by {spaces} space (beside `{key}`)', 'Outdent block by {spaces} spaces (beside `{key}`)', { spaces: -spaces, key: under })
        : msgN(-spaces, 'Outdent block by {spaces} space', 'Outdent block by {spaces} spaces', { spaces: -spaces }),
    edits,
    // The moved key must now sit inside `under` (indent) and no longer beside it in its old mapping.
    ...(spaces > 0 && moved !== undefined ? {
      expect: (tree: Document.Parsed) => {
        for (const map of maps(tree.contents)) {
          const target = (map.items as AnyPair[]).find((p) => keyText(p) === under);
          if (target && isMap(target.value) && (target.value.items as AnyPair[]).some((p) => keyText(p) === moved)) return true;
        }
        return false;
      },
    } : {}),
  }];
}

/** Indentation of the children of the mapping whose key is on `line` at `keyCol`. */
function childIndent(doc: TextDocument, line: number, keyCol: number): number {
  for (let l = line + 1; l < doc.lineCount; l++) {
    const s = shapeOf(lineText(doc, l));
    if (s.blank) continue;
    return s.indent > keyCol ? s.indent : keyCol + 2;
  }
  return keyCol + 2;
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
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
function addField(ctx: Ctx, field: string, snippet: string, before: boolean): Fix[] {
  const { doc } = ctx;
  const at = ctx.start - ctx.chunkStart;
  const found = pairWithKeyAt(ctx.tree, at);
  const covered = doc.getText({ start: doc.positionAt(ctx.start), end: doc.positionAt(ctx.end) });
  const atRoot = before || covered.includes(':');
  const target = atRoot ? found?.map : found?.pair.value;
  const title = msg('Add `{field}`', { field });
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
    return [{ title, edits: [{ start: ctx.chunkStart + p, end: ctx.chunkStart + p, text: empty ? entry : `, ${entry}` }], expect }];
  }
  // Only a mapping (or nothing yet: `parent:`, `parent: {}`) can take the field.
  if (!atRoot && target !== null && target !== undefined && !isMap(target) && !(isScalar(target) && target.value === null)) return [];
  const line = doc.positionAt(ctx.start).line;
  const text = lineText(doc, line);
  const indent = atRoot ? doc.positionAt(ctx.start).character : childIndent(doc, line, doc.positionAt(ctx.start).character);
  const body = snippet.split('\n').map((l) => ' '.repeat(indent) + l.replace(/\s+$/, (m) => (l.trim() ? m : ''))).join(ctx.eol);
  if (before) {
    const ls = doc.offsetAt({ line, character: 0 });
    return [{ title, edits: [{ start: ls, end: ls, text: `${body}${ctx.eol}` }], expect }];
  }
  // `parent: {}` (or `parent: null`) has no block to add to: the empty value goes first.
  if (!atRoot && found && target && ((isMap(target) && target.flow) || isScalar(target)) && target.range && target.range[1] > target.range[0]) {
    const keyEnd = (found.pair.key as Node).range![1];
    const colon = ctx.chunkText.indexOf(':', keyEnd);
    // One edit (an insertion touching a deletion is refused by some clients); a comment after the
    // removed value ends up after the new field.
    return [{ title, edits: [{ start: ctx.chunkStart + colon + 1, end: ctx.chunkStart + target.range[1], text: `${ctx.eol}${body}` }], expect }];
  }
  const lineEnd = doc.offsetAt({ line, character: 0 }) + text.length;
  return [{ title, edits: [{ start: lineEnd, end: lineEnd, text: `${ctx.eol}${body}` }], expect }];
}

/** Replace the selector's `labels:` mapping (the diagnostic range is the `labels` key), keeping its style. */
function replaceLabels(ctx: Ctx, labels: Record<string, string>): Fix[] {
  const at = ctx.start - ctx.chunkStart;
  const found = pairWithKeyAt(ctx.tree, at);
  if (!found) return [];
  const pairs = Object.entries(labels);
  const title = msg('Select {labels}', { labels: pairs.map(([k, v]) => `${k}=${v}`).join(', ') });
  const entries = pairs.map(([k, v]) => `${stringScalar(k)}: ${stringScalar(v)}`);
  const expect = (tree: Document.Parsed) => {
    const p = pairWithKeyAt(tree, at);
    const js = p?.pair.value ? (p.pair.value as Node).toJSON() as unknown : undefined;
    return !!js && typeof js === 'object' && JSON.stringify(js) === JSON.stringify(labels);
  };
  const value = found.pair.value as Node | null;
  const keyEnd = (found.pair.key as Node).range![1];
  const colon = ctx.chunkText.indexOf(':', keyEnd);
  if (isMap(value) && value.flow && value.range) {
    return [{ title, edits: [{ start: ctx.chunkStart + value.range[0], end: ctx.chunkStart + value.range[1], text: `{ ${entries.join(', ')} }` }], expect }];
  }
  if (!isMap(value) || !value.range) return [];
  let end = value.range[1];
  while (end > value.range[0] && (ctx.chunkText[end - 1] === '\n' || ctx.chunkText[end - 1] === '\r')) end--;
  const line = ctx.doc.positionAt(ctx.start).line;
  const indent = childIndent(ctx.doc, line, ctx.doc.positionAt(ctx.start).character);
  return [{
    title,
    edits: [{ start: ctx.chunkStart + colon + 1, end: ctx.chunkStart + end, text: entries.map((e) => `${ctx.eol}${' '.repeat(indent)}${e}`).join('') }],
    expect,
  }];
}

/** The resource holding the diagnostic: the document's root mapping, or the `kind: List` item around it. */
function resourceAt(ctx: Ctx): YAMLMap | undefined {
  const root = ctx.tree.contents;
  if (!isMap(root)) return undefined;
  const at = ctx.start - ctx.chunkStart;
  const items = root.get('items', true);
  if (isSeq(items)) {
    const item = items.items.find((x) => isMap(x) && x.range && x.range[0] <= at && at <= x.range[1]);
    if (isMap(item)) return item;
  }
  return root;
}

/** Moves an annotation of an install CR's own metadata to spec.kubeSpec.service.annotations. */
function moveAnnotation(ctx: Ctx, key: string): Fix[] {
  const root = resourceAt(ctx);
  const annotations = mapOf(mapOf(root, 'metadata'), 'annotations');
  const found = lonePair(annotations, key);
  const value = scalarOf(annotations, key);
  if (!root || !found || !value) return [];
  // The whole `annotations:` key goes when this was its only entry.
  const metadata = lonePair(mapOf(root, 'metadata'), 'annotations');
  const removed = found.alone && metadata ? pairLines(ctx.chunkText, metadata.pair) : pairLines(ctx.chunkText, found.pair);
  const written = ctx.chunkText.slice(value.range[0], value.range[1]);
  const insert = insertInMap(root, ctx.chunkText, ['spec', 'kubeSpec', 'service', 'annotations'], [`${key}: ${written}`], ctx.eol);
  if (!removed || !insert) return [];
  return [{
    title: msg('Move `{key}` to spec.kubeSpec.service.annotations', { key }),
    edits: [
      { start: ctx.chunkStart + removed[0], end: ctx.chunkStart + removed[1], text: '' },
      { start: ctx.chunkStart + insert.offset, end: ctx.chunkStart + insert.offset, text: insert.text },
    ],
    // The annotation now sits under the Service's annotations, and no longer on the CR's metadata.
    expect: (tree) => {
      const js = tree.toJS() as { metadata?: { annotations?: Record<string, unknown> }; spec?: { kubeSpec?: { service?: { annotations?: Record<string, unknown> } } }; items?: unknown[] } | null;
      const all = js && Array.isArray(js.items) ? js.items as typeof js[] : [js];
      return all.some((r) => r?.spec?.kubeSpec?.service?.annotations?.[key] !== undefined && r.metadata?.annotations?.[key] === undefined);
    },
  }];
}
