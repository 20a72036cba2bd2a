import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { FileAnalysis, PlacedChunk } from '../fileAnalysis';
import { field } from '../parse/tsbMeta';
import { keyText } from './locate';

// The outline: one symbol per resource ("WorkspaceSetting bookinfo-ws-setting"), its top-level
// sections as children, the spec's sections below, and the items of list-valued spec sections.

export function documentSymbols(file: FileAnalysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const chunk of file.chunks) {
    for (const { resource, analysis } of resourcesOfChunk(file, chunk)) {
      const node = resource.node;
      if (!node.range) continue;
      const kind = analysis.identity.kind;
      if (!kind) continue;
      const name = field(field(resource.value, 'metadata'), 'name');
      const range = rangeOf(file, chunk, node.range[0], node.range[1]);
      const kindPair = analysis.identity.kindPair;
      const selection = kindPair?.key.range ? rangeOf(file, chunk, kindPair.key.range[0], (kindPair.value as Node | null)?.range?.[1] ?? kindPair.key.range[1]) : range;
      const children: DocumentSymbol[] = [];
      for (const item of node.items) {
        const pair = item as Pair<Scalar, Node | null>;
        const key = keyText(pair);
        if (!key || key === 'apiVersion' || key === 'kind' || !pair.key.range) continue;
        const sym = pairSymbol(file, chunk, pair, key, key === 'spec' ? 2 : 0);
        if (sym) children.push(sym);
      }
      out.push({
        name: typeof name === 'string' && name ? `${kind} ${name}` : kind,
        detail: analysis.identity.apiVersion ?? '',
        kind: analysis.identity.family === 'tetrate' ? SymbolKind.Class : SymbolKind.Object,
        range,
        selectionRange: selection,
        children,
      });
    }
  }
  return out;
}

function resourcesOfChunk(_file: FileAnalysis, chunk: PlacedChunk) {
  const { resources } = chunk.result.parsed;
  return resources.map((resource, i) => ({ resource, analysis: chunk.result.analyses[i]! }));
}

function rangeOf(file: FileAnalysis, chunk: PlacedChunk, start: number, end: number): Range {
  return { start: file.doc.positionAt(chunk.start + start), end: file.doc.positionAt(chunk.start + end) };
}

function pairSymbol(file: FileAnalysis, chunk: PlacedChunk, pair: Pair<Scalar, Node | null>, name: string, depth: number): DocumentSymbol | undefined {
  const k = pair.key.range!;
  const end = pair.value?.range?.[1] ?? k[1];
  const children: DocumentSymbol[] = [];
  const v = pair.value;
  if (depth > 0 && isMap(v)) {
    for (const item of v.items) {
      const p = item as Pair<Scalar, Node | null>;
      const key = keyText(p);
      if (key && p.key.range) {
        const s = pairSymbol(file, chunk, p, key, depth - 1);
        if (s) children.push(s);
      }
    }
  } else if (depth > 0 && isSeq(v)) {
    v.items.forEach((it, i) => {
      const n = it as Node | null;
      if (!n?.range) return;
      children.push({ name: `${name}[${i}]`, detail: summary(n), kind: SymbolKind.Struct, range: rangeOf(file, chunk, n.range[0], n.range[1]), selectionRange: rangeOf(file, chunk, n.range[0], n.range[0]) });
    });
  }
  return {
    name,
    detail: isScalar(v) ? String(v.value ?? '') : '',
    kind: isMap(v) ? SymbolKind.Namespace : isSeq(v) ? SymbolKind.Array : SymbolKind.Field,
    range: rangeOf(file, chunk, k[0], end),
    selectionRange: rangeOf(file, chunk, k[0], k[1]),
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
