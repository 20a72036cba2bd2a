import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import type { SchemaEntry } from '../../../../schemas/src/types';
import type { FileAnalysis, PlacedChunk } from '../fileAnalysis';
import { offsetRange } from '../range';
import type { Resource } from '../parse/parsedChunk';
import type { ResourceAnalysis } from '../rules/analyseResource';

// Where a position falls in the parsed YAML: which document, which resource, which path inside it,
// and whether it is on a key or a value. Built on the engine's per-document parse (never re-parses).

export type Path = (string | number)[];

export interface ResourceAt {
  chunk: PlacedChunk;
  resource: Resource;
  analysis: ResourceAnalysis;
  entry?: SchemaEntry;
}

export interface Located extends ResourceAt {
  /** Path inside the resource (List items: relative to the item). */
  path: Path;
  onKey: boolean;
  pair?: Pair<Scalar, Node | null>;
  node?: Node | null;
}

export function chunkAt(file: FileAnalysis, offset: number): PlacedChunk | undefined {
  let found: PlacedChunk | undefined;
  for (const c of file.chunks) if (c.start <= offset) found = c;
  return found;
}

/** The resource (document root or List item) containing a chunk-relative offset. */
export function resourceAt(chunk: PlacedChunk, local: number): ResourceAt | undefined {
  const { resources } = chunk.result.parsed;
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    const range = r.node.range;
    if (resources.length === 1 || (range && range[0] <= local && local <= range[2])) {
      const analysis = chunk.result.analyses[i]!;
      return { chunk, resource: r, analysis, ...(analysis.entry ? { entry: analysis.entry } : {}) };
    }
  }
  return undefined;
}

export function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && pair.key.value !== undefined
    ? String(pair.key.value)
    : undefined;
}

/** Locates a position; undefined outside any resource. */
export function locate(file: FileAnalysis, pos: Position): Located | undefined {
  const offset = file.doc.offsetAt(pos);
  const chunk = chunkAt(file, offset);
  if (!chunk) return undefined;
  const local = offset - chunk.start;
  const at = resourceAt(chunk, local);
  if (!at) return undefined;
  const walk = (node: Node | null | undefined, path: Path): Omit<Located, keyof ResourceAt> => {
    if (isMap(node)) {
      for (const item of node.items) {
        const pair = item as Pair<Scalar, Node | null>;
        const key = keyText(pair);
        if (key === undefined || !pair.key.range) continue;
        const [ks, ke] = pair.key.range;
        if (local >= ks && local <= ke) return { path: [...path, key], onKey: true, pair, node: pair.value };
        const v = pair.value;
        if (v?.range && local >= v.range[0] && local <= v.range[1]) {
          const inner = walk(v, [...path, key]);
          return inner.pair || isScalar(v) ? { ...inner, ...(isScalar(v) ? { pair } : {}) } : { ...inner, pair };
        }
      }
      return { path, onKey: false, node };
    }
    if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const it = node.items[i] as Node | null;
        if (it?.range && local >= it.range[0] && local <= it.range[1]) return walk(it, [...path, i]);
      }
      return { path, onKey: false, node };
    }
    return { path, onKey: false, node: node ?? null };
  };
  return { ...at, ...walk(at.resource.node as YAMLMap, []) };
}

/** A node's range as an LSP Range (value end, not node end: no trailing newline or comment). */
export function nodeRange(
  file: FileAnalysis,
  chunk: PlacedChunk,
  node: { range?: [number, number, number] | null | undefined },
): Range | undefined {
  if (!node.range) return undefined;
  return offsetRange(file.doc, chunk.start + node.range[0], chunk.start + node.range[1]);
}

/** The plain value at a path inside a resource value (case-sensitive, arrays by index). */
export function valueAt(value: unknown, path: Path): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
