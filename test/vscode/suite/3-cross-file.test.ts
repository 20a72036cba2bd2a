// A change in one file moves diagnostics in another: renaming the gateway install CR breaks the
// WorkspaceSetting's east-west workloadSelector (gateway-selector-no-match), and renaming it back heals it.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  describeDiagnostics,
  fixture,
  hasRule,
  lacksRule,
  open,
  replaceOnLine,
  restoreText,
  ruleOf,
  textOf,
  waitForDiagnostics,
} from './helpers';

describe('cross-file diagnostics', () => {
  before(activateExtension);
  const gateway = () => fixture('failover', 'gateways/eastwest-gateway.yaml');
  const setting = () => fixture('failover', 'tsb/bookinfo-ws-setting.yaml');
  let original: string | undefined;
  after(async () => {
    if (original !== undefined) await restoreText(gateway(), original);
  });

  it('renaming the install CR raises gateway-selector-no-match on the WorkspaceSetting', async () => {
    await open(setting());
    await open(gateway());
    original = await textOf(gateway());
    await waitForDiagnostics(setting(), lacksRule('gateway-selector-no-match'), 'a clean WorkspaceSetting');
    await replaceOnLine(gateway(), 3, 'eastwest-gateway', 'eastwest-gw2');
    const ds = await waitForDiagnostics(setting(), hasRule('gateway-selector-no-match'), 'gateway-selector-no-match');
    const d = ds.find((x) => ruleOf(x) === 'gateway-selector-no-match')!;
    assert.ok(
      d.range.start.line >= 9 && d.range.start.line <= 12,
      `expected lines 10-13 (the workloadSelector):\n    ${describeDiagnostics(ds)}`,
    );
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /app=eastwest-gateway/, 'the message names the selector that no longer matches');
  });

  it('renaming it back clears it', async () => {
    assert.ok(original !== undefined);
    await restoreText(gateway(), original);
    await waitForDiagnostics(setting(), lacksRule('gateway-selector-no-match'), 'gateway-selector-no-match to go away');
  });
});
