// Diagnostics over the real protocol, pull and push: exact ranges, closed files, cross-file refresh
// after an edit in another file (editor change or a watched-file event), settings, status counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOOKINFO } from '../helpers/bookinfo';
import { brief, LspHarness, type Mode } from '../helpers/lspHarness';
import { makeWorkspace, removeWorkspace, writeFile } from '../helpers/workspace';
import type { WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';

const MISINDENTED = BOOKINFO['tsb/workspace-setting.yaml']!.replace(
  /\n {2}defaultEastWestGatewaySettings:[\s\S]*$/,
  `
defaultEastWestGatewaySettings:
  - workloadSelector:
      namespace: eastwest
      labels:
        app: eastwest-gateway
`,
);

const RENAMED_GATEWAY = BOOKINFO['gateways/eastwest.yaml']!.replace('name: eastwest-gateway', 'name: eastwest-gw');

async function withServer(
  mode: Mode,
  files: Record<string, string>,
  body: (h: LspHarness) => Promise<void>,
  settings = {},
): Promise<void> {
  const root = makeWorkspace(files);
  const h = await LspHarness.start({ root, mode, settings });
  try {
    await body(h);
  } finally {
    await h.dispose();
    removeWorkspace(root);
  }
}

test('pull: a mis-indented block is reported at its exact range, with fix data', () =>
  withServer('pull', BOOKINFO, async (h) => {
    await h.open('tsb/workspace-setting.yaml', MISINDENTED);
    const ds = await h.pull('tsb/workspace-setting.yaml');
    assert.deepEqual(brief(ds), ['8:0-8:30 unknown-field']);
    assert.equal(ds[0]!.source, 'tsb');
    assert.deepEqual(ds[0]!.data, { fix: 'indent', under: 'spec', spaces: 2, lines: 5 });
  }));

test('pull: a clean project has no diagnostics', () =>
  withServer('pull', BOOKINFO, async (h) => {
    for (const f of Object.keys(BOOKINFO)) {
      await h.open(f);
      assert.deepEqual(await h.pull(f), [], f);
    }
  }));

test(
  'pull: a pull of the edited document refreshes the other files at once, not after the debounce',
  { timeout: 8_000 },
  () =>
    // A debounce (10 s, the maximum) longer than the test's timeout: only refreshes sent when a pull
    // flushes the project can make this pass.
    withServer(
      'pull',
      BOOKINFO,
      async (h) => {
        await h.open('tsb/workspace-setting.yaml');
        assert.deepEqual(await h.pull('tsb/workspace-setting.yaml'), []);
        await h.open('gateways/eastwest.yaml');
        await h.pull('gateways/eastwest.yaml');
        // The refresh that follows the initial scan, so that the one awaited below can only be the edit's.
        if (h.refreshes === 0) await h.waitForRefresh();
        // A first edit makes the next one part of a burst: the debounced run would wait 10 s.
        await h.change('gateways/eastwest.yaml', `# typing\n${BOOKINFO['gateways/eastwest.yaml']!}`);
        const refreshed = h.waitForRefresh();
        await h.change('gateways/eastwest.yaml', `# typing\n${RENAMED_GATEWAY}`);
        await h.pull('gateways/eastwest.yaml'); // what VS Code does after each change (diagnosticPullOptions.onChange)
        await refreshed;
        assert.deepEqual(brief(await h.pull('tsb/workspace-setting.yaml')), ['11:8-11:14 gateway-selector-no-match']);
      },
      { diagnosticsDelay: 10_000 },
    ),
);

test('pull: closed files are reported through workspace diagnostics; a pull with nothing new is answered at once', () =>
  withServer(
    'pull',
    {
      ...BOOKINFO,
      'tsb/workspace.yaml': BOOKINFO['tsb/workspace.yaml']!.replace('kind: Workspace', 'Kind: Workspace'),
    },
    async (h) => {
      const report = await h.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      const ws = report.items.find((i) => i.uri === h.uri('tsb/workspace.yaml'));
      assert.ok(ws && ws.kind === 'full');
      assert.deepEqual(brief(ws.items), ['1:0-1:4 key-case']);
      // Clean files the client never heard of are left out of the report.
      assert.deepEqual(
        report.items.map((i) => i.uri),
        [h.uri('tsb/workspace.yaml')],
      );
      // Asking again with the result ids it gave: nothing changed, so the answer comes at once, empty (never held).
      const previous = report.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
      assert.deepEqual(
        (await h.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: previous })).items,
        [],
      );
      const refreshed = h.waitForRefresh();
      writeFile(h.options.root, 'tsb/workspace.yaml', BOOKINFO['tsb/workspace.yaml']!);
      await h.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('tsb/workspace.yaml'), type: 2 }] });
      await refreshed;
      const next = await h.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: previous });
      const fixed = next.items.find((i) => i.uri === h.uri('tsb/workspace.yaml'));
      assert.ok(fixed && fixed.kind === 'full');
      assert.deepEqual(fixed.items, []);
    },
  ));

test('pull: editing the install CR in another editor refreshes the WorkspaceSetting', () =>
  withServer('pull', BOOKINFO, async (h) => {
    await h.open('tsb/workspace-setting.yaml');
    assert.deepEqual(await h.pull('tsb/workspace-setting.yaml'), []);
    await h.open('gateways/eastwest.yaml');
    await h.pull('gateways/eastwest.yaml');
    const refreshed = h.waitForRefresh();
    await h.change('gateways/eastwest.yaml', RENAMED_GATEWAY);
    await refreshed;
    const ds = await h.pull('tsb/workspace-setting.yaml');
    assert.deepEqual(brief(ds), ['11:8-11:14 gateway-selector-no-match']);
    assert.match(ds[0]!.message, /eastwest-gw/);
    assert.deepEqual(ds[0]!.data, { fix: 'replace-labels', labels: { app: 'eastwest-gw' } });
  }));

test('pull: a file changed on disk (watched files) refreshes cross-file results', () =>
  withServer('pull', BOOKINFO, async (h) => {
    await h.open('tsb/workspace-setting.yaml');
    assert.deepEqual(await h.pull('tsb/workspace-setting.yaml'), []);
    const refreshed = h.waitForRefresh();
    writeFile(h.options.root, 'gateways/eastwest.yaml', RENAMED_GATEWAY);
    await h.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('gateways/eastwest.yaml'), type: 2 }] });
    await refreshed;
    assert.deepEqual(brief(await h.pull('tsb/workspace-setting.yaml')), ['11:8-11:14 gateway-selector-no-match']);
  }));

test('push: open and closed files are published, with the document version', () =>
  withServer(
    'push',
    {
      ...BOOKINFO,
      'tsb/workspace.yaml': BOOKINFO['tsb/workspace.yaml']!.replace('kind: Workspace', 'Kind: Workspace'),
    },
    async (h) => {
      await h.open('tsb/workspace-setting.yaml', MISINDENTED);
      const open = await h.waitForPublish('tsb/workspace-setting.yaml', (d, p) => d.length > 0 && p.version === 1);
      assert.deepEqual(brief(open), ['8:0-8:30 unknown-field']);
      const closed = await h.waitForPublish('tsb/workspace.yaml', (d) => d.length > 0);
      assert.deepEqual(brief(closed), ['1:0-1:4 key-case']);
    },
  ));

test('push: a watched-file change republishes the affected file; never a stale version', () =>
  withServer('push', BOOKINFO, async (h) => {
    await h.open('tsb/workspace-setting.yaml');
    await h.waitForPublish('tsb/workspace-setting.yaml');
    writeFile(h.options.root, 'gateways/eastwest.yaml', RENAMED_GATEWAY);
    await h.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('gateways/eastwest.yaml'), type: 2 }] });
    const ds = await h.waitForPublish('tsb/workspace-setting.yaml', (d) => d.length > 0);
    assert.deepEqual(brief(ds), ['11:8-11:14 gateway-selector-no-match']);
    // A burst of edits: whatever is published in between, the last publish is for the last version.
    await h.change('tsb/workspace-setting.yaml', MISINDENTED);
    await h.change(
      'tsb/workspace-setting.yaml',
      BOOKINFO['tsb/workspace-setting.yaml']!.replace('app: eastwest-gateway', 'app: eastwest-gw'),
    );
    const last = await h.waitForPublish('tsb/workspace-setting.yaml', (_d, p) => p.version === 3);
    assert.deepEqual(last, []);
    const versions = h.publishLog
      .filter((p) => p.uri === h.uri('tsb/workspace-setting.yaml'))
      .map((p) => p.version ?? 0);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions only grow',
    );
  }));

test('settings: per-rule severity from initializationOptions when the client has no workspace/configuration', async () => {
  const root = makeWorkspace(BOOKINFO);
  const h = await LspHarness.start({
    root,
    mode: 'push',
    noConfiguration: true,
    settings: { rules: { 'unknown-field': 'warning' } },
  });
  try {
    await h.open('tsb/workspace-setting.yaml', MISINDENTED);
    const ds = await h.waitForPublish('tsb/workspace-setting.yaml', (d) => d.length > 0);
    assert.equal(ds[0]!.severity, 2);
  } finally {
    await h.dispose();
    removeWorkspace(root);
  }
});

test('settings: enable=false silences diagnostics', () =>
  withServer(
    'pull',
    BOOKINFO,
    async (h) => {
      await h.open('tsb/workspace-setting.yaml', MISINDENTED);
      assert.deepEqual(await h.pull('tsb/workspace-setting.yaml'), []);
    },
    { enable: false },
  ));

test('status: problem counts for the status bar', () =>
  withServer('pull', BOOKINFO, async (h) => {
    await h.waitForStatus((s) => s.files === 6 && s.errors === 0);
    await h.open('tsb/workspace-setting.yaml', MISINDENTED);
    const s = await h.waitForStatus((x) => x.errors === 1);
    assert.equal(s.filesWithProblems, 1);
  }));
