// Accepting a completion the way VS Code does, for tests: snippet syntax expanded with every tab stop's
// default (written independently of the server's own preview), the later lines of a multi-line
// insertion indented like the line it is inserted on.
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from './workspace';

const VARIABLES: Record<string, string> = {
  TM_FILENAME_BASE: 'example',
  TM_FILENAME: 'example.yaml',
  CURRENT_YEAR: '2026',
};

/** Expands VS Code snippet syntax with defaults: ${1:default}, ${1|a,b|} (first choice), $1/${1} (the tab stop's default elsewhere), $0, variables. */
export function expand(body: string): string {
  const defaults = new Map<string, string>();
  let prev: string | undefined;
  let text = body;
  // Nested placeholders resolve from the inside out.
  while (prev !== text) {
    prev = text;
    text = text
      .replace(/\$\{(\d+):((?:[^${}\\]|\\.)*)\}/g, (_m, n: string, d: string) => {
        if (!defaults.has(n)) defaults.set(n, d);
        return d;
      })
      .replace(/\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g, (_m, n: string, list: string) => {
        const first = list.split(/(?<!\\),/)[0]!;
        if (!defaults.has(n)) defaults.set(n, first);
        return first;
      })
      .replace(/\$\{([A-Z_]+)(?::([^}]*))?\}/g, (_m, v: string, d?: string) => VARIABLES[v] ?? d ?? '');
  }
  // An escaped `\$` is a dollar sign, not a tab stop or a variable.
  text = text.replace(
    /(?<!\\)\$\{(\d+)\}|(?<!\\)\$(\d+)/g,
    (_m, a?: string, b?: string) => defaults.get(a ?? b!) ?? '',
  );
  text = text.replace(/(?<!\\)\$([A-Z_]+)/g, (_m, v: string) => VARIABLES[v] ?? '');
  return text.replace(/\\([$}\\,|])/g, '$1');
}

/** The text after accepting `item`: its edit, with snippet defaults, indented like VS Code indents snippets. */
export function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit | undefined;
  if (!edit || !('range' in edit)) throw new Error(`${item.label}: no textEdit`);
  const snippet = item.insertTextFormat === 2;
  let newText = snippet ? expand(edit.newText) : edit.newText;
  const line = text.split('\n')[edit.range.start.line] ?? '';
  const lead = /^[ \t]*/.exec(line.slice(0, edit.range.start.character))![0];
  // Snippet sessions indent every later line like the line the snippet starts on.
  if (snippet) newText = newText.replace(/\n/g, `\n${lead}`);
  return applyEdits(text, [{ range: edit.range, newText }]);
}

export type { Position };
