import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { splitDocuments } from '../parse/chunks';

// The YAML document (and the resource of a `kind: List`) at a position, parsed again for a quick fix that
// has to see more than the diagnostic's range. Offsets are relative to the document (`start` in the file).

export interface DocumentAt {
  start: number;
  text: string;
  /** The resource holding the position: the document's root mapping, or the List item around it. */
  root: YAMLMap;
}

export function documentAt(doc: TextDocument, position: Position): DocumentAt | undefined {
  const offset = doc.offsetAt(position);
  const chunk = splitDocuments(doc.getText()).filter((c) => c.start <= offset).pop();
  if (!chunk) return undefined;
  const parsed = parseDocument(chunk.text, { uniqueKeys: false, logLevel: 'error' });
  const root = parsed.contents;
  if (!isMap(root)) return undefined;
  const local = offset - chunk.start;
  const items = root.get('items', true);
  if (isSeq(items)) {
    const item = items.items.find((x) => isMap(x) && x.range && x.range[0] <= local && local <= x.range[1]);
    if (isMap(item)) return { start: chunk.start, text: chunk.text, root: item };
  }
  return { start: chunk.start, text: chunk.text, root };
}
