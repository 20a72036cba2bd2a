// Completion through vscode.executeCompletionItemProvider, as the editor asks for it.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, fixture, open } from './helpers';

describe('completion', () => {
  before(activateExtension);

  it('offers Workspace spec fields on a blank line inside spec:', async () => {
    const uri = fixture('scratch', 'tsb/workspace.yaml');
    const editor = await open(uri);
    const lines = editor.document.getText().split(/\r?\n/);
    const line = lines.lastIndexOf('  ');
    assert.ok(line > 0, 'the fixture ends with a blank line indented by two');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(line, 2),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const want of ['displayName', 'privileged', 'isolationBoundary']) {
      assert.ok(labels.includes(want), `no ${want} among ${labels.length} items: ${labels.slice(0, 40).join(', ')}`);
    }
    assert.ok(!labels.includes('defaultEastWestGatewaySettings'), 'a WorkspaceSetting field offered in a Workspace');
  });

  it('offers the kinds of the apiVersion after `kind: `', async () => {
    const uri = fixture('scratch', 'tsb/workspace.yaml');
    await open(uri);
    // Line 3 is `kind: Workspace`: completion right after `kind: ` lists kinds of api.tsb.tetrate.io/v2.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(2, 'kind: '.length),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Workspace'), `no Workspace among ${labels.slice(0, 40).join(', ')}`);
    assert.ok(labels.includes('WorkspaceSetting'), `no WorkspaceSetting among ${labels.slice(0, 40).join(', ')}`);
  });
});
