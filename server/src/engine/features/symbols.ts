import type { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { ChunkSymbol } from '../chunkResult';
import type { FileAnalysis } from '../fileAnalysis';

// The outline of a file: each document's outline is taken when it is analysed (parse/outline.ts; its
// syntax tree is released afterwards), with offsets; positions are computed per request.

export function documentSymbols(file: FileAnalysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const chunk of file.chunks) {
    const at = (s: ChunkSymbol): DocumentSymbol => ({
      name: s.name,
      detail: s.detail,
      kind: s.kind as SymbolKind,
      range: { start: file.doc.positionAt(chunk.start + s.start), end: file.doc.positionAt(chunk.start + s.end) },
      selectionRange: { start: file.doc.positionAt(chunk.start + s.selStart), end: file.doc.positionAt(chunk.start + s.selEnd) },
      ...(s.children ? { children: s.children.map(at) } : {}),
    });
    for (const s of chunk.result.symbols) out.push(at(s));
  }
  return out;
}
