// The seed scenario's mistakes, as diagnostics with the CLI's ranges (contract §4, acceptance cases).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostics, fixture, hasRule, open, ruleOf, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  before(activateExtension);

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
    assert.strictEqual(ds.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length, 1, describeDiagnostics(ds));
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
    // Once the server has answered for the misindented copy, the identical-but-correct one must be clean.
    const bad = fixture('misindented', 'tsb/bookinfo-ws-setting.yaml');
    const good = fixture('failover', 'tsb/bookinfo-ws-setting.yaml');
    await open(good);
    await open(bad);
    await waitForDiagnostics(bad, hasRule('unknown-field'), 'unknown-field');
    for (const rel of ['tsb/bookinfo-ws-setting.yaml', 'tsb/bookinfo-ws.yaml', 'gateways/eastwest-gateway.yaml', 'apps/bookinfo.yaml']) {
      const ds = vscode.languages.getDiagnostics(fixture('failover', rel));
      assert.strictEqual(ds.length, 0, `failover/${rel}:\n    ${describeDiagnostics(ds)}`);
    }
  });
});
