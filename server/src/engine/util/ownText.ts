// A document's text is cut from its file's text, and JavaScript engines keep such a cut as a view into
// the whole (V8's sliced strings), as are the names and values the parser cuts from it. A document's
// analysis outlives its file's text (an edit re-analyses only the documents it touched and keeps the
// rest), so each kept view held one old version of the whole file: 300 edits of a 1,000-document file
// kept 300 copies of it. A document analysed from its own copy holds only itself.

/** The same characters in a string of their own (not a view into a larger one). */
export function ownText(text: string): string {
  // Joining forces a new flat string; the slice is a view into that one only.
  return ` ${text}`.slice(1);
}
