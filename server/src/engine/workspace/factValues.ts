// Values read from resources as the cross-file facts mean them (booleans written as text, namespace
// names without a cluster, relocated blocks) and the YAML nodes they are written at.
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { field } from '../parse/tsbMeta';
import { relocate } from '../rules/analyseResource';
import type { Relocation } from '../rules/fieldPaths';
import { findKeyIgnoringCase } from '../util/caseTolerant';

/** A boolean as meant: `"true"` is reported as a wrong type, and still read as true for the cross-file rules. */
export function isTrue(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined;
}

function pairIn(map: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  return findKeyIgnoringCase(map.items, (p) => (isScalar(p.key) ? String(p.key.value) : undefined), key) as
    | Pair<Scalar, Node | null>
    | undefined;
}

export function nodeAt(
  map: YAMLMap,
  path: (string | number)[],
): { node: Node | null | undefined; pair?: Pair<Scalar, Node | null> } {
  let cur: Node | null | undefined = map;
  let pair: Pair<Scalar, Node | null> | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!isSeq(cur)) return { node: undefined };
      cur = cur.items[seg] as Node | undefined;
      pair = undefined;
    } else {
      pair = pairIn(cur, seg);
      if (!pair) return { node: undefined };
      cur = pair.value;
    }
  }
  return { node: cur, ...(pair ? { pair } : {}) };
}

/** ENABLE_DNS_RESOLUTION_AT_EDGE="true" through an EdgeXcp overlay env patch, or in the xcp component's env. */
export function enablesDnsAtEdge(spec: unknown): boolean {
  const found = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(found);
    if (!v || typeof v !== 'object') return false;
    const o = v as Record<string, unknown>;
    if (o['name'] === 'ENABLE_DNS_RESOLUTION_AT_EDGE' && String(o['value']).toLowerCase() === 'true') return true;
    return Object.values(o).some(found);
  };
  return found(field(field(spec, 'components'), 'xcp'));
}

/**
 * `bookinfo` in a namespaceSelector is reported as invalid (names are `<cluster>/<namespace>`) and read as
 * the `*\/bookinfo` it means, so ownership, injection and selector checks still see the workspace's namespaces.
 */
export function meantNamespace(name: string): string {
  return !name.includes('/') && /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\*?|\*)$/.test(name) ? `*/${name}` : name;
}

export function relocated(value: unknown, moves: readonly Relocation[]): unknown {
  const copy = structuredClone(value);
  for (const m of moves) relocate(copy, m);
  return copy;
}

/** Where a path of the relocated value is written in the YAML. */
export function writtenAt(path: (string | number)[], moves: readonly Relocation[]): (string | number)[] {
  let out = path;
  for (let i = moves.length - 1; i >= 0; i--) {
    const m = moves[i]!;
    if (m.to.length <= out.length && m.to.every((seg, j) => String(seg) === String(out[j])))
      out = [...m.from, ...out.slice(m.to.length)];
  }
  return out;
}
