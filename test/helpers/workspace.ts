// Temporary project folders for tests, and small text helpers (caret markers, applying edits).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

export function makeWorkspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-test-')));
  for (const [rel, text] of Object.entries(files)) writeFile(dir, rel, text);
  return dir;
}

export function writeFile(dir: string, rel: string, text: string): void {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
}

export function removeWorkspace(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function fileUri(dir: string, rel = ''): string {
  return pathToFileURL(path.join(dir, rel)).href.replace(/\/$/, '');
}

/** Removes the single `|` caret marker and returns the text and the caret's position. */
export function caret(marked: string): { text: string; position: Position } {
  const i = marked.indexOf('|');
  if (i < 0 || marked.indexOf('|', i + 1) >= 0) throw new Error('expected exactly one | caret marker');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  return { text, position: TextDocument.create('x', 'yaml', 0, text).positionAt(i) };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'yaml', 0, text), edits);
}

export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits = edit?.changes?.[uri];
  if (!edits) throw new Error(`workspace edit has no changes for ${uri}`);
  return applyEdits(text, edits);
}
