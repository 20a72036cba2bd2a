import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { SchemaEntry } from '../../../../schemas/src/types';
import type { FileAnalysis } from '../fileAnalysis';
import { chunkAt, resourceAt } from './locate';
import { expandSnippet, yamlScalar } from './snippetText';
import { resourceSnippets, snippetDefaults } from './snippets';
import type { Locale } from '../l10n/translate';
import { completionSpot, shapeOf, type CompletionSpot } from './yamlPath';
import { editRange, type CompletionReads, type Ctx } from './completionContext';
import { itemItems, keyItems } from './completionKeys';
import { valueItems } from './completionValues';
import { keySnippet, type SnippetHints } from './keySnippet';

export { keySnippet, yamlScalar, type CompletionReads, type SnippetHints };

// Completion at the caret: schema keys (with documentation and skeletons of required children),
// enum values, apiVersion/kind, and values the project knows (tenancy names, namespaces, gateway and
// Service label pairs, `<cluster>/<namespace>` names).

export interface CompletionOptions {
  /** The client accepts snippet syntax (tab stops, choices). */
  snippets?: boolean;
  /** The language of details and documentation written here (schema descriptions are the API reference's). */
  locale?: Locale;
}

export function complete(
  file: FileAnalysis,
  pos: Position,
  project: CompletionReads,
  options: CompletionOptions = {},
): CompletionList {
  const offset = file.doc.offsetAt(pos);
  const chunk = chunkAt(file, offset);
  // The lines of the document under the cursor, not the whole file's: no YAML structure crosses `---`
  // (so apiVersion/kind are read from this document), and a huge file is not split on every keystroke.
  const first = chunk ? file.doc.positionAt(chunk.start).line : 0;
  const lines = (chunk ? chunk.result.text : file.doc.getText()).split(/\r?\n/);
  const line = pos.line - first;
  if (line < 0 || line >= lines.length) return { isIncomplete: false, items: [] };
  const spot = completionSpot(lines, line, pos.character);
  if (!spot) return { isIncomplete: false, items: [] };
  const at = chunk ? resourceAt(chunk, offset - chunk.start) : undefined;
  // List items: paths inside an item are relative to it.
  if (at && at.resource.path.length === 2 && spot.path[0] === 'items' && typeof spot.path[1] === 'number')
    spot.path = spot.path.slice(2);
  const entry = at?.entry ?? entryFromText(project, chunk ? chunk.result.text : file.doc.getText());
  const ctx: Ctx = {
    file,
    project,
    pos,
    spot,
    ...(entry ? { entry } : {}),
    value: at?.resource.value,
    lines,
    line,
    snippets: options.snippets ?? true,
    locale: options.locale ?? 'en',
  };
  const items =
    spot.type === 'value'
      ? valueItems(ctx, spot.path, spot.key, spot.prefix)
      : spot.type === 'item'
        ? itemItems(ctx, spot.path, spot.prefix)
        : keyItems(ctx, spot);
  if (spot.type === 'key' && ctx.snippets && atEmptyDocument(lines, line, spot))
    items.push(...resourceSnippetItems(ctx, spot.prefix));
  return { isIncomplete: false, items };
}

const DOC_MARKER = /^(---|\.\.\.)(\s|$)/;

/**
 * Whole-resource snippets belong only where a resource starts: at the left margin of a YAML document
 * that holds nothing else yet (an empty file, or the lines after a `---`). Anywhere else they would
 * nest a resource inside another or merge two into one.
 */
function atEmptyDocument(lines: string[], line: number, spot: Extract<CompletionSpot, { type: 'key' }>): boolean {
  if (spot.path.length !== 0 || spot.inItem || spot.col !== 0) return false;
  if (lines[line]!.trim() !== spot.prefix) return false;
  // The caret's own document: up to the nearest `---` above and below (a marker below starts the next one).
  for (let l = line - 1; l >= 0 && !DOC_MARKER.test(lines[l]!); l--) if (!shapeOf(lines[l]!).blank) return false;
  for (let l = line + 1; l < lines.length && !DOC_MARKER.test(lines[l]!); l++)
    if (!shapeOf(lines[l]!).blank) return false;
  return true;
}

function resourceSnippetItems(ctx: Ctx, prefix: string): CompletionItem[] {
  return resourceSnippets(snippetDefaults(ctx.project.resolved(ctx.file.uri)), ctx.locale).map((sn) => ({
    label: sn.prefix,
    kind: CompletionItemKind.Snippet,
    detail: sn.description,
    documentation: {
      kind: MarkupKind.Markdown,
      value: [...sn.notes, `\`\`\`yaml\n${expandSnippet(sn.body)}\n\`\`\``].join('\n\n'),
    },
    filterText: sn.prefix,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: editRange(ctx, prefix), newText: sn.body },
    sortText: `5${sn.prefix}`,
  }));
}

/** apiVersion/kind read from the text when the document does not parse well enough to identify it. */
function entryFromText(project: CompletionReads, text: string): SchemaEntry | undefined {
  const api = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(text)?.[1];
  const kind = /^kind:\s*["']?([^\s"'#]+)/m.exec(text)?.[1];
  return api && kind ? project.registry.lookup(api, kind) : undefined;
}
