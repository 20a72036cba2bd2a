// Whether a text is the one already held: the project adopts a new version instead of re-analysing,
// the server waits for an analysis under way instead of starting a second, an editor's text wins over
// the disk's. Every such decision goes through this one test, so they cannot drift apart.

/** `holder` (an editor's document, an analysis's document, an analysis under way) holds exactly `text`. */
export function holdsText(holder: { getText(): string } | { text: string } | undefined, text: string): boolean {
  if (!holder) return false;
  return ('text' in holder ? holder.text : holder.getText()) === text;
}
