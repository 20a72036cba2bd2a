// The language server under hostile conditions: FIFOs named *.yaml reported by the file
// watcher, a file opened from outside the workspace and closed again, a request before initialize, and
// an absurd Content-Length on stdio. Every wait is for an event, with a bound that only reports a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/server';
import { createNodeRuntime } from '../../server/src/node/runtime';
import { BOOKINFO } from '../helpers/bookinfo';
import { LspHarness } from '../helpers/lspHarness';
import { within } from '../helpers/within';
import { BUILT, needBuilt } from '../helpers/built';
import { fileUri, makeWorkspace, removeWorkspace, writeFile } from '../helpers/workspace';

const BAD = BOOKINFO['tsb/workspace.yaml']!.replace('namespaceSelector', 'namespaceSelecter');

test('FIFOs named *.yaml reported by the watcher are never read: later files are still analysed', async (t) => {
  const root = makeWorkspace(BOOKINFO);
  const fifos = Array.from({ length: 6 }, (_, i) => path.join(root, `pipe-${i}.yaml`));
  if (fifos.some((f) => spawnSync('mkfifo', [f]).status !== 0)) {
    removeWorkspace(root);
    return t.skip('mkfifo is not available');
  }
  const h = await LspHarness.start({ root, mode: 'push' });
  try {
    await within(
      h.waitForPublish('tsb/workspace.yaml', () => true),
      'first publish',
      30_000,
    );
    // More FIFOs than libuv has threads, one event each: a blocking read of each would leave no thread
    // for any other file.
    for (const f of fifos)
      await h.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(f), type: 1 }] });
    writeFile(root, 'later.yaml', BAD);
    await h.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('later.yaml'), type: 1 }] });
    const ds = await within(
      h.waitForPublish('later.yaml', (d) => d.length > 0),
      'diagnostics of a file written after the FIFOs',
      30_000,
    );
    assert.deepEqual(
      ds.map((d) => d.code),
      ['unknown-field'],
    );
    assert.equal(h.published.has(fileUri(fifos[0]!)), false, 'a FIFO is not a file of the project');
  } finally {
    // Release any reader a blocking implementation left waiting on the FIFOs.
    for (const f of fifos) {
      try {
        fs.closeSync(fs.openSync(f, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        /* no reader */
      }
    }
    await h.dispose();
    removeWorkspace(root);
  }
});

test('a file opened from outside the workspace and closed again leaves the project', async () => {
  // No tsb.config.yaml: the workspace and the outside file form one project, as in the issue.
  const { 'tsb.config.yaml': _config, ...files } = BOOKINFO;
  const root = makeWorkspace(files);
  const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-outside-')));
  const rel = path.relative(root, path.join(outside, 'copy.yaml'));
  // The same Workspace as tsb/workspace.yaml: while open, one of the two is a duplicate.
  writeFile(outside, 'copy.yaml', BOOKINFO['tsb/workspace.yaml']!);
  const h = await LspHarness.start({ root, mode: 'push' });
  const dup = (d: Diagnostic[]) => d.some((x) => x.code === 'duplicate-resource');
  try {
    await within(
      h.waitForPublish('tsb/workspace.yaml', () => true),
      'first publish',
      30_000,
    );
    await h.open(rel);
    await within(
      Promise.race([h.waitForPublish(rel, dup), h.waitForPublish('tsb/workspace.yaml', dup)]),
      'duplicate while open',
      30_000,
    );
    await h.close(rel);
    await within(
      Promise.all([
        h.waitForPublish(rel, (d) => d.length === 0),
        h.waitForPublish('tsb/workspace.yaml', (d) => !dup(d)),
      ]),
      'no duplicate once the outside file is closed',
      30_000,
    );
  } finally {
    await h.dispose();
    removeWorkspace(root);
    removeWorkspace(outside);
  }
});

test('a request before initialize is answered with ServerNotInitialized, then the server initializes normally', async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  startServer(server, createNodeRuntime());
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  client.onRequest('client/registerCapability', () => null);
  client.listen();
  try {
    const early = client.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///x.yaml' },
      position: { line: 0, character: 0 },
    });
    const err = await within(
      early.then(
        () => undefined,
        (e: { code?: number }) => e,
      ),
      'an answer to a request before initialize',
      20_000,
    );
    assert.equal(err?.code, -32002);
    const init = await within(
      client.sendRequest<{ serverInfo?: { name: string } }>('initialize', {
        processId: null,
        rootUri: null,
        capabilities: {},
      }),
      'initialize',
      20_000,
    );
    assert.equal(init.serverInfo?.name, 'tsb-language-server');
  } finally {
    client.dispose();
    toServer.end();
    toClient.end();
  }
});

test('stdio: a message announcing an absurd Content-Length is dropped and the next one answered', async (t) => {
  if (!needBuilt(t, BUILT.server)) return;
  const main = BUILT.server;
  const child = spawn(process.execPath, [main, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    child.stdin.write('Content-Length: 99999999999\r\n\r\n{"jsonrpc":"2.0","id":7,"method":"shutdown"}');
    const init = await within(
      conn.sendRequest<{ serverInfo?: { name: string } }>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      }),
      'initialize after the absurd header',
      30_000,
    );
    assert.equal(init.serverInfo?.name, 'tsb-language-server');
    assert.match(stderr, /Ignored a message of 99999999999 bytes/);
    await within(conn.sendRequest('shutdown'), 'the answer to shutdown', 30_000);
  } finally {
    conn.dispose();
    child.kill();
  }
});
