// A quick fix through vscode.executeCodeActionProvider, applied with workspace.applyEdit.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  fixture,
  hasRule,
  lacksRule,
  open,
  restoreText,
  ruleOf,
  textOf,
  waitForDiagnostics,
} from './helpers';

describe('quick fix', () => {
  before(activateExtension);
  const uri = () => fixture('lowercase-apiversion', 'tsb/bookinfo-ws.yaml');
  let original: string | undefined;
  after(async () => {
    if (original !== undefined) await restoreText(uri(), original);
  });

  it('key-case: "apiversion" is fixed to "apiVersion" and the warning goes away', async () => {
    await open(uri());
    original = await textOf(uri());
    const ds = await waitForDiagnostics(uri(), hasRule('key-case'), 'key-case');
    const d = ds.find((x) => ruleOf(x) === 'key-case')!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri(),
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fixes = actions.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined);
    const fix = fixes.find((a) => /apiVersion/.test(a.title));
    assert.ok(
      fix?.edit,
      `no quick fix mentioning apiVersion; got: ${actions.map((a) => a.title).join(' | ') || '(none)'}`,
    );
    if (fix.kind) assert.ok(vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind.value}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit refused the fix');
    const doc = await vscode.workspace.openTextDocument(uri());
    assert.match(doc.lineAt(0).text, /^apiVersion: /);
    await waitForDiagnostics(uri(), lacksRule('key-case'), 'key-case to go away');
  });
});
