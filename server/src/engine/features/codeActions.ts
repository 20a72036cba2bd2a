import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { stringify } from 'yaml';
import type { FixData } from '../types';
import { offsetRange } from '../range';
import { documents } from '../parse/chunks';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { isMessage, msg } from '../l10n/message';
import { render, type Locale } from '../l10n/translate';
import { addField, indentBlock } from './blockFixes';
import { moveAnnotation, renameKey, replaceLabels, replaceValue } from './keyValueFixes';
import { parse, type Ctx, type Fix } from './quickFixTree';

// Quick fixes built from the diagnostic alone (its `code` and `data`): stateless, so they work for
// diagnostics pulled, pushed, or read back from the editor after a restart.
//
// Every fix is shaped on the syntax tree of the document it edits (block or flow style, the document's
// own line breaks, scalars quoted where plain style would change their type) and then checked: the
// edited document is parsed again and must be valid YAML that holds what the fix meant to write (the
// renamed key, the labels as strings, the added field). A fix that fails the check is not offered.
// A fix is preferred (applied by "Auto Fix") only when it cannot change what the document means: a key
// in the wrong case, a value differing only in case or quoting.

function isFixData(v: unknown): v is FixData {
  return typeof v === 'object' && v !== null && typeof (v as { fix?: unknown }).fix === 'string';
}

/** The quick fixes for `diagnostics`, titled in `locale`. */
export function codeActions(doc: TextDocument, diagnostics: Diagnostic[], locale: Locale = 'en'): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || !isFixData(d.data)) continue;
    const ctx = context(doc, d);
    if (!ctx) continue;
    for (const f of fixesFor(ctx, d, d.data)) {
      // Edits in other files were shaped and checked on those files' trees when the rule made them.
      if (f.changes) {
        out.push({
          title: render(f.title, locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          ...(f.isPreferred ? { isPreferred: true } : {}),
          edit: { changes: f.changes },
        });
        continue;
      }
      if (!f.edits.length || !check(ctx, f)) continue;
      out.push({
        title: render(f.title, locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        ...(f.isPreferred ? { isPreferred: true } : {}),
        edit: {
          changes: { [doc.uri]: f.edits.map((e) => ({ range: offsetRange(doc, e.start, e.end), newText: e.text })) },
        },
      });
    }
  }
  return out;
}

function context(doc: TextDocument, d: Diagnostic): Ctx | undefined {
  const text = doc.getText();
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  let chunk: { start: number; length: number } | undefined;
  // Documents split as the analysis splits them (a lone CR ends a line there too; same offsets).
  for (const c of documents(text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text)) {
    if (c.start > start) break;
    chunk = { start: c.start, length: c.text.length };
  }
  if (!chunk) return undefined;
  const chunkText = text.slice(chunk.start, chunk.start + chunk.length);
  return { doc, text, chunkStart: chunk.start, chunkText, tree: parse(chunkText), start, end, eol: eolOf(text, start) };
}

/** The line break used around `offset` (CRLF, LF or CR), so an inserted line matches its neighbours. */
function eolOf(text: string, offset: number): string {
  const m = /\r\n|\n|\r/.exec(text.slice(offset)) ?? /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

/** Applies the fix to the document's text, parses it again and checks that it is valid and says what was meant. */
function check(ctx: Ctx, fix: Fix): boolean {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let text = ctx.chunkText;
  const chunkEnd = ctx.chunkStart + ctx.chunkText.length;
  for (const e of edits) {
    if (e.start < ctx.chunkStart || e.end > chunkEnd) return false;
    text = text.slice(0, e.start - ctx.chunkStart) + e.text + text.slice(e.end - ctx.chunkStart);
  }
  const after = parse(text);
  if (after.errors.length > ctx.tree.errors.length) return false;
  return !fix.expect || fix.expect(after, ctx.start - ctx.chunkStart);
}

function fixesFor(ctx: Ctx, d: Diagnostic, data: FixData): Fix[] {
  switch (data.fix) {
    case 'rename-key':
      return renameKey(ctx, d, data.to);
    case 'replace-value':
      return replaceValue(ctx, d, data.to, data.candidates);
    case 'indent':
      return indentBlock(ctx, data.spaces, data.lines, data.under);
    case 'add-field':
      // The names the project already uses for this field (a missing tenant): one fix each, a real value.
      if (data.values?.length) {
        return data.values.flatMap((value) =>
          addField(
            ctx,
            data.field,
            `${data.field}: ${stringify(value).trimEnd()}`,
            data.before === true,
            msg('Add `{field}: {value}`', { field: data.field, value }),
          ),
        );
      }
      return addField(ctx, data.field, data.snippet, data.before === true);
    case 'replace-labels':
      return replaceLabels(ctx, data.labels);
    case 'move-annotation':
      return moveAnnotation(ctx, data.key);
    case 'edit':
      // The data comes back from the client: a title that is not a message is shown as it is.
      return [
        {
          title: isMessage(data.title) ? data.title : msg('{title}', { title: String(data.title) }),
          edits: [],
          changes: Object.fromEntries(data.changes.map((c) => [c.uri, c.edits])),
        },
      ];
    default:
      return [];
  }
}
