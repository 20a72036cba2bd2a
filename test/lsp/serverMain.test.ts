// The shipped bin: `tsb-language-server --stdio` (server/out/serverMain.js, built before the tests)
// answers initialize, publishes diagnostics to a push client, and exits cleanly on shutdown + exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { BOOKINFO } from '../helpers/bookinfo';
import { within } from '../helpers/within';
import { BUILT, unlessBuilt } from '../helpers/built';
import { fileUri, makeWorkspace, removeWorkspace } from '../helpers/workspace';

test('serverMain --stdio speaks LSP and exits on shutdown/exit', { skip: unlessBuilt(BUILT.server) }, async () => {
  const root = makeWorkspace({
    ...BOOKINFO,
    'tsb/workspace.yaml': BOOKINFO['tsb/workspace.yaml']!.replace('kind: Workspace', 'Kind: Workspace'),
  });
  const child = spawn(process.execPath, [BUILT.server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Promise<PublishDiagnosticsParams>((resolve) => {
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.diagnostics.length) resolve(p);
    });
  });
  conn.listen();
  try {
    const init = await within(
      conn.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: fileUri(root),
        workspaceFolders: [{ uri: fileUri(root), name: 'ws' }],
        capabilities: {},
        initializationOptions: { settings: { diagnosticsDelay: 0 } },
      }),
      'the answer to initialize',
    );
    assert.equal(init.serverInfo?.name, 'tsb-language-server');
    assert.ok(init.capabilities.completionProvider && init.capabilities.codeActionProvider);
    await conn.sendNotification('initialized', {});
    const p = await within(published, 'diagnostics published for tsb/workspace.yaml');
    assert.equal(p.uri, fileUri(root, 'tsb/workspace.yaml'));
    assert.equal(p.diagnostics[0]!.code, 'key-case');
    await within(conn.sendRequest('shutdown'), 'the answer to shutdown');
    await conn.sendNotification('exit');
    assert.equal(await within(exited, 'the server process to exit after exit'), 0);
  } finally {
    conn.dispose();
    child.kill();
    removeWorkspace(root);
  }
});
