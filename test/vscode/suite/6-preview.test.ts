// "TSB: Show Failover Preview" opens the webview panel.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, fixture, open, waitForEvent } from './helpers';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('tsb.failoverPreview'));
}

describe('failover preview', () => {
  before(activateExtension);
  after(async () => {
    for (const t of previewTabs()) await vscode.window.tabGroups.close(t);
  });

  it('tsb.showFailoverPreview opens one webview tab, and running it again reveals the same one', async () => {
    await open(fixture('failover', 'tsb/bookinfo-ws-setting.yaml'));
    await vscode.commands.executeCommand('tsb.showFailoverPreview');
    await waitForEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => previewTabs().length > 0,
      'a tsb.failoverPreview webview tab',
    );
    const [tab] = previewTabs();
    assert.strictEqual(tab!.label, 'Failover Preview');
    await vscode.commands.executeCommand('tsb.showFailoverPreview');
    assert.strictEqual(previewTabs().length, 1, 'a second panel was opened instead of revealing the first');
  });
});
