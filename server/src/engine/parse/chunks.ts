// Splits a multi-document YAML text at document markers so that each document is parsed on its own.
// YAML forbids `---` and `...` at the start of a line inside content (spec "c-forbidden"), so a split
// at such lines never cuts a scalar. Parsing per chunk lets a one-character edit in one document of a
// 5,000-document file re-parse that document only: chunks are cached by their text.

export interface Chunk {
  /** Offset of the chunk's first character in the file text. */
  start: number;
  text: string;
}

const MARKER = /^---(?=[ \t\r\n]|$)/;

/** The documents of `text` one at a time: a caller that stops early (a budget) never splits the rest. */
export function* documents(text: string): Generator<Chunk> {
  let chunkStart = 0;
  let lineStart = 0;
  let sawContent = false;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl + 1;
    if (text.startsWith('---', lineStart) && MARKER.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 4)))) {
      // Directives and comments before the first marker stay with the first document.
      if (sawContent && lineStart > chunkStart) {
        yield { start: chunkStart, text: text.slice(chunkStart, lineStart) };
        chunkStart = lineStart;
      }
      sawContent = true;
    } else if (
      !sawContent &&
      !/^\s*(#.*)?\r?\n?$/.test(text.slice(lineStart, lineEnd)) &&
      !text.startsWith('%', lineStart)
    ) {
      sawContent = true;
    }
    if (nl === -1) break;
    lineStart = lineEnd;
  }
  yield { start: chunkStart, text: text.slice(chunkStart) };
}
