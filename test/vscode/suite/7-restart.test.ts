// The language server comes back: through tsb.restartServer, and after its process is killed.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  activateExtension,
  fixture,
  hasRule,
  lacksRule,
  open,
  replaceOnLine,
  restoreText,
  textOf,
  waitForDiagnostics,
} from './helpers';

/** Child processes of this extension host running the bundled server (Linux /proc only). */
function serverPids(): number[] {
  if (process.platform !== 'linux') return [];
  const pids: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' ');
      if (/serverMain\.js/.test(cmd)) pids.push(Number(d));
    } catch {
      /* raced with an exiting process */
    }
  }
  return pids;
}

/** A fresh mistake proves a live server: stale diagnostics cannot contain it. */
async function provesLive(uri: vscode.Uri, original: string): Promise<void> {
  await replaceOnLine(uri, 1, 'kind: Workspace', 'kind: Workspacee');
  await waitForDiagnostics(uri, hasRule('unknown-kind'), 'unknown-kind for the fresh typo');
  await restoreText(uri, original);
  await waitForDiagnostics(uri, lacksRule('unknown-kind'), 'unknown-kind to go away');
}

describe('server restart', () => {
  before(activateExtension);
  const misindented = () => fixture('misindented', 'tsb/bookinfo-ws-setting.yaml');
  const scratch = () => fixture('failover', 'tsb/bookinfo-ws.yaml');
  let original: string | undefined;
  after(async () => {
    if (original !== undefined) await restoreText(scratch(), original);
  });

  it('tsb.restartServer: diagnostics come back from the new server', async () => {
    await open(misindented());
    await open(scratch());
    original = await textOf(scratch());
    await waitForDiagnostics(misindented(), hasRule('unknown-field'), 'unknown-field before the restart');
    const before = serverPids();
    await vscode.commands.executeCommand('tsb.restartServer');
    await waitForDiagnostics(misindented(), hasRule('unknown-field'), 'unknown-field after the restart');
    await provesLive(scratch(), original);
    if (process.platform === 'linux') {
      const after = serverPids();
      assert.strictEqual(after.length, 1, `one server process expected, found ${after.join(', ') || 'none'}`);
      assert.ok(!before.includes(after[0]!), `the server process ${after[0]} is the same as before the restart`);
    }
  });

  it('a killed server is restarted and diagnostics come back', async function () {
    if (process.platform !== 'linux') this.skip();
    const pids = serverPids();
    assert.strictEqual(pids.length, 1, `one server process expected, found ${pids.join(', ') || 'none'}`);
    process.kill(pids[0]!, 'SIGKILL');
    await open(scratch());
    await provesLive(scratch(), original!);
    await waitForDiagnostics(misindented(), hasRule('unknown-field'), 'unknown-field after the crash');
    const now = serverPids();
    assert.ok(
      now.length === 1 && now[0] !== pids[0],
      `expected a new server process, found ${now.join(', ') || 'none'}`,
    );
  });
});
