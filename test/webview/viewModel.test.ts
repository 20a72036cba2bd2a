import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildViewModel, toggleDown, whatIfView } from '../../client/src/webview/app/viewModel';
import { down, exposed, seed } from './modelFixtures';

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
