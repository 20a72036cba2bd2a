import type { Diagnostic } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { msg } from '../l10n/message';
import { insertInMap, lonePair, pairLines } from '../rules/yamlInsert';
import { mapOf, scalarOf } from '../rules/yamlNodes';
import { childIndent } from './blockFixes';
import { hasKey, pairWithKeyAt, scalarAt, stringScalar, type Ctx, type Fix } from './quickFixTree';

// Quick fixes that rewrite a key or a value in place: renaming a key, replacing a value or a selector's
// labels, moving an annotation where it is read.

const MAX_CANDIDATES = 5;

export function renameKey(ctx: Ctx, d: Diagnostic, to: string): Fix[] {
  const at = ctx.start - ctx.chunkStart;
  const found = pairWithKeyAt(ctx.tree, at);
  const key = found?.pair.key as Node | undefined;
  const [s, e] = key?.range ? [key.range[0], key.range[1]] : [at, ctx.end - ctx.chunkStart];
  const quoted = isScalar(key) && (key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE');
  const newKey = quoted ? JSON.stringify(to) : stringScalar(to);
  return [
    {
      title: d.code === 'key-case' ? msg('Write `{key}`', { key: to }) : msg('Rename to `{key}`', { key: to }),
      edits: [{ start: ctx.chunkStart + s, end: ctx.chunkStart + e, text: newKey }],
      // A key in the wrong case is read by nobody but tctl: writing it right cannot change the meaning.
      isPreferred: d.code === 'key-case',
      expect: (tree) => hasKey(tree, to),
    },
  ];
}

export function replaceValue(ctx: Ctx, d: Diagnostic, to: string, candidates: string[] | undefined): Fix[] {
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

/** Replace the selector's `labels:` mapping (the diagnostic range is the `labels` key), keeping its style. */
export function replaceLabels(ctx: Ctx, labels: Record<string, string>): Fix[] {
  const at = ctx.start - ctx.chunkStart;
  const found = pairWithKeyAt(ctx.tree, at);
  if (!found) return [];
  const pairs = Object.entries(labels);
  const title = msg('Select {labels}', { labels: pairs.map(([k, v]) => `${k}=${v}`).join(', ') });
  const entries = pairs.map(([k, v]) => `${stringScalar(k)}: ${stringScalar(v)}`);
  const expect = (tree: Document.Parsed) => {
    const p = pairWithKeyAt(tree, at);
    const js = p?.pair.value ? ((p.pair.value as Node).toJSON() as unknown) : undefined;
    return !!js && typeof js === 'object' && JSON.stringify(js) === JSON.stringify(labels);
  };
  const value = found.pair.value as Node | null;
  const keyEnd = (found.pair.key as Node).range![1];
  const colon = ctx.chunkText.indexOf(':', keyEnd);
  if (isMap(value) && value.flow && value.range) {
    return [
      {
        title,
        edits: [
          {
            start: ctx.chunkStart + value.range[0],
            end: ctx.chunkStart + value.range[1],
            text: `{ ${entries.join(', ')} }`,
          },
        ],
        expect,
      },
    ];
  }
  if (!isMap(value) || !value.range) return [];
  let end = value.range[1];
  while (end > value.range[0] && (ctx.chunkText[end - 1] === '\n' || ctx.chunkText[end - 1] === '\r')) end--;
  const line = ctx.doc.positionAt(ctx.start).line;
  const indent = childIndent(ctx.doc, line, ctx.doc.positionAt(ctx.start).character);
  return [
    {
      title,
      edits: [
        {
          start: ctx.chunkStart + colon + 1,
          end: ctx.chunkStart + end,
          text: entries.map((e) => `${ctx.eol}${' '.repeat(indent)}${e}`).join(''),
        },
      ],
      expect,
    },
  ];
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
export function moveAnnotation(ctx: Ctx, key: string): Fix[] {
  const root = resourceAt(ctx);
  const annotations = mapOf(mapOf(root, 'metadata'), 'annotations');
  const found = lonePair(annotations, key);
  const value = scalarOf(annotations, key);
  if (!root || !found || !value) return [];
  // The whole `annotations:` key goes when this was its only entry.
  const metadata = lonePair(mapOf(root, 'metadata'), 'annotations');
  const removed =
    found.alone && metadata ? pairLines(ctx.chunkText, metadata.pair) : pairLines(ctx.chunkText, found.pair);
  const written = ctx.chunkText.slice(value.range[0], value.range[1]);
  const insert = insertInMap(
    root,
    ctx.chunkText,
    ['spec', 'kubeSpec', 'service', 'annotations'],
    [`${key}: ${written}`],
    ctx.eol,
  );
  if (!removed || !insert) return [];
  return [
    {
      title: msg('Move `{key}` to spec.kubeSpec.service.annotations', { key }),
      edits: [
        { start: ctx.chunkStart + removed[0], end: ctx.chunkStart + removed[1], text: '' },
        { start: ctx.chunkStart + insert.offset, end: ctx.chunkStart + insert.offset, text: insert.text },
      ],
      // The annotation now sits under the Service's annotations, and no longer on the CR's metadata.
      expect: (tree) => {
        const js = tree.toJS() as {
          metadata?: { annotations?: Record<string, unknown> };
          spec?: { kubeSpec?: { service?: { annotations?: Record<string, unknown> } } };
          items?: unknown[];
        } | null;
        const all = js && Array.isArray(js.items) ? (js.items as (typeof js)[]) : [js];
        return all.some(
          (r) =>
            r?.spec?.kubeSpec?.service?.annotations?.[key] !== undefined &&
            r.metadata?.annotations?.[key] === undefined,
        );
      },
    },
  ];
}
