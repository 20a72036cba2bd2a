import { MarkupKind, CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { SchemaEntry } from '../../../../schemas/src/types';
import type { FileAnalysis } from '../fileAnalysis';
import type { AnalysedProject } from '../analysedProject';
import { msg, type Message } from '../l10n/message';
import type { Locale } from '../l10n/translate';
import type { ParentLevel } from './projectValues';
import { yamlScalar } from './snippetText';
import type { CompletionSpot } from './yamlPath';

// What every kind of completion item reads: the caret's place and document, and how items are built.

/** What completion reads of the project: the schemas and the resolved facts. */
export type CompletionReads = Pick<AnalysedProject, 'registry' | 'resolved'>;

export interface Ctx {
  file: FileAnalysis;
  project: CompletionReads;
  pos: Position;
  spot: CompletionSpot;
  entry?: SchemaEntry;
  value: unknown;
  /** The document's lines, and the cursor's line among them. */
  lines: string[];
  line: number;
  snippets: boolean;
  locale: Locale;
}

export const LEVEL_WORD: Record<ParentLevel, Message> = {
  organization: msg('organization'),
  tenant: msg('tenant'),
  workspace: msg('workspace'),
  group: msg('group'),
};

export function editRange(ctx: Ctx, prefix: string) {
  return { start: { line: ctx.pos.line, character: ctx.pos.character - prefix.length }, end: ctx.pos };
}

export function md(value: string) {
  return value ? { documentation: { kind: MarkupKind.Markdown, value } } : {};
}

export function valueItem(
  ctx: Ctx,
  prefix: string,
  value: string,
  detail?: string,
  doc?: string,
  sort = '1',
): CompletionItem {
  const text = yamlScalar(value);
  return {
    label: value,
    kind: CompletionItemKind.Value,
    ...(detail ? { detail } : {}),
    ...md(doc ?? ''),
    filterText: prefix.startsWith('"') || prefix.startsWith("'") ? text : value,
    textEdit: { range: editRange(ctx, prefix), newText: text },
    sortText: `${sort}${value}`,
  };
}

export const PARENT_KEYS = new Set(['organization', 'tenant', 'workspace', 'group']);

export function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.label) && seen.add(i.label));
}
