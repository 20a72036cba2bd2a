import type { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { ChunkSymbol } from '../chunkResult';
import type { FileAnalysis } from '../fileAnalysis';
import { offsetRange } from '../range';

// The outline of a file: each document's outline is taken when it is analysed in this thread (parse/outline.ts;
// its syntax tree is released afterwards), or when first asked for; offsets, positions computed per request.

/**
 * Outline entries per file, like yaml-language-server's `yaml.maxItemsComputed`: a 300k-line file has a
 * quarter of a million, and building, serialising and rendering them would stall server and editor
 * alike. Every resource is listed first; their sections fill what is left of the budget, in order.
 */
export const MAX_OUTLINE_ITEMS = 5000;

/**
 * Takes the outline of each document that has none yet (documents read by the workspace scan), one
 * document per step: each may have to be parsed again, and a large file has thousands.
 */
export function* outlineSteps(file: FileAnalysis): Generator<void, void> {
  for (const chunk of file.chunks) {
    if (chunk.result.hasOutline) continue;
    void chunk.result.symbols;
    yield;
  }
}

export function documentSymbols(file: FileAnalysis, limit = MAX_OUTLINE_ITEMS): DocumentSymbol[] {
  let resources = 0;
  for (const chunk of file.chunks) resources += chunk.result.symbols.length;
  let budget = limit - Math.min(resources, limit);
  const out: DocumentSymbol[] = [];
  for (const chunk of file.chunks) {
    const at = (s: ChunkSymbol, withChildren: boolean): DocumentSymbol => {
      let children: DocumentSymbol[] | undefined;
      if (withChildren && s.children) {
        children = [];
        for (const c of s.children) {
          if (budget <= 0) break;
          budget--;
          children.push(at(c, true));
        }
      }
      return {
        name: s.name,
        detail: s.detail,
        kind: s.kind as SymbolKind,
        range: offsetRange(file.doc, chunk.start + s.start, chunk.start + s.end),
        selectionRange: offsetRange(file.doc, chunk.start + s.selStart, chunk.start + s.selEnd),
        ...(children && (children.length || s.children!.length === 0) ? { children } : {}),
      };
    };
    for (const s of chunk.result.symbols) {
      if (out.length >= limit) return out;
      out.push(at(s, true));
    }
  }
  return out;
}
