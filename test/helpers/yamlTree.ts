// A plain description of a parsed YAML document (every node's class, own properties in order, ranges,
// comments, document fields): two parsers built the same document exactly when their descriptions are equal.
import { inspect } from 'node:util';
import { parseDocument, type Document } from 'yaml';
import { PARSE_OPTIONS } from '../../server/src/engine/parse/parsedChunk';

export { PARSE_OPTIONS };

function describeNode(n: unknown): unknown {
  if (n === null || typeof n !== 'object') return n;
  const out: Record<string, unknown> = { class: (n as object).constructor.name };
  for (const [k, v] of Object.entries(n)) {
    if (k === 'schema') continue;
    if (k === 'items') out[k] = (v as unknown[]).map(describeNode);
    else if (k === 'key' || k === 'value' || k === 'contents') out[k] = describeNode(v);
    else if (k === 'directives') out[k] = JSON.stringify(v);
    else if (k === 'options') out[k] = Object.entries(v as object).filter(([name]) => name !== '_directives');
    else if (k === 'errors' || k === 'warnings')
      out[k] = (v as { code: string; pos: unknown }[]).map((e) => [e.code, e.pos]);
    else out[k] = v;
  }
  return out;
}

/**
 * The description of a document, with its plain value beside it (`value`: that value as another parser
 * built it; else the document's toJS()). inspect() tells NaN, -0 and own `__proto__` keys apart.
 */
export function describeDocument(doc: Document.Parsed, value: unknown = doc.toJS()): string {
  return `${JSON.stringify(describeNode(doc))}\n${inspect(value, { depth: null, breakLength: Infinity, showHidden: true })}`;
}

export function describeYaml(text: string): string {
  return describeDocument(parseDocument(text, PARSE_OPTIONS));
}

/** Where two descriptions first differ, with some context: short enough to read in a test failure. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 160);
  return `first difference at ${i}:\n  ${a.slice(from, i + 80)}\n  ${b.slice(from, i + 80)}`;
}
