// tsb/projectSummary over the real protocol: what the status item and the summary view are built from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOOKINFO } from '../helpers/bookinfo';
import { LspHarness } from '../helpers/lspHarness';
import { makeWorkspace, removeWorkspace } from '../helpers/workspace';
import { ProjectSummaryRequest, type ProjectSummary } from '../../server/src/protocol';

async function withServer(files: Record<string, string>, run: (h: LspHarness) => Promise<void>): Promise<void> {
  const root = makeWorkspace(files);
  const h = await LspHarness.start({ root, mode: 'pull' });
  try {
    await run(h);
  } finally {
    await h.dispose();
    removeWorkspace(root);
  }
}

const summary = (h: LspHarness) => h.request<ProjectSummary>(ProjectSummaryRequest.method, {});

test('summary of a configured project: files, TSB files, config, clusters, project values; no units yet', async () => {
  await withServer(BOOKINFO, async (h) => {
    const s = await summary(h);
    const yaml = Object.keys(BOOKINFO).length;
    assert.equal(s.files, yaml, 'every YAML file, tsb.config.yaml included');
    const tsb = Object.entries(BOOKINFO).filter(([, t]) => /apiVersion: [\w.]*tetrate\.io\//.test(t)).length;
    assert.equal(s.tsbFiles, tsb);
    assert.deepEqual(s.configs, [{ uri: h.uri('tsb.config.yaml'), placements: 2, problems: 0 }]);
    assert.equal(s.placementsConfigured, true);
    assert.deepEqual(s.clusters, ['cluster-1', 'cluster-2']);
    assert.deepEqual(s.units, []);
    assert.equal(s.scanning, false);
    assert.deepEqual(s.folders, [h.uri('')]);
    assert.equal(s.problems.errors, 0);
    assert.deepEqual(s.project.tenants, ['tetrate']);
    assert.deepEqual(
      s.project.workspaces.map((w) => [w.name, w.setting, w.namespaces]),
      [['bookinfo-ws', 'bookinfo-ws-setting', ['*/bookinfo']]],
    );
    assert.ok(s.project.namespaces.includes('bookinfo'));
    const gw = s.project.gateways.find((g) => g.name === 'eastwest-gateway');
    assert.ok(gw, JSON.stringify(s.project.gateways));
    assert.equal(gw.eastWestOnly, true);
    assert.deepEqual(gw.clusters, ['cluster-1', 'cluster-2']);
    assert.equal(gw.labels['app'], 'eastwest-gateway');
  });
});

test("summary without tsb.config.yaml: no configs, not placed, the failover model's note says so; counts follow edits", async () => {
  const files = { ...BOOKINFO };
  delete files['tsb.config.yaml'];
  await withServer(files, async (h) => {
    const s = await summary(h);
    assert.deepEqual(s.configs, []);
    assert.equal(s.placementsConfigured, false);
    assert.deepEqual(s.clusters, []);
    assert.ok(
      s.notes.some((n) => /tsb\.config\.yaml/.test(n)),
      s.notes.join('\n'),
    );
    // An unknown field in an open document is counted at once.
    await h.open('tsb/workspace.yaml', `${BOOKINFO['tsb/workspace.yaml']}  bogusField: 1\n`);
    const after = await summary(h);
    assert.equal(after.problems.errors, s.problems.errors + 1);
    assert.ok(after.version > s.version || after.problems.filesWithProblems > s.problems.filesWithProblems);
  });
});
