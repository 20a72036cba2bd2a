import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { isPlaceholder } from '../parse/templates';

// Small readers over a resource's YAML tree for the value rules: pairs by key, scalar values with their
// ranges, and a bounded walk over every mapping.

export type YamlPair = Pair<Scalar, Node | null>;

export function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number')
    ? String(pair.key.value)
    : undefined;
}

export function pairOf(map: unknown, key: string): YamlPair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => keyOf(p as Pair) === key) as YamlPair | undefined;
}

export function mapOf(map: unknown, key: string): YAMLMap | undefined {
  const v = pairOf(map, key)?.value;
  return isMap(v) ? v : undefined;
}

/** The scalar at `key` with its range, when it is written and not a placeholder. */
export function scalarOf(
  map: unknown,
  key: string,
): { value: unknown; node: Scalar; range: [number, number] } | undefined {
  const v = pairOf(map, key)?.value;
  if (!isScalar(v) || !v.range) return undefined;
  if (typeof v.value === 'string' && isPlaceholder(v.value)) return undefined;
  return { value: v.value, node: v, range: [v.range[0], v.range[1]] };
}

export function stringOf(
  map: unknown,
  key: string,
): { value: string; node: Scalar; range: [number, number] } | undefined {
  const s = scalarOf(map, key);
  return s && typeof s.value === 'string' ? { ...s, value: s.value } : undefined;
}

/** Every mapping under `root` (itself included); depth-bounded, iterative. */
export function* mappings(root: YAMLMap, maxDepth = 64): Generator<YAMLMap> {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > maxDepth) continue;
    if (isMap(node)) {
      yield node;
      for (let i = node.items.length - 1; i >= 0; i--) {
        const v = (node.items[i] as YamlPair).value;
        if (v && (isMap(v) || isSeq(v))) stack.push({ node: v, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const v = node.items[i];
        if (isMap(v) || isSeq(v)) stack.push({ node: v, depth: depth + 1 });
      }
    }
  }
}

/** Seconds of a Go/proto duration (`1.5s`, `500ms`, `1m30s`), or undefined. */
export function durationSeconds(text: string): number | undefined {
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  const re = /([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * unit[m[2]!]!;
    at = re.lastIndex;
  }
  return at === text.length && at > 0 ? total : undefined;
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
