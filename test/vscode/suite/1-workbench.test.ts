// The host itself: the fixture workspace is open and the extension is there and activates.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

describe('workbench', () => {
  it('opens the four fixture folders', async () => {
    const names = (vscode.workspace.workspaceFolders ?? []).map((f) => f.name);
    assert.deepStrictEqual(names, ['failover', 'misindented', 'lowercase-apiversion', 'scratch']);
    const yaml = await vscode.workspace.findFiles('**/*.yaml');
    assert.ok(yaml.length >= 19, `expected the fixture YAML files, found ${yaml.length}`);
  });

  it(`has ${EXTENSION_ID} and activates it`, async () => {
    const ext = await activateExtension();
    assert.strictEqual(ext.isActive, true);
    const pkg = ext.packageJSON as { contributes?: { commands?: { command: string }[] } };
    const commands = (pkg.contributes?.commands ?? []).map((c) => c.command);
    for (const c of ['tsb.showFailoverPreview', 'tsb.restartServer']) {
      assert.ok(commands.includes(c), `package.json contributes no ${c}: ${commands.join(', ')}`);
    }
    const registered = await vscode.commands.getCommands(true);
    for (const c of ['tsb.showFailoverPreview', 'tsb.restartServer'])
      assert.ok(registered.includes(c), `${c} is not registered after activation`);
    console.log(
      `    (VS Code ${vscode.version}, ${vscode.env.appName}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, node ${process.version}, extension at ${ext.extensionPath})`,
    );
  });
});
