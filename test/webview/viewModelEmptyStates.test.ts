import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceFailover } from '../../server/src/engine/model/failoverTypes';
import { buildViewModel } from '../../client/src/webview/app/viewModel';
import { exposed, seed } from './modelFixtures';

describe('view model: empty states that teach', () => {
  it("no workspace and no placements, nothing known: placeholders, never the bundled example's names", () => {
    const vm = buildViewModel(
      { workspaces: [], clusters: [], placementsConfigured: false, notes: ['no tsb.config.yaml'] },
      [],
    );
    assert.deepEqual(
      vm.teach.map((t) => t.snippetFile),
      ['tsb.config.yaml', 'tsb/my-app-ws.yaml'],
    );
    assert.match(vm.teach[0]!.snippet, /\nplacements:\n {2}- files: k8s\/\*\*\n {4}clusters: \[cluster-a, cluster-b\]/);
    assert.match(vm.teach[0]!.snippet, /# Write your cluster names/);
    assert.doesNotMatch(vm.teach.map((t) => t.snippet).join('\n'), /cluster-1|eastwest-gateway|bookinfo/);
    assert.match(
      vm.teach[1]!.snippet,
      /kind: WorkspaceSetting[\s\S]*defaultEastWestGatewaySettings:\n {4}- workloadSelector:/,
    );
    assert.deepEqual(vm.notes, ['no tsb.config.yaml']);
  });

  it('advice uses the repository: its folders and clusters for placements, its east-west gateway for the WorkspaceSetting', () => {
    const model = seed();
    model.placementsConfigured = false;
    const ws = model.workspaces[0]!;
    const bare: WorkspaceFailover = {
      ...ws,
      gateways: [],
      candidates: [],
      excluded: [],
      name: 'shop-ws',
      organization: 'acme',
      tenant: 'retail',
    };
    delete bare.settingSource;
    model.workspaces = [bare, ...model.workspaces];
    const folder = ws.source!.uri.replace(/\/tsb\/.*$/, '');
    const hints = {
      folders: [folder],
      canWriteConfig: true,
      project: {
        organizations: ['acme'],
        tenants: ['retail'],
        workspaces: [],
        namespaces: ['shop', 'edge'],
        gateways: [
          {
            kind: 'IngressGateway',
            name: 'edge-eastwest',
            namespace: 'edge',
            labels: { app: 'edge-eastwest' },
            eastWestOnly: true,
            clusters: ['east', 'west'],
            uri: `${folder}/gw/edge.yaml`,
          },
        ],
      },
    };
    const vm = buildViewModel(model, [], hints);
    const placements = vm.teach.find((t) => t.key === 'teach:placements')!;
    assert.equal(placements.writeConfig, true, 'Write tsb.config.yaml is offered when the command exists');
    assert.match(placements.snippet, /- files: apps\/\*\*/);
    assert.match(placements.snippet, /- files: gw\/\*\*/);
    assert.match(
      placements.snippet,
      /clusters: \[cluster-1, cluster-2, east, west\]/,
      'the clusters the project names',
    );
    const setting = vm.workspaces.find((w) => w.title.text === 'shop-ws')!.teach;
    assert.equal(setting.length, 1);
    assert.match(
      setting[0]!.snippet,
      /organization: acme\n {2}tenant: retail\n {2}workspace: shop-ws\n {2}name: shop-ws-setting/,
    );
    assert.match(setting[0]!.snippet, /namespace: edge\n {8}labels:\n {10}app: edge-eastwest/);
    assert.equal(setting[0]!.near, ws.source!.uri, "created next to the Workspace's file");
    assert.equal(setting[0]!.snippetFile, 'shop-ws-setting.yaml');
  });

  it("without an east-west install, a gateway installed in the workspace's own namespace is chosen, then one other settings select", () => {
    const ws = seed().workspaces[0]!;
    const bare: WorkspaceFailover = {
      ...ws,
      gateways: [],
      candidates: [],
      excluded: [],
      name: 'shop-ws',
      namespaces: ['*/shop'],
    };
    delete bare.settingSource;
    const gw = (name: string, namespace: string) => ({
      kind: 'IngressGateway',
      name,
      namespace,
      labels: { app: name },
      eastWestOnly: false,
      clusters: ['east'],
      uri: 'file:///r/gw.yaml',
    });
    const hints = (gateways: ReturnType<typeof gw>[]) => ({
      folders: ['file:///r'],
      canWriteConfig: false,
      project: { organizations: [], tenants: [], workspaces: [], namespaces: [], gateways },
    });
    const own = buildViewModel(
      { workspaces: [bare, ws], clusters: [], placementsConfigured: true, notes: [] },
      [],
      hints([gw('web-gw', 'web'), gw('shop-gw', 'shop')]),
    );
    assert.match(own.workspaces[0]!.teach[0]!.snippet, /namespace: shop\n {8}labels:\n {10}app: shop-gw/);
    // None in its namespaces: the gateway the seed's WorkspaceSetting selects and its install deploys.
    const used = buildViewModel(
      { workspaces: [bare, ws], clusters: [], placementsConfigured: true, notes: [] },
      [],
      hints([gw('web-gw', 'web')]),
    );
    assert.match(used.workspaces[0]!.teach[0]!.snippet, /namespace: eastwest\n {8}labels:\n {10}app: eastwest-gateway/);
  });

  it('a workspace without WorkspaceSetting in a repository without east-west gateway: a setting and an install, with the same names', () => {
    const ws = seed().workspaces[0]!;
    const bare: WorkspaceFailover = { ...ws, gateways: [], candidates: [], excluded: [], name: 'reviews-ws' };
    delete bare.settingSource;
    const vm = buildViewModel(
      { workspaces: [bare], clusters: ['cluster-1'], placementsConfigured: true, notes: [] },
      [],
    );
    const t = vm.workspaces[0]!.teach;
    assert.deepEqual(
      t.map((x) => x.key),
      ['teach:setting:reviews-ws', 'teach:install-new:reviews-ws'],
    );
    assert.match(t[0]!.title, /No WorkspaceSetting/);
    assert.match(t[0]!.snippet, /workspace: reviews-ws/);
    assert.match(t[0]!.snippet, /app: reviews-eastwest/);
    assert.match(t[1]!.snippet, /name: reviews-eastwest\n {2}namespace: eastwest\nspec:\n {2}eastWestOnly: true/);
  });

  it('nothing exposed: explains the selectors', () => {
    const m = exposed();
    const ws = m.workspaces[0]!;
    ws.excluded.push(
      ...ws.candidates.map((c) => ({
        service: c.service,
        namespace: c.namespace,
        clusters: c.runsIn,
        reason: 'not matched by exposedServices',
        code: 'not-selected' as const,
        labels: c.labels,
      })),
    );
    ws.candidates = [];
    const t = buildViewModel(m, []).workspaces[0]!.teach;
    assert.equal(t.length, 1);
    assert.equal(t[0]!.title, 'Nothing is exposed through the east-west gateway');
    assert.match(
      t[0]!.snippet,
      /exposedServices:\n {8}- serviceLabels:\n {12}app: /,
      'selects by a label the services carry',
    );
    assert.equal(t[0]!.fragment, true, 'lines to merge: copy only');
  });

  it('a gateway deployed nowhere is called out', () => {
    const m = seed();
    m.workspaces[0]!.gateways[0]!.clusters = [];
    const ws = buildViewModel(m, []).workspaces[0]!;
    assert.match(ws.gateways[0]!.warning!, /No gateway deployed by an install CR/);
    // The install it suggests deploys exactly what the selector selects.
    assert.equal(ws.teach[0]!.snippetFile, 'eastwest-gateway.yaml');
    assert.match(ws.teach[0]!.snippet, /name: eastwest-gateway\n {2}namespace: eastwest\n/);
  });
});
