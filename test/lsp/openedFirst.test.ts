// The file an editor opens comes first: while the workspace is still being read (held here by the
// test: one file's read does not return until released, so nothing depends on timing), the opened
// file's own problems are published (push) or pulled (pull) and requests about it are answered; its
// cross-file problems follow once every file is in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { BOOKINFO } from '../helpers/bookinfo';
import { LspHarness, type Mode } from '../helpers/lspHarness';
import type { Settings } from '../../server/src/protocol';
import { makeWorkspace, removeWorkspace } from '../helpers/workspace';

// A gateway Group with a misspelt field (its own problem) naming a workspace nobody defines (a
// cross-file problem: only the whole workspace can tell).
const OPENED = `apiVersion: gateway.tsb.tetrate.io/v2
kind: Group
metadata:
  organization: tetrate
  tenant: tetrate
  workspace: bookinfo-wsx
  name: gateways
spec:
  namespaceSelector:
    names:
      - "*/bookinfo"
  configMod: BRIDGED
`;

async function withHeldScan(
  mode: Mode,
  body: (h: LspHarness, release: () => void) => Promise<void>,
  settings: Partial<Settings> = {},
): Promise<void> {
  const files: Record<string, string> = { ...BOOKINFO, 'tsb/gateway-group.yaml': OPENED };
  // Enough other files that the scan is still going when the editor opens the file.
  for (let i = 0; i < 40; i++)
    files[`other/file-${i}.yaml`] = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${i}\n`;
  const root = makeWorkspace(files);
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  const h = await LspHarness.start({
    root,
    mode,
    settings,
    runtime: (node) => ({
      ...node,
      // One file of the workspace is read only once released: the scan cannot finish before that.
      readFile: async (uri, max) => {
        if (uri.endsWith('/other/file-7.yaml')) await held;
        return node.readFile(uri, max);
      },
    }),
  });
  try {
    await body(h, release);
  } finally {
    release();
    await h.dispose();
    removeWorkspace(root);
  }
}

test('push: an opened file gets its own diagnostics while the workspace is read, cross-file ones after', () =>
  withHeldScan('push', async (h, release) => {
    await h.open('tsb/gateway-group.yaml');
    const own = await h.waitForPublish('tsb/gateway-group.yaml', (d) => d.length > 0);
    assert.ok(
      own.some((d) => d.code === 'unknown-field'),
      'the misspelt field',
    );
    assert.ok(!own.some((d) => d.code === 'parent-not-found'), 'no cross-file problem before the workspace is read');
    // Requests about the opened file are answered meanwhile.
    const hover = await h.request<Hover>('textDocument/hover', {
      textDocument: { uri: h.uri('tsb/gateway-group.yaml') },
      position: { line: 8, character: 4 },
    });
    assert.match((hover.contents as MarkupContent).value, /namespaceSelector/);
    const symbols = await h.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: h.uri('tsb/gateway-group.yaml') },
    });
    assert.ok(symbols.length > 0);
    // Still held: nothing else of the workspace was published (its files are not all read).
    assert.equal(h.published.get(h.uri('tsb/workspace.yaml')), undefined);
    const full = h.waitForPublish('tsb/gateway-group.yaml', (d) => d.some((x) => x.code === 'parent-not-found'));
    release();
    const all = await full;
    assert.ok(
      all.some((d) => d.code === 'unknown-field'),
      'own problems kept',
    );
  }));

test('push: the outline and quick fixes asked for with the open are answered while the workspace is read', () =>
  withHeldScan('push', async (h) => {
    const uri = h.uri('tsb/gateway-group.yaml');
    await h.open('tsb/gateway-group.yaml');
    // Sent at once, as VS Code does: the document is not analysed yet when they arrive.
    const [symbols, actions] = await Promise.all([
      h.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
      h.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 11, character: 2 }, end: { line: 11, character: 2 } },
        context: { diagnostics: [] },
      }),
    ]);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Group gateways'],
    );
    assert.ok(Array.isArray(actions));
    // Answered before the scan could end: no other file of the workspace was published.
    assert.equal(h.published.get(h.uri('tsb/workspace.yaml')), undefined);
  }));

test('push: a second file opened while the workspace is read gets its own problems at once, not after the typing delay', () =>
  withHeldScan(
    'push',
    async (h) => {
      await h.open('tsb/gateway-group.yaml');
      await h.waitForPublish('tsb/gateway-group.yaml', (d) => d.length > 0);
      // A check is under way (it waits for the workspace): the next open is not idle time. With the
      // longest typing delay (10 s), a wait bounded below it fails unless the open is checked at once.
      h.waitMs = 8_000;
      await h.open('tsb/second.yaml', OPENED.replace('name: gateways', 'name: second'));
      const own = await h.waitForPublish('tsb/second.yaml', (d) => d.length > 0);
      assert.ok(own.some((d) => d.code === 'unknown-field'));
    },
    { diagnosticsDelay: 10_000 },
  ));

test("pull: a pull while the workspace is read answers with the file's own problems; a refresh brings the rest", () =>
  withHeldScan('pull', async (h, release) => {
    await h.open('tsb/gateway-group.yaml');
    const own = await h.pull('tsb/gateway-group.yaml');
    assert.ok(
      own.some((d) => d.code === 'unknown-field'),
      'the misspelt field',
    );
    assert.ok(!own.some((d) => d.code === 'parent-not-found'), 'no cross-file problem before the workspace is read');
    const refreshed = h.waitForRefresh();
    release();
    await refreshed;
    const all = await h.pull('tsb/gateway-group.yaml');
    assert.ok(
      all.some((d) => d.code === 'parent-not-found'),
      'cross-file problem after the scan',
    );
    assert.ok(all.some((d) => d.code === 'unknown-field'));
  }));

// Once the workspace is read, a file opened for the first time still shows its own problems when the
// whole project's check takes a while (here: any check, ownDiagnosticsAfterMs 0); a file already shown
// keeps its diagnostics until then.
async function withReadWorkspace(mode: Mode, body: (h: LspHarness) => Promise<void>): Promise<void> {
  const root = makeWorkspace(BOOKINFO);
  const h = await LspHarness.start({ root, mode, ownDiagnosticsAfterMs: 0 });
  try {
    // Every file is read and checked (the status follows the check).
    await h.waitForStatus((s) => s.files > 0);
    await body(h);
  } finally {
    await h.dispose();
    removeWorkspace(root);
  }
}

test('push: a new file opened in a read workspace gets its own problems first, then the cross-file ones', () =>
  withReadWorkspace('push', async (h) => {
    // Not on disk: nothing was ever published for it.
    await h.open('tsb/new-group.yaml', OPENED);
    await h.waitForPublish('tsb/new-group.yaml', (d) => d.some((x) => x.code === 'parent-not-found'));
    const mine = h.publishLog.filter((p) => p.uri === h.uri('tsb/new-group.yaml')).map((p) => p.diagnostics);
    assert.ok(mine.length >= 2, `publishes: ${mine.length}`);
    assert.ok(
      mine[0]!.some((d) => d.code === 'unknown-field'),
      'own problem first',
    );
    assert.ok(!mine[0]!.some((d) => d.code === 'parent-not-found'), 'the cross-file one comes after the check');
    assert.ok(
      mine.at(-1)!.some((d) => d.code === 'unknown-field'),
      'own problem kept',
    );
  }));

test('push: editing a file already shown publishes once, with its cross-file problems (no flicker)', () =>
  withReadWorkspace('push', async (h) => {
    await h.open('tsb/new-group.yaml', OPENED);
    await h.waitForPublish('tsb/new-group.yaml', (d) => d.some((x) => x.code === 'parent-not-found'));
    const before = h.publishLog.length;
    await h.change('tsb/new-group.yaml', OPENED.replace('configMod', 'configModx'));
    await h.waitForPublish('tsb/new-group.yaml', (d) => d.some((x) => x.message.includes('configModx')));
    const after = h.publishLog.slice(before).filter((p) => p.uri === h.uri('tsb/new-group.yaml'));
    for (const p of after)
      assert.ok(
        p.diagnostics.some((d) => d.code === 'parent-not-found'),
        'every publish after the edit keeps the cross-file problem',
      );
  }));

test('pull: the first pull of a new file answers at least its own problems; the cross-file ones follow', () =>
  withReadWorkspace('pull', async (h) => {
    const refreshed = h.waitForRefresh();
    await h.open('tsb/new-group.yaml', OPENED);
    const first = await h.pull('tsb/new-group.yaml');
    assert.ok(
      first.some((d) => d.code === 'unknown-field'),
      'own problem',
    );
    if (!first.some((d) => d.code === 'parent-not-found')) {
      // Answered before the check: the refresh that follows it brings the rest.
      await refreshed;
      const all = await h.pull('tsb/new-group.yaml');
      assert.ok(
        all.some((d) => d.code === 'parent-not-found'),
        'cross-file problem after the refresh',
      );
    }
  }));
