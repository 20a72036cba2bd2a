import { isMap, isScalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyOf, pairOf, type YamlPair } from './yamlNodes';

// Text insertions into block-style YAML that keep it valid: under a path of mappings (creating the missing
// ones) or as a new item of a sequence, indented like their siblings. Used by quick fixes that add what a
// rule found missing; flow style (`{ … }`, `[ … ]`) on the way gives up (no fix rather than a broken file).

export interface Insertion {
  /** Offset in the text (always the end of a line). */
  offset: number;
  text: string;
}

function columnOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return offset - i;
}

/** The end of the last line a node's content is on: where its line break (`\n`, `\r\n` or `\r`) starts. */
function contentLineEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  const m = /\r\n|\n|\r/g;
  m.lastIndex = e;
  const hit = m.exec(text);
  return hit ? hit.index : text.length;
}

/** Length of the line break at `offset` (0 at the end of the text). */
function breakLength(text: string, offset: number): number {
  return text.startsWith('\r\n', offset) ? 2 : text[offset] === '\n' || text[offset] === '\r' ? 1 : 0;
}

function nodeEnd(node: Node | null | undefined, fallback: number): number {
  return node?.range ? node.range[1] : fallback;
}

function pad(n: number): string {
  return ' '.repeat(n);
}

/** `lines` (relative indentation, first at 0) shifted right by `indent`, each on a new line. */
function block(lines: string[], indent: number, eol: string): string {
  return lines.map((l) => `${eol}${pad(indent)}${l}`).join('');
}

/**
 * Inserts `entry` (YAML lines of one key, relative indentation) into the mapping at `path` under `root`,
 * creating the mappings of the path that are missing. Undefined when the way is not block mappings.
 */
export function insertInMap(
  root: YAMLMap,
  text: string,
  path: string[],
  entry: string[],
  eol = '\n',
): Insertion | undefined {
  let cur: YAMLMap = root;
  for (let i = 0; i < path.length; i++) {
    if (cur.flow) return undefined;
    const pair = pairOf(cur, path[i]!);
    // The missing keys of the path, each under the previous one, then the entry under the last.
    const nested = (missing: string[], indent: number) =>
      [...missing.map((k, j) => `${pad(j * 2)}${k}:`), ...entry.map((l) => pad(missing.length * 2) + l)]
        .map((l) => `${eol}${pad(indent)}${l}`)
        .join('');
    if (!pair) {
      const first = cur.items[0] as YamlPair | undefined;
      const last = cur.items[cur.items.length - 1] as YamlPair | undefined;
      if (!first?.key?.range || !last?.key?.range) return undefined;
      return {
        offset: contentLineEnd(text, nodeEnd(last.value, last.key.range[1])),
        text: nested(path.slice(i), columnOf(text, first.key.range[0])),
      };
    }
    const v = pair.value;
    if (isMap(v) && v.items.length) {
      cur = v;
      continue;
    }
    const empty = v === null || (isScalar(v) && (v.value === null || v.value === ''));
    if (!empty || !pair.key.range) return undefined;
    // `key:` with nothing (or only comments) under it: the children go right below it.
    return {
      offset: contentLineEnd(text, pair.key.range[1]),
      text: nested(path.slice(i + 1), columnOf(text, pair.key.range[0]) + 2),
    };
  }
  if (cur.flow) return undefined;
  const first = cur.items[0] as YamlPair | undefined;
  const last = cur.items[cur.items.length - 1] as YamlPair | undefined;
  if (!first?.key?.range || !last?.key?.range) return undefined;
  return {
    offset: contentLineEnd(text, nodeEnd(last.value, last.key.range[1])),
    text: block(entry, columnOf(text, first.key.range[0]), eol),
  };
}

/** Appends `item` (YAML lines of one item, relative indentation, without the dash) to a block sequence. */
export function appendToSeq(seq: YAMLSeq, text: string, item: string[], eol = '\n'): Insertion | undefined {
  if (seq.flow || !seq.items.length) return undefined;
  const first = seq.items[0] as Node;
  const last = seq.items[seq.items.length - 1] as Node;
  if (!first?.range || !last?.range) return undefined;
  const dash = text.lastIndexOf('-', first.range[0]);
  if (dash < 0) return undefined;
  const indent = columnOf(text, dash);
  const lines = item.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`));
  return { offset: contentLineEnd(text, last.range[1]), text: block(lines, indent, eol) };
}

/** The key's pair in a mapping, and whether the mapping holds nothing else. */
export function lonePair(map: unknown, key: string): { pair: YamlPair; alone: boolean } | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => keyOf(p as YamlPair) === key) as YamlPair | undefined;
  return pair ? { pair, alone: map.items.length === 1 } : undefined;
}

/** The whole lines a pair is written on (from its line start to the end of its last line, newline included). */
export function pairLines(text: string, pair: YamlPair): [number, number] | undefined {
  if (!pair.key.range) return undefined;
  let start = pair.key.range[0];
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  if (text.slice(start, pair.key.range[0]).trim() !== '') return undefined; // not alone on its line
  const end = contentLineEnd(text, nodeEnd(pair.value, pair.key.range[1]));
  return [start, end + breakLength(text, end)];
}
