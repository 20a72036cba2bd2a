// Clients other than VS Code, played over the real protocol: one that pulls diagnostics but cannot be
// asked to re-pull (Neovim 0.10) gets push, and one that answers every refresh with a workspace-wide
// pull and never cancels it (Neovim 0.12) gets each pull answered, with no pile-up of pending requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InitializeResult, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { BOOKINFO } from '../helpers/bookinfo';
import { brief, LspHarness, type HarnessOptions } from '../helpers/lspHarness';
import { makeWorkspace, removeWorkspace, writeFile } from '../helpers/workspace';

const RENAMED_GATEWAY = BOOKINFO['gateways/eastwest.yaml']!.replace('name: eastwest-gateway', 'name: eastwest-gw');
const SELECTOR_WARNING = ['11:8-11:14 gateway-selector-no-match'];

async function withServer(
  options: Omit<HarnessOptions, 'root'>,
  body: (h: LspHarness) => Promise<void>,
): Promise<void> {
  const root = makeWorkspace(BOOKINFO);
  const h = await LspHarness.start({ root, ...options });
  try {
    await body(h);
  } finally {
    await h.dispose();
    removeWorkspace(root);
  }
}

test(
  'a client that pulls but has no refresh support gets push: a rename reaches the closed WorkspaceSetting',
  { timeout: 15_000 },
  () =>
    withServer({ mode: 'pull', noRefreshSupport: true }, async (h) => {
      assert.match(h.logs.join('\n'), /push diagnostics \(the client pulls but cannot be asked to re-pull\)/);
      await h.open('gateways/eastwest.yaml');
      await h.waitForPublish('tsb/workspace-setting.yaml', (d) => d.length === 0);
      await h.change('gateways/eastwest.yaml', RENAMED_GATEWAY);
      assert.deepEqual(
        brief(await h.waitForPublish('tsb/workspace-setting.yaml', (d) => d.length > 0)),
        SELECTOR_WARNING,
      );
      await h.change('gateways/eastwest.yaml', BOOKINFO['gateways/eastwest.yaml']!);
      assert.deepEqual(await h.waitForPublish('tsb/workspace-setting.yaml', (d) => d.length === 0), []);
    }),
);

test('initialize: pull (with workspace diagnostics) only for clients that pull and can be refreshed', async () => {
  for (const [options, provider] of [
    [{ mode: 'pull' }, true],
    [{ mode: 'pull', noRefreshSupport: true }, false],
    [{ mode: 'push' }, false],
  ] as const) {
    const root = makeWorkspace(BOOKINFO);
    const h = new LspHarness({ root, ...options });
    try {
      const init = await h.request<InitializeResult>('initialize', {
        processId: null,
        rootUri: h.uri(''),
        workspaceFolders: null,
        capabilities: {
          workspace:
            options.mode === 'pull' && !('noRefreshSupport' in options)
              ? { diagnostics: { refreshSupport: true } }
              : {},
          textDocument: options.mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : {},
        },
      });
      assert.equal(init.capabilities.diagnosticProvider !== undefined, provider, JSON.stringify(options));
      if (provider)
        assert.equal(
          (init.capabilities.diagnosticProvider as { workspaceDiagnostics: boolean }).workspaceDiagnostics,
          true,
        );
    } finally {
      await h.dispose();
      removeWorkspace(root);
    }
  }
});

test(
  'a client that answers each refresh with a workspace pull (never cancelled) gets every one answered, none piles up',
  { timeout: 30_000 },
  () =>
    withServer({ mode: 'pull', workspacePullOnRefresh: true }, async (h) => {
      // Attach: the first workspace pull reports the closed files with problems (none here) at once.
      assert.deepEqual((await h.workspacePull()).items, []);
      await h.open('gateways/eastwest.yaml');
      await h.pull('gateways/eastwest.yaml');
      // 36 edits, each followed by the document pull the client makes after a change, renaming the gateway
      // back and forth: every edit changes the closed WorkspaceSetting's diagnostics.
      for (let i = 1; i <= 36; i++) {
        const refreshed = h.waitForRefresh();
        await h.change('gateways/eastwest.yaml', i % 2 ? RENAMED_GATEWAY : BOOKINFO['gateways/eastwest.yaml']!);
        await h.pull('gateways/eastwest.yaml');
        await refreshed;
      }
      // Every workspace pull is answered (none is held until a later change or shutdown)...
      const reports: WorkspaceDiagnosticReport[] = await Promise.all(h.workspacePulls);
      assert.ok(reports.length > 1, `${reports.length} workspace pulls`);
      assert.equal(h.workspacePending, 0);
      assert.ok(h.maxWorkspacePending <= 2, `at most ${h.maxWorkspacePending} workspace pulls were pending at once`);
      // ...and the client shows the last state: after an even number of edits the gateway has its name back.
      assert.deepEqual(h.workspaceItems.get(h.uri('tsb/workspace-setting.yaml')) ?? [], []);
      const refreshed = h.waitForRefresh();
      await h.change('gateways/eastwest.yaml', RENAMED_GATEWAY);
      await h.pull('gateways/eastwest.yaml');
      await refreshed;
      assert.deepEqual(
        brief(await h.waitForWorkspaceItems('tsb/workspace-setting.yaml', (d) => d.length > 0)),
        SELECTOR_WARNING,
      );
      // A pull with the result ids it was given, while nothing changed, is answered at once and empty.
      assert.deepEqual((await h.workspacePull()).items, []);
    }),
);

test(
  'a closed file fixed on disk: the next workspace pull reports it empty (the client had a result id for it)',
  { timeout: 15_000 },
  () =>
    withServer({ mode: 'pull' }, async (h) => {
      const refreshed = h.waitForRefresh();
      writeFile(h.options.root, 'gateways/eastwest.yaml', RENAMED_GATEWAY);
      await h.notify('workspace/didChangeWatchedFiles', {
        changes: [{ uri: h.uri('gateways/eastwest.yaml'), type: 2 }],
      });
      await refreshed;
      await h.workspacePull();
      assert.deepEqual(brief(h.workspaceItems.get(h.uri('tsb/workspace-setting.yaml'))!), SELECTOR_WARNING);
      const again = h.waitForRefresh();
      writeFile(h.options.root, 'gateways/eastwest.yaml', BOOKINFO['gateways/eastwest.yaml']!);
      await h.notify('workspace/didChangeWatchedFiles', {
        changes: [{ uri: h.uri('gateways/eastwest.yaml'), type: 2 }],
      });
      await again;
      const report = await h.workspacePull();
      assert.deepEqual(
        report.items.map((i) => [i.uri, i.kind, (i as { items: unknown[] }).items.length]),
        [[h.uri('tsb/workspace-setting.yaml'), 'full', 0]],
      );
    }),
);
