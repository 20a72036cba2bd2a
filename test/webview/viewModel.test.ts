import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FailoverModel, WorkspaceFailover } from '../../server/src/engine/model/failoverTypes';
import { buildViewModel, toggleDown, whatIfView, labelsText } from '../../client/src/webview/app/viewModel';
import { buildShellHtml, contentSecurityPolicy } from '../../client/src/webview/html';
import { isAppToHostMessage, isHostToAppMessage } from '../../client/src/webview/protocol';
import { readFixture } from './repoRoot';

const seed = () => readFixture<FailoverModel>('seed-model.json');
const exposed = () => readFixture<FailoverModel>('exposed-services-model.json');
const down = (cluster: string, workload: string, namespace = 'bookinfo') => ({ cluster, namespace, workload });

describe('view model: services x clusters matrix', () => {
  it('shows the seed scenario: four services, both clusters, all can fail over', () => {
    const vm = buildViewModel(seed(), []);
    assert.equal(vm.workspaces.length, 1);
    const ws = vm.workspaces[0]!;
    assert.equal(ws.title.text, 'bookinfo-ws');
    assert.deepEqual(ws.clusters, ['cluster-1', 'cluster-2']);
    assert.deepEqual(
      ws.rows.map((r) => r.name.text),
      ['details', 'productpage', 'ratings', 'reviews'],
    );
    for (const r of ws.rows) {
      assert.equal(r.status, 'failover', r.name.text);
      assert.equal(r.statusText, 'Can fail over');
      assert.deepEqual(
        r.cells.map((c) => c.state),
        ['exposed', 'exposed'],
      );
      assert.ok(r.name.source, 'every service links to its YAML');
      assert.match(r.selector.text, /east-west entry 1 exposes every service/);
      assert.ok(r.selector.source, 'the selector links to the WorkspaceSetting');
    }
    const reviews = ws.rows.find((r) => r.name.text === 'reviews')!;
    assert.deepEqual(
      reviews.cells[0]!.versions.map((v) => v.version),
      ['v1', 'v2'],
    );
    assert.match(
      reviews.cells[0]!.ariaLabel,
      /reviews in cluster-1: runs and is exposed through the east-west gateway; versions v1, v2/,
    );
    assert.equal(ws.summaryText, '4 services: 4 can fail over');
    assert.deepEqual(ws.teach, []);
    assert.deepEqual(vm.teach, []);
  });

  it('shows the east-west gateway and the clusters it is deployed in', () => {
    const gw = buildViewModel(seed(), []).workspaces[0]!.gateways;
    assert.equal(gw.length, 1);
    assert.equal(gw[0]!.title.text, 'eastwest/app=eastwest-gateway');
    assert.deepEqual(
      gw[0]!.cells.map((c) => [c.cluster, c.deployed]),
      [
        ['cluster-1', true],
        ['cluster-2', true],
      ],
    );
    assert.equal(
      buildViewModel(seed(), []).workspaces[0]!.rows[0]!.reason,
      undefined,
      'no reason needed when it can fail over',
    );
    assert.deepEqual(
      gw[0]!.installs.map((i) => i.text),
      ['IngressGateway eastwest/eastwest-gateway (eastWestOnly)'],
    );
    assert.equal(gw[0]!.exposesText, 'Exposes every service of the workspace');
    assert.equal(gw[0]!.warning, undefined);
  });

  it('gives excluded services their reason and the selector that decided it', () => {
    const ws = buildViewModel(exposed(), []).workspaces[0]!;
    const byName = new Map(ws.rows.map((r) => [r.name.text, r]));
    for (const s of ['productpage', 'ratings', 'reviews']) {
      const r = byName.get(s)!;
      assert.equal(r.status, 'excluded');
      assert.equal(r.statusText, 'Not exposed');
      assert.equal(r.reason, 'Not matched by exposedServices.');
      assert.equal(r.selector.text, 'no exposedServices entry matches its labels');
      assert.deepEqual(
        r.cells.map((c) => c.state),
        ['local', 'local'],
      );
    }
    const details = byName.get('details')!;
    assert.equal(details.status, 'failover');
    assert.match(details.selector.text, /exposedServices app=details/);
    const mongo = byName.get('mongodb')!;
    assert.equal(mongo.status, 'no-failover');
    assert.equal(mongo.statusText, 'Cannot fail over');
    assert.match(mongo.reason!, /^Runs only in cluster-1/);
    assert.deepEqual(
      mongo.cells.map((c) => c.state),
      ['exposed', 'absent'],
    );
    assert.equal(mongo.cells[1]!.ariaLabel, 'mongodb does not run in cluster-2');
    assert.equal(ws.summaryText, '5 services: 1 can fail over, 1 cannot, 3 not exposed');
    assert.deepEqual(ws.gateways[0]!.exposedSelectors, ['failover=enable', 'app=details']);
  });

  it('marks versions down in the matrix when every workload of the version is down there', () => {
    const ws = buildViewModel(seed(), [down('cluster-1', 'reviews-v2')]).workspaces[0]!;
    const reviews = ws.rows.find((r) => r.name.text === 'reviews')!;
    assert.deepEqual(reviews.cells[0]!.versions, [
      { version: 'v1', down: false },
      { version: 'v2', down: true },
    ]);
    assert.deepEqual(reviews.cells[1]!.versions, [
      { version: 'v1', down: false },
      { version: 'v2', down: false },
    ]);
  });
});

describe('view model: what-if', () => {
  it('lists every workload per cluster as a toggle', () => {
    const w = whatIfView(seed(), [down('cluster-2', 'ratings-v1')]);
    assert.deepEqual(
      w.clusters.map((c) => c.cluster),
      ['cluster-1', 'cluster-2'],
    );
    assert.deepEqual(
      w.clusters[0]!.toggles.map((t) => t.text),
      ['details-v1', 'productpage-v1', 'ratings-v1', 'reviews-v1', 'reviews-v2'],
    );
    const ratings2 = w.clusters[1]!.toggles.find((t) => t.text === 'ratings-v1')!;
    assert.equal(ratings2.down, true);
    assert.equal(w.clusters[0]!.toggles.find((t) => t.text === 'ratings-v1')!.down, false);
    assert.equal(w.downText, '1 workload marked down');
  });

  it('details-v1 down in cluster-1: callers fail over to cluster-2 through the east-west gateway', () => {
    const w = whatIfView(seed(), [down('cluster-1', 'details-v1')]);
    // details has a single version, so there is no separate subset route: one route for all callers.
    assert.deepEqual(
      w.routes.map((x) => [x.shownSubset, x.outcome]),
      [['any version', 'remote']],
    );
    const r = w.routes[0]!;
    assert.equal(r.outcome, 'remote');
    assert.equal(r.outcomeText, 'Fails over');
    assert.equal(r.service.text, 'details');
    assert.equal(r.fromText, 'callers in cluster-1');
    assert.equal(r.toText, 'cluster-2 via east-west gateway eastwest/app=eastwest-gateway');
    assert.equal(r.subsetText, 'any version');
    assert.ok(r.service.source);
  });

  it('reviews-v2 down in cluster-1: subset v2 fails over, any version stays local', () => {
    const w = whatIfView(seed(), [down('cluster-1', 'reviews-v2')]);
    const any = w.routes.find((r) => r.subsetText === 'any version')!;
    const v2 = w.routes.find((r) => r.subsetText === 'subset v2')!;
    assert.equal(any.outcome, 'local');
    assert.equal(any.toText, 'cluster-1 (local)');
    assert.match(any.reason, /reviews-v1/);
    assert.equal(v2.outcome, 'remote');
    assert.equal(v2.toText, 'cluster-2 via east-west gateway eastwest/app=eastwest-gateway');
  });

  it('a service running in one cluster has nowhere to go, and says why', () => {
    const w = whatIfView(exposed(), [down('cluster-1', 'mongodb-v1')]);
    const any = w.routes.find((r) => r.subsetText === 'any version')!;
    assert.equal(any.outcome, 'none');
    assert.equal(any.outcomeText, 'No route');
    assert.equal(any.toText, 'nowhere');
    assert.match(any.reason, /runs only in cluster-1/);
  });

  it('both copies down: nowhere', () => {
    const w = whatIfView(seed(), [down('cluster-1', 'details-v1'), down('cluster-2', 'details-v1')]);
    assert.equal(w.routes.length, 2, 'one route per caller cluster');
    const from1 = w.routes.find((r) => r.fromText === 'callers in cluster-1')!;
    assert.equal(from1.outcome, 'none');
    assert.match(from1.reason, /down too/);
  });

  it('keeps a what-if target the edited model no longer knows: listed as gone, with a way to remove it', () => {
    const w = whatIfView(seed(), [down('cluster-1', 'details-v9'), down('cluster-1', 'details-v1')]);
    assert.deepEqual(
      w.routes.map((r) => r.service.text),
      ['details'],
    );
    assert.deepEqual(
      w.marked.map((m) => [m.text, m.state]),
      [
        ['details-v9', 'gone'],
        ['details-v1', 'down'],
      ],
    );
    assert.match(w.marked[0]!.detail, /cluster-1 · bookinfo · no longer exists/);
    assert.equal(w.marked[0]!.buttonText, 'Remove');
    assert.equal(w.marked[1]!.buttonText, 'Bring back up');
    assert.equal(w.downText, '2 workloads marked down');
  });

  it('any workload can be marked down, also of services that are not exposed', () => {
    const m = exposed();
    const w = whatIfView(m, []);
    const toggles = w.clusters.flatMap((c) => c.toggles);
    const ratings = toggles.find((x) => x.service === 'ratings');
    assert.ok(ratings, toggles.map((x) => x.text).join(', '));
    assert.equal(ratings.notExposed, true);
    const r = whatIfView(m, [ratings.target]).routes;
    assert.ok(r.length > 0, 'marking it down answers where its callers go');
    assert.ok(r.every((x) => x.service.text === 'ratings'));
  });

  it('toggleDown adds and removes without mutating', () => {
    const a = [down('cluster-1', 'details-v1')];
    const b = toggleDown(a, down('cluster-1', 'reviews-v2'));
    assert.equal(a.length, 1);
    assert.equal(b.length, 2);
    assert.deepEqual(toggleDown(b, down('cluster-1', 'details-v1')), [down('cluster-1', 'reviews-v2')]);
  });
});

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

describe('webview shell and protocol', () => {
  const opts = {
    cspSource: 'https://x.vscode-cdn.net',
    nonce: 'abcdefghijklmnop0123',
    scriptUri: 'https://x.vscode-cdn.net/main.js',
    styleUri: 'https://x.vscode-cdn.net/main.css',
  };

  it('uses the strict CSP with the nonce and nothing else dynamic', () => {
    const html = buildShellHtml(opts);
    assert.ok(
      html.includes(
        `content="default-src 'none'; style-src https://x.vscode-cdn.net; script-src 'nonce-abcdefghijklmnop0123'; img-src https://x.vscode-cdn.net data:"`,
      ),
    );
    assert.ok(html.includes('<script nonce="abcdefghijklmnop0123" src="https://x.vscode-cdn.net/main.js"></script>'));
    assert.ok(html.includes('<link rel="stylesheet" href="https://x.vscode-cdn.net/main.css">'));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, the bundle');
    assert.equal(
      contentSecurityPolicy('a', 'b'),
      "default-src 'none'; style-src a; script-src 'nonce-b'; img-src a data:",
    );
  });

  it('refuses values that could break out of an attribute', () => {
    assert.throws(() => buildShellHtml({ ...opts, scriptUri: 'x" onload="alert(1)' }));
    assert.throws(() => buildShellHtml({ ...opts, nonce: 'short' }));
    assert.throws(() => buildShellHtml({ ...opts, cspSource: "'unsafe-inline'>" }));
  });

  it('validates messages on both sides', () => {
    const source = { uri: 'file:///a.yaml', line: 1, character: 0, endLine: 1, endCharacter: 4 };
    assert.ok(isAppToHostMessage({ type: 'ready' }));
    assert.ok(isAppToHostMessage({ type: 'requestModel' }));
    assert.ok(isAppToHostMessage({ type: 'reveal', source }));
    assert.ok(!isAppToHostMessage({ type: 'reveal', source: { ...source, line: -1 } }));
    assert.ok(!isAppToHostMessage({ type: 'reveal' }));
    assert.ok(!isAppToHostMessage({ type: 'exec', command: 'x' }));
    assert.ok(!isAppToHostMessage('ready'));
    assert.ok(isHostToAppMessage({ type: 'model', model: seed(), version: 1 }));
    assert.ok(!isHostToAppMessage({ type: 'model', model: {}, version: 1 }));
    assert.ok(isHostToAppMessage({ type: 'error', message: 'x' }));
    assert.ok(!isHostToAppMessage({ type: 'model', model: seed(), version: -1 }));
  });

  it('formats labels', () => {
    assert.equal(labelsText({ app: 'a', version: 'v1' }), 'app=a, version=v1');
    assert.equal(labelsText({}), '(no labels)');
  });
});
