// The editor a platform engineer trusts on day one, inside the real extension host: the project summary
// panel, resource snippets only where a resource starts (and, accepted, no problem), key completions
// that leave no empty value, and a hover that agrees with the Problems panel.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  describeDiagnostics,
  fixture,
  open,
  restoreText,
  ruleOf,
  waitForDiagnostics,
  waitForEvent,
} from './helpers';

function summaryTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('tsb.projectSummary'));
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

async function complete(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    position,
  );
  return list.items;
}

/** A new file of the scratch folder (the runner's copy), created and opened through the editor. */
async function newFile(relative: string, text: string): Promise<vscode.TextEditor> {
  const uri = fixture('scratch', relative);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: true });
  edit.insert(uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the new file');
  return open(uri);
}

/** Inserts the completion item as the editor would: its range, its snippet. */
async function acceptItem(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : item.range ? item.range.replacing : editor.selection;
  const text =
    item.insertText instanceof vscode.SnippetString
      ? item.insertText
      : new vscode.SnippetString(String(item.insertText ?? labelOf(item)));
  assert.ok(await editor.insertSnippet(text, range), 'insertSnippet refused the item');
}

// The file ends with a second YAML document that has a known problem: once that problem is reported on its
// shifted line, the server has answered for the text with the insertion, and whatever else is reported is
// the insertion's doing.
const MARKER = '---\napiVersion: api.tsb.tetrate.io/v2\nkind: Bogus\n';
const markerLine = (ds: readonly vscode.Diagnostic[]) =>
  ds.find((d) => ruleOf(d) === 'unknown-kind')?.range.start.line ?? -1;
const markerMoved = (line: number) => (ds: readonly vscode.Diagnostic[]) => markerLine(ds) > line;

describe('editor: first minute, completion, hover', () => {
  before(activateExtension);
  after(async () => {
    for (const t of summaryTabs()) await vscode.window.tabGroups.close(t);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('tsb.showSummary opens the project summary, once', async () => {
    await vscode.commands.executeCommand('tsb.showSummary');
    await waitForEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => summaryTabs().length > 0,
      'a tsb.projectSummary webview tab',
    );
    assert.strictEqual(summaryTabs()[0]!.label, 'TSB Project Summary');
    await vscode.commands.executeCommand('tsb.showSummary');
    assert.strictEqual(summaryTabs().length, 1, 'a second summary was opened instead of revealing the first');
  });

  it('resource snippets at the start of an empty document, none in a nested key', async () => {
    const editor = await newFile('tsb/empty-for-snippets.yaml', `\n${MARKER}`);
    const top = (await complete(editor.document.uri, new vscode.Position(0, 0)))
      .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
      .map(labelOf);
    assert.ok(
      top.includes('tsb-workspace-setting') && top.includes('tsb-failover'),
      `snippets at the top: ${top.join(', ')}`,
    );
    const ws = fixture('scratch', 'tsb/workspace.yaml');
    const lines = (await open(ws)).document.getText().split(/\r?\n/);
    const nested = await complete(ws, new vscode.Position(lines.lastIndexOf('  '), 2));
    const snippets = nested
      .filter((i) => i.kind === vscode.CompletionItemKind.Snippet || /^tsb-/.test(labelOf(i)))
      .map(labelOf);
    assert.deepStrictEqual(snippets, [], 'no resource snippet inside spec:');
    assert.ok(nested.length > 0, 'keys are still offered there');
  });

  it('an accepted WorkspaceSetting snippet raises no problem while the user is on its first tab stop', async () => {
    const editor = await newFile('tsb/new-setting.yaml', `\n${MARKER}`);
    await waitForDiagnostics(editor.document.uri, markerMoved(0), 'unknown-kind on the marker document');
    const item = (await complete(editor.document.uri, new vscode.Position(0, 0))).find(
      (i) => labelOf(i) === 'tsb-workspace-setting',
    );
    assert.ok(item, 'tsb-workspace-setting offered');
    await acceptItem(editor, item);
    const before = markerLine(vscode.languages.getDiagnostics(editor.document.uri));
    const ds = await waitForDiagnostics(
      editor.document.uri,
      markerMoved(before),
      'the marker problem below the snippet',
    );
    const others = ds.filter((d) => ruleOf(d) !== 'unknown-kind');
    assert.deepStrictEqual(
      others.map((d) => ruleOf(d)),
      [],
      `the snippet's own problems:\n    ${describeDiagnostics(others)}\n${editor.document.getText()}`,
    );
    await restoreText(editor.document.uri, ''); // scratch-ws gets its own WorkspaceSetting in the next test
  });

  it('an accepted `serviceLabels` key completion leaves a real label pair, not an empty value', async () => {
    const head = [
      'apiVersion: api.tsb.tetrate.io/v2',
      'kind: WorkspaceSetting',
      'metadata:',
      '  organization: tetrate',
      '  tenant: tetrate',
      '  workspace: scratch-ws',
      '  name: scratch-ws-setting',
      'spec:',
      '  defaultEastWestGatewaySettings:',
      '    - workloadSelector:',
      '        namespace: eastwest',
      '        labels:',
      '          app: eastwest-gateway',
      '      exposedServices:',
      '        - serviceL',
    ].join('\n');
    const editor = await newFile('tsb/labels.yaml', `${head}\n${MARKER}`);
    const line = 14;
    const before = markerLine(
      await waitForDiagnostics(editor.document.uri, markerMoved(line), 'unknown-kind on the marker document'),
    );
    const item = (await complete(editor.document.uri, new vscode.Position(line, '        - serviceL'.length))).find(
      (i) => labelOf(i) === 'serviceLabels',
    );
    assert.ok(item, 'serviceLabels offered');
    await acceptItem(editor, item);
    assert.match(
      editor.document.lineAt(line + 1).text,
      /^ {12}\S+: \S+/,
      `a label pair under serviceLabels: ${JSON.stringify(editor.document.lineAt(line + 1).text)}`,
    );
    const ds = await waitForDiagnostics(
      editor.document.uri,
      markerMoved(before),
      'the marker problem below the insertion',
    );
    const others = ds.filter((d) => ruleOf(d) !== 'unknown-kind');
    assert.deepStrictEqual(
      others.map((d) => ruleOf(d)),
      [],
      `problems of the completion:\n    ${describeDiagnostics(others)}`,
    );
  });

  it('hover on a mis-indented selector agrees with the Problems panel: read where it belongs, and says so', async () => {
    const uri = fixture('misindented', 'tsb/bookinfo-ws-setting.yaml');
    await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-field'), 'unknown-field');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(12, 12),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Read where it belongs/);
    assert.match(text, /`defaultEastWestGatewaySettings` is not a field/);
    assert.match(text, /Selects 1 gateway/);
  });
});
