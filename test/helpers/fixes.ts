// Applies a problem's quick fix the way the editor does: Problem -> LSP diagnostic -> code action ->
// workspace edit, and returns the edited texts (the fix may edit another file of the project).
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/engine/features/codeActions';
import { toDiagnostic } from '../../server/src/engine/features/diagnostics';
import type { Problem } from '../../server/src/engine/types';
import type { TestProject } from './engine';

/** The titles of the quick fixes offered for a problem of `path`. */
export function fixTitles(t: TestProject, path: string, problem: Problem): string[] {
  const doc = TextDocument.create(t.uri(path), 'yaml', 1, t.p.analysis(t.uri(path))!.doc.getText());
  return codeActions(doc, [toDiagnostic(problem)]).map((a) => a.title);
}

/** Applies the `pick`-th quick fix of a problem of `path`; returns every edited file's new text, by path. */
export function applyFix(t: TestProject, path: string, problem: Problem, pick = 0): Record<string, string> {
  const doc = TextDocument.create(t.uri(path), 'yaml', 1, t.p.analysis(t.uri(path))!.doc.getText());
  const actions = codeActions(doc, [toDiagnostic(problem)]);
  const action = actions[pick];
  assert.ok(action?.edit?.changes, `a quick fix for ${problem.rule}: ${problem.message}`);
  const out: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(action.edit.changes)) {
    const rel = uri.slice(t.uri('').length);
    const text = t.p.analysis(uri)!.doc.getText();
    out[rel] = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
  }
  return out;
}
