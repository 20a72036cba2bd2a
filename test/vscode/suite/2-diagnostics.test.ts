// The seed scenario's mistakes, as diagnostics with the CLI's ranges (the acceptance cases).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  describeDiagnostics,
  fixture,
  hasRule,
  open,
  ruleOf,
  waitForClean,
  waitForDiagnostics,
} from './helpers';

describe('diagnostics', () => {
  before(activateExtension);

  it('reports problems of files that are not open (workspace diagnostics, as in the Problems panel)', async () => {
    // Runs first: no test has opened this file yet.
    const uri = fixture('misindented', 'tsb/bookinfo-ws-setting.yaml');
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
      'the file is already open',
    );
    const ds = await waitForDiagnostics(uri, hasRule('unknown-field'), 'unknown-field on a closed file');
    assert.strictEqual(ds.find((x) => ruleOf(x) === 'unknown-field')!.range.start.line, 8);
  });

  it('misindented defaultEastWestGatewaySettings: unknown-field on line 9', async () => {
    const uri = fixture('misindented', 'tsb/bookinfo-ws-setting.yaml');
    await open(uri);
    const ds = await waitForDiagnostics(uri, hasRule('unknown-field'), 'unknown-field');
    const d = ds.find((x) => ruleOf(x) === 'unknown-field')!;
    assert.strictEqual(d.range.start.line, 8, `expected line 9:\n    ${describeDiagnostics(ds)}`);
    assert.strictEqual(d.range.start.character, 0);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /defaultEastWestGatewaySettings/);
    assert.match(d.message, /spec/);
    assert.strictEqual(
      ds.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length,
      1,
      describeDiagnostics(ds),
    );
  });

  it('lowercase apiversion: key-case on line 1', async () => {
    const uri = fixture('lowercase-apiversion', 'tsb/bookinfo-ws.yaml');
    await open(uri);
    const ds = await waitForDiagnostics(uri, hasRule('key-case'), 'key-case');
    const d = ds.find((x) => ruleOf(x) === 'key-case')!;
    assert.strictEqual(d.range.start.line, 0, describeDiagnostics(ds));
    assert.strictEqual(d.range.start.character, 0);
    assert.strictEqual(d.range.end.character, 'apiversion'.length, describeDiagnostics(ds));
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /apiVersion/);
  });

  it('the clean seed has no diagnostics', async () => {
    for (const rel of [
      'tsb/bookinfo-ws-setting.yaml',
      'tsb/bookinfo-ws.yaml',
      'gateways/eastwest-gateway.yaml',
      'apps/bookinfo.yaml',
    ]) {
      const uri = fixture('failover', rel);
      await open(uri);
      await waitForClean(uri);
    }
  });
});
