// The shipped bin keeps running after a promise is rejected with nobody listening: the rejection is
// logged to the client, and the server goes on answering. (Node's default would end the process.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers/repo';
import { fileUri, makeWorkspace, removeWorkspace } from '../helpers/workspace';
import { within } from '../helpers/within';

const PROBE = 'probe: a rejection nobody handles';

test('an unhandled rejection in the server is logged and the server keeps answering', {
  skip: process.platform === 'win32' ? 'needs SIGUSR2 to trigger the rejection' : false,
}, async () => {
  const root = makeWorkspace({ 'tsb/a.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n' });
  // Loaded before the server: on SIGUSR2 it rejects a promise nobody awaits, inside the server process.
  const preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-reject-')), 'reject.js');
  fs.writeFileSync(preload, `process.on('SIGUSR2', () => { Promise.reject(new Error(${JSON.stringify(PROBE)})); });\n`);
  const child = spawn(
    process.execPath,
    ['-r', preload, path.join(repoRoot(), 'server', 'out', 'serverMain.js'), '--stdio'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logged = new Promise<string>((resolve) => {
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      if (p.message.includes(PROBE)) resolve(p.message);
    });
  });
  conn.listen();
  try {
    await within(
      conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: fileUri(root),
        workspaceFolders: [{ uri: fileUri(root), name: 'ws' }],
        capabilities: {},
        initializationOptions: { settings: { diagnosticsDelay: 0 } },
      }),
      'initialize',
      20_000,
    );
    await conn.sendNotification('initialized', {});
    child.kill('SIGUSR2');
    const message = await within(
      Promise.race([
        logged,
        exited.then((code) => {
          throw new Error(`the server exited (${code}): ${stderr}`);
        }),
      ]),
      'the rejection to be logged',
      20_000,
    );
    assert.match(message, /unhandled promise rejection/);
    assert.match(message, /reject\.js/, 'the log carries the stack');
    // Still alive: it answers a request that needs the project, then shuts down cleanly.
    const symbols = await within(
      conn.sendRequest<unknown[]>('textDocument/documentSymbol', {
        textDocument: { uri: fileUri(root, 'tsb/a.yaml') },
      }),
      'documentSymbol',
      20_000,
    );
    assert.ok(Array.isArray(symbols) && symbols.length === 1, `symbols: ${JSON.stringify(symbols)}`);
    await within(conn.sendRequest('shutdown'), 'shutdown', 20_000);
    await conn.sendNotification('exit');
    assert.equal(await within(exited, 'exit', 20_000), 0);
  } finally {
    conn.dispose();
    child.kill();
    removeWorkspace(root);
    fs.rmSync(path.dirname(preload), { recursive: true, force: true });
  }
});
