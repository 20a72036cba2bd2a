// The one place where the engine's positions become LSP ranges: offsets into a document (problems,
// symbols, edits, nodes) and recorded source references (cross-file facts).
import type { Position, Range } from 'vscode-languageserver-types';
import type { SourceRef } from './types';

/** Offsets [start, end) of a document as a range of 0-based lines and UTF-16 characters. */
export function offsetRange(doc: { positionAt(offset: number): Position }, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** A recorded source reference (already lines and characters) as a range. */
export function refRange(ref: SourceRef): Range {
  return {
    start: { line: ref.line, character: ref.character },
    end: { line: ref.endLine, character: ref.endCharacter },
  };
}
