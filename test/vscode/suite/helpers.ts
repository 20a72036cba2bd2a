// Shared by the *.test.ts files that run inside the extension host. Waiting is always on an event
// (onDidChangeDiagnostics, onDidChangeTabs) with a generous bound, never a fixed sleep.
import * as assert from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'tsb-authoring.tsb-authoring';
export const WAIT_MS = 30_000;

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(
    ext,
    `extension ${EXTENSION_ID} is not installed; known: ${vscode.extensions.all
      .map((e) => e.id)
      .filter((id) => !id.startsWith('vscode.'))
      .join(', ')}`,
  );
  await ext.activate();
  return ext;
}

/** A file of one of the workspace folders of fixtures/integration/integration.code-workspace. */
export function fixture(folder: string, relative: string): vscode.Uri {
  const wf = vscode.workspace.workspaceFolders?.find((f) => f.name === folder);
  assert.ok(
    wf,
    `workspace folder ${folder} is not open; open: ${(vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(', ')}`,
  );
  return vscode.Uri.joinPath(wf.uri, ...relative.split('/'));
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
}

export function ruleOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return '(none)';
  return ds
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ` +
        `${vscode.DiagnosticSeverity[d.severity]} ${ruleOf(d)}: ${d.message}`,
    )
    .join('\n    ');
}

/**
 * Resolves with the uri's diagnostics once `accept` holds for them: now, or on a later
 * onDidChangeDiagnostics event for that uri. Rejects after `ms` with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (ds: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  ms = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === key)) return;
      const ds = vscode.languages.getDiagnostics(uri);
      if (accept(ds)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ds);
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `timed out after ${ms} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; diagnostics now:\n    ` +
            describeDiagnostics(vscode.languages.getDiagnostics(uri)),
        ),
      );
    }, ms);
  });
}

export const hasRule = (rule: string) => (ds: readonly vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === rule);
export const lacksRule = (rule: string) => (ds: readonly vscode.Diagnostic[]) => !ds.some((d) => ruleOf(d) === rule);

/** Resolves with the first value of `event` that `accept` takes (checking `current` first). */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  accept: () => boolean,
  what: string,
  ms = WAIT_MS,
): Promise<void> {
  if (accept()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sub = event(() => {
      if (accept()) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
  });
}

/** Replaces the first occurrence of `from` on `line` (0-based) through a WorkspaceEdit. */
export async function replaceOnLine(uri: vscode.Uri, line: number, from: string, to: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const text = doc.lineAt(line).text;
  const at = text.indexOf(from);
  assert.ok(
    at >= 0,
    `line ${line + 1} of ${vscode.workspace.asRelativePath(uri)} has no ${JSON.stringify(from)}: ${JSON.stringify(text)}`,
  );
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(line, at, line, at + from.length), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');
}

/** Puts a document back to `text` (an edit, so the language server sees it) and saves nothing. */
export async function restoreText(uri: vscode.Uri, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the restore');
}

export async function textOf(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

/**
 * Resolves once the server has answered for the document's current text with no diagnostics.
 * An empty list alone proves nothing (not analysed yet looks the same), so a YAML syntax error is
 * appended, awaited, removed, and then the empty list is awaited.
 */
export async function waitForClean(uri: vscode.Uri): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const original = doc.getText();
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, doc.positionAt(original.length), `${original.endsWith('\n') ? '' : '\n'}probe: [unclosed\n`);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the probe');
  await waitForDiagnostics(uri, hasRule('yaml-syntax'), 'yaml-syntax for the probe');
  await restoreText(uri, original);
  await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics');
}
