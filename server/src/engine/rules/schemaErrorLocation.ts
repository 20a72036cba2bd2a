// Locates a JSON pointer of a schema error in the YAML tree and the range and indentation its problem and
// fix use: keys match exactly first, then ignoring case; a missing node falls back to its nearest ancestor.
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Relocation } from './fieldPaths';
import { findKeyIgnoringCase } from '../util/caseTolerant';

export interface Located {
  node: Node | null | undefined;
  pair?: Pair<Scalar, Node | null>;
  /** Item of a sequence: the node itself is the target. */
  inSeq?: boolean;
}

export function decodePointer(p: string): string[] {
  if (!p) return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Finds the node at a pointer; keys match exactly first, then ignoring case (key-case renames). */
export function nodeAtPointer(root: YAMLMap, segments: string[]): Located {
  let cur: Located = { node: root };
  for (const seg of segments) {
    const n = cur.node;
    if (isMap(n)) {
      const pair = findKeyIgnoringCase(n.items, (p) => keyOf(p as Pair), seg) as Pair<Scalar, Node | null> | undefined;
      if (!pair) return cur;
      cur = { node: pair.value, pair };
    } else if (isSeq(n)) {
      const item = n.items[Number(seg)] as Node | undefined;
      if (!item) return cur;
      cur = { node: item, inSeq: true };
    } else {
      return cur;
    }
  }
  return cur;
}

/** The path as written, for a path inside a block that validation moved where it belongs. */
export function writtenPath(segments: string[], relocations: readonly Relocation[]): string[] {
  let out = segments;
  for (let i = relocations.length - 1; i >= 0; i--) {
    const r = relocations[i]!;
    if (r.to.length <= out.length && r.to.every((seg, j) => String(seg) === out[j]))
      out = [...r.from.map(String), ...out.slice(r.to.length)];
  }
  return out;
}

function firstLineEnd(text: string, start: number, end: number): number {
  const nl = text.indexOf('\n', start);
  const e = nl === -1 || nl > end ? end : nl;
  return e > start ? e : start + 1;
}

/** The range to underline for a located node: the key for collections, the value for scalars. */
export function rangeOf(loc: Located, text: string, root: YAMLMap): [number, number] {
  const n = loc.node;
  if (n && isScalar(n) && n.range) return [n.range[0], Math.max(n.range[1], n.range[0] + 1)];
  if (loc.pair?.key?.range) return [loc.pair.key.range[0], loc.pair.key.range[1]];
  const r = n?.range ?? root.range ?? [0, 1, 1];
  return [r[0], firstLineEnd(text, r[0], r[1])];
}

export function rootRange(root: YAMLMap, text: string): [number, number] {
  const kindPair = findKeyIgnoringCase(root.items, (p) => keyOf(p as Pair), 'kind') as Pair<Scalar> | undefined;
  if (kindPair?.key?.range)
    return [
      kindPair.key.range[0],
      kindPair.value && isScalar(kindPair.value) && kindPair.value.range
        ? kindPair.value.range[1]
        : kindPair.key.range[1],
    ];
  const r = root.range ?? [0, 1, 1];
  return [r[0], firstLineEnd(text, r[0], r[1])];
}

function columnAt(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Column where a new key of the located object goes: beside its existing keys, else under its key + 2. */
export function childIndent(loc: Located, text: string, rootMap?: YAMLMap): number {
  const map = rootMap ?? loc.node;
  if (isMap(map) && map.items.length) {
    const first = map.items[0] as Pair<Scalar>;
    if (first.key?.range) return columnAt(text, first.key.range[0]);
  }
  if (rootMap) return 0;
  if (loc.pair?.key?.range) return columnAt(text, loc.pair.key.range[0]) + 2;
  return 0;
}
