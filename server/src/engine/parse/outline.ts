import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { SymbolKind } from 'vscode-languageserver-types';
import type { Identity } from './identify';
import type { ParsedChunk } from './parsedChunk';
import { field } from './tsbMeta';

// The outline of one document: one symbol per resource ("WorkspaceSetting bookinfo-ws-setting"), its
// top-level sections as children, the spec's sections below, and the items of list-valued spec sections.

/** An outline entry, with offsets relative to the document (positions are computed when asked). */
export interface ChunkSymbol {
  name: string;
  detail: string;
  kind: number;
  start: number;
  end: number;
  selStart: number;
  selEnd: number;
  children?: ChunkSymbol[];
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && pair.key.value !== undefined
    ? String(pair.key.value)
    : undefined;
}

/**
 * The outline of one analysed document (offsets relative to it); none for a document that does not
 * parse (the parser's recovery would make up sections). Warnings do not count.
 */
export function documentOutline(parsed: ParsedChunk, analyses: readonly { identity: Identity }[]): ChunkSymbol[] {
  const broken = parsed.syntax.some((p) => p.rule === 'yaml-syntax' && p.severity !== 'warning');
  return broken ? [] : chunkSymbols(parsed, analyses);
}

function chunkSymbols(parsed: ParsedChunk, analyses: readonly { identity: Identity }[]): ChunkSymbol[] {
  const out: ChunkSymbol[] = [];
  parsed.resources.forEach((resource, i) => {
    const node = resource.node;
    const analysis = analyses[i];
    const kind = analysis?.identity.kind;
    if (!node.range || !analysis || !kind) return;
    const name = field(field(resource.value, 'metadata'), 'name');
    const kindPair = analysis.identity.kindPair;
    const children: ChunkSymbol[] = [];
    for (const item of node.items) {
      const pair = item as Pair<Scalar, Node | null>;
      const key = keyText(pair);
      if (!key || key === 'apiVersion' || key === 'kind' || !pair.key.range) continue;
      children.push(pairSymbol(pair, key, key === 'spec' ? 2 : 0));
    }
    const sel: [number, number] = kindPair?.key.range
      ? [kindPair.key.range[0], (kindPair.value as Node | null)?.range?.[1] ?? kindPair.key.range[1]]
      : [node.range[0], node.range[1]];
    out.push({
      name: typeof name === 'string' && name ? `${kind} ${name}` : kind,
      detail: analysis.identity.apiVersion ?? '',
      kind: analysis.identity.family === 'tetrate' ? SymbolKind.Class : SymbolKind.Object,
      start: node.range[0],
      end: node.range[1],
      selStart: sel[0],
      selEnd: sel[1],
      children,
    });
  });
  return out;
}

function pairSymbol(pair: Pair<Scalar, Node | null>, name: string, depth: number): ChunkSymbol {
  const k = pair.key.range!;
  const end = pair.value?.range?.[1] ?? k[1];
  const children: ChunkSymbol[] = [];
  const v = pair.value;
  if (depth > 0 && isMap(v)) {
    for (const item of v.items) {
      const p = item as Pair<Scalar, Node | null>;
      const key = keyText(p);
      if (key && p.key.range) children.push(pairSymbol(p, key, depth - 1));
    }
  } else if (depth > 0 && isSeq(v)) {
    v.items.forEach((it, i) => {
      const n = it as Node | null;
      if (!n?.range) return;
      children.push({
        name: `${name}[${i}]`,
        detail: summary(n),
        kind: SymbolKind.Struct,
        start: n.range[0],
        end: n.range[1],
        selStart: n.range[0],
        selEnd: n.range[0],
      });
    });
  }
  return {
    name,
    detail: isScalar(v) ? String(v.value ?? '') : '',
    kind: isMap(v) ? SymbolKind.Namespace : isSeq(v) ? SymbolKind.Array : SymbolKind.Field,
    start: k[0],
    end,
    selStart: k[0],
    selEnd: k[1],
    ...(children.length ? { children } : {}),
  };
}

/** A short description of a list item: its first key and value. */
function summary(n: Node): string {
  if (isScalar(n)) return String(n.value ?? '');
  if (isMap(n) && n.items[0]) {
    const p = n.items[0] as Pair<Scalar, Node | null>;
    return `${keyText(p) ?? ''}${isScalar(p.value) ? `: ${String(p.value.value)}` : ''}`;
  }
  return '';
}
