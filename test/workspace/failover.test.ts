// The failover model over in-memory projects, and the what-if simulation (simulateDown).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  simulateDown,
  parseDownTarget,
  formatDownTarget,
  type FailoverModel,
  type WorkspaceFailover,
} from '../../server/src/engine/index';
import {
  project,
  seedFiles,
  SEED_CONFIG,
  service,
  deployment,
  WS,
  WS_SETTING,
  EW_GATEWAY,
  uriOf,
} from '../helpers/engine';

const SET = 'tsb/bookinfo-ws-setting.yaml';
const ws0 = (m: FailoverModel): WorkspaceFailover => {
  assert.equal(m.workspaces.length, 1);
  return m.workspaces[0]!;
};
const summary = (w: WorkspaceFailover) => ({
  candidates: w.candidates.map((c) => [c.service, c.namespace, c.clusters, c.failover]),
  excluded: w.excluded.map((e) => [e.service, e.namespace, e.code]),
});

test('the seed scenario: 4 services fail over between cluster-1 and cluster-2', () => {
  const m = project(seedFiles()).model();
  const w = ws0(m);
  assert.deepEqual(
    [w.organization, w.tenant, w.name, w.namespaces],
    ['tetrate', 'tetrate', 'bookinfo-ws', ['*/bookinfo']],
  );
  assert.deepEqual(
    w.gateways.map((g) => [g.entry, g.namespace, g.labels, g.clusters, g.exposedServices]),
    [[0, 'eastwest', { app: 'eastwest-gateway' }, ['cluster-1', 'cluster-2'], []]],
  );
  assert.deepEqual(
    w.gateways[0]!.installs.map((i) => [i.kind, i.name, i.namespace, i.eastWestOnly, i.clusters]),
    [['IngressGateway', 'eastwest-gateway', 'eastwest', true, ['cluster-1', 'cluster-2']]],
  );
  const both = ['cluster-1', 'cluster-2'];
  assert.deepEqual(summary(w), {
    candidates: [
      ['details', 'bookinfo', both, true],
      ['productpage', 'bookinfo', both, true],
      ['ratings', 'bookinfo', both, true],
      ['reviews', 'bookinfo', both, true],
    ],
    excluded: [],
  });
  const reviews = w.candidates.find((c) => c.service === 'reviews')!;
  assert.deepEqual(reviews.versions, { v1: both, v2: both });
  assert.deepEqual(
    reviews.workloads.map((x) => [x.kind, x.name, x.version, x.clusters]),
    [
      ['Deployment', 'reviews-v1', 'v1', both],
      ['Deployment', 'reviews-v2', 'v2', both],
    ],
  );
  assert.deepEqual(reviews.exposedBy, { entry: 0 });
  assert.equal(reviews.reason, undefined);
  assert.deepEqual(m.clusters, both);
  assert.equal(m.placementsConfigured, true);
  assert.deepEqual(m.notes, []);
  assert.deepEqual(w.lookalikes, []);
  // source references point into the files
  assert.equal(reviews.source?.uri, uriOf('apps/bookinfo.yaml'));
  assert.equal(w.source?.uri, uriOf('tsb/bookinfo-ws.yaml'));
  assert.equal(w.settingSource?.uri, uriOf(SET));
});

test('versions per cluster: reviews v2 only in cluster-1', () => {
  const cfg = SEED_CONFIG + '  - files: c1/**\n    clusters: [cluster-1]\n    namespace: bookinfo\n';
  const apps = [service('reviews'), deployment('reviews', 'v1')].join('---\n');
  const m = project(
    seedFiles({ 'tsb.config.yaml': cfg, 'apps/bookinfo.yaml': apps, 'c1/v2.yaml': deployment('reviews', 'v2') }),
  ).model();
  const reviews = ws0(m).candidates.find((c) => c.service === 'reviews')!;
  assert.deepEqual(reviews.versions, { v1: ['cluster-1', 'cluster-2'], v2: ['cluster-1'] });
  assert.equal(reviews.failover, true);
});

test('exposed services by label: the first matching entry wins across two east-west entries', () => {
  const setting =
    WS_SETTING +
    '      exposedServices:\n        - serviceLabels:\n            app: details\n' +
    '    - workloadSelector:\n        namespace: eastwest\n        labels:\n          app: eastwest-gateway\n      exposedServices:\n        - serviceLabels:\n            service: details\n        - serviceLabels:\n            service: reviews\n';
  const w = ws0(project(seedFiles({ [SET]: setting })).model());
  assert.deepEqual(
    w.candidates.map((c) => [c.service, c.exposedBy]),
    [
      ['details', { entry: 0, serviceLabels: { app: 'details' } }],
      ['reviews', { entry: 1, serviceLabels: { service: 'reviews' } }],
    ],
  );
  assert.deepEqual(
    w.excluded.map((e) => [e.service, e.code]),
    [
      ['productpage', 'not-selected'],
      ['ratings', 'not-selected'],
    ],
  );
  assert.match(
    w.excluded[0]!.reason,
    /not matched by exposedServices \(app=details \| service=details \| service=reviews\); its labels are app=productpage,service=productpage/,
  );
});

test('seed-exposed-services: only details fails over', () => {
  const setting =
    WS_SETTING +
    '      exposedServices:\n        - serviceLabels:\n            failover: enable\n        - serviceLabels:\n            app: details\n';
  const w = ws0(project(seedFiles({ [SET]: setting })).model());
  assert.deepEqual(
    w.candidates.filter((c) => c.failover).map((c) => c.service),
    ['details'],
  );
  assert.deepEqual(
    w.excluded.map((e) => e.service),
    ['productpage', 'ratings', 'reviews'],
  );
});

test('three clusters', () => {
  const cfg = SEED_CONFIG.replace(/\[cluster-1, cluster-2\]/g, '[cluster-1, cluster-2, cluster-3]');
  const m = project(seedFiles({ 'tsb.config.yaml': cfg })).model();
  const three = ['cluster-1', 'cluster-2', 'cluster-3'];
  assert.deepEqual(m.clusters, three);
  for (const c of ws0(m).candidates) assert.deepEqual([c.clusters, c.failover], [three, true]);
});

test('namespaces that differ across clusters: no failover, lookalike note', () => {
  const cfg =
    'placements:\n  - files: c1/**\n    clusters: [cluster-1]\n    namespace: bookinfo\n  - files: c2/**\n    clusters: [cluster-2]\n    namespace: bookinfo-prod\n  - files: gateways/**\n    clusters: [cluster-1, cluster-2]\n';
  const app = service('details') + '---\n' + deployment('details', 'v1');
  const w = ws0(
    project({
      'tsb.config.yaml': cfg,
      'c1/a.yaml': app,
      'c2/a.yaml': app,
      'gateways/gw.yaml': EW_GATEWAY,
      'ws.yaml': WS.replace('      - "*/bookinfo"\n', '      - "*/bookinfo"\n      - "*/bookinfo-prod"\n'),
      'set.yaml': WS_SETTING,
    }).model(),
  );
  assert.deepEqual(summary(w).candidates, [
    ['details', 'bookinfo', ['cluster-1'], false],
    ['details', 'bookinfo-prod', ['cluster-2'], false],
  ]);
  assert.match(w.candidates[0]!.reason!, /runs only in cluster-1/);
  assert.match(w.candidates[0]!.reason!, /bookinfo-prod/);
  assert.deepEqual(w.lookalikes, [
    { service: 'details', namespace: 'bookinfo', otherNamespaces: ['bookinfo-prod'], otherCount: 1 },
    { service: 'details', namespace: 'bookinfo-prod', otherNamespaces: ['bookinfo'], otherCount: 1 },
  ]);
});

test('a name repeated in many namespaces: the lookalike note lists a few and counts the rest', () => {
  const files: Record<string, string> = {
    'tsb.config.yaml': SEED_CONFIG,
    'gateways/gw.yaml': EW_GATEWAY,
    'set.yaml': WS_SETTING,
  };
  const names = Array.from({ length: 12 }, (_, i) => `team-${String(i).padStart(2, '0')}`);
  files['ws.yaml'] = WS.replace('      - "*/bookinfo"\n', names.map((n) => `      - "*/${n}"\n`).join(''));
  for (const n of names) files[`apps/${n}.yaml`] = service('details', undefined, n);
  const w = ws0(project(files).model());
  const own = w.lookalikes.find((l) => l.namespace === 'team-03')!;
  assert.equal(own.otherCount, 11);
  assert.deepEqual(own.otherNamespaces, ['team-00', 'team-01', 'team-02', 'team-04', 'team-05']);
});

test('a gateway deployed in only one cluster: no failover, the reason says no gateway there', () => {
  const cfg = SEED_CONFIG.replace(
    '  - files: gateways/**\n    clusters: [cluster-1, cluster-2]',
    '  - files: gateways/**\n    clusters: [cluster-1]',
  );
  const w = ws0(project(seedFiles({ 'tsb.config.yaml': cfg })).model());
  assert.deepEqual(w.gateways[0]!.clusters, ['cluster-1']);
  for (const c of w.candidates) {
    assert.deepEqual([c.clusters, c.runsIn, c.failover], [['cluster-1'], ['cluster-1', 'cluster-2'], false]);
    assert.equal(c.reason, 'also runs in cluster-2, but no selected east-west gateway is deployed there');
  }
});

test('an east-west selector matching nothing: every service excluded with no-gateway-cluster', () => {
  const w = ws0(project(seedFiles({ [SET]: WS_SETTING.replace('app: eastwest-gateway', 'app: nope') })).model());
  assert.deepEqual(w.gateways[0]!.clusters, []);
  assert.deepEqual(w.candidates, []);
  assert.deepEqual(
    w.excluded.map((e) => e.code),
    ['no-gateway-cluster', 'no-gateway-cluster', 'no-gateway-cluster', 'no-gateway-cluster'],
  );
  assert.match(
    w.excluded[0]!.reason,
    /east-west selector eastwest\/app=nope matches no gateway deployed in any cluster/,
  );
});

test('no WorkspaceSetting: excluded no-east-west-settings, with a note', () => {
  const m = project(seedFiles({ [SET]: undefined })).model();
  const w = ws0(m);
  assert.deepEqual(w.gateways, []);
  assert.deepEqual(
    w.excluded.map((e) => e.code),
    Array(4).fill('no-east-west-settings'),
  );
  assert.equal(
    w.excluded[0]!.reason,
    'workspace bookinfo-ws has no WorkspaceSetting with defaultEastWestGatewaySettings',
  );
  assert.equal(w.settingSource, undefined);
  assert.ok(m.notes.some((n) => /No WorkspaceSetting yet/.test(n)));
});

test('a WorkspaceSetting without east-west settings says so', () => {
  const setting = WS_SETTING.slice(0, WS_SETTING.indexOf('spec:')) + 'spec:\n  defaultTrafficSetting: {}\n';
  const w = ws0(project(seedFiles({ [SET]: setting })).model());
  assert.equal(w.excluded[0]!.reason, 'the WorkspaceSetting has no defaultEastWestGatewaySettings');
});

test('no placements: namespaced services are excluded not-placed, and a note explains how to add placements', () => {
  const apps = [service('details', { app: 'details' }, 'bookinfo'), deployment('details', 'v1', 'bookinfo')].join(
    '---\n',
  );
  const m = project(seedFiles({ 'tsb.config.yaml': undefined, 'apps/bookinfo.yaml': apps })).model();
  assert.equal(m.placementsConfigured, false);
  assert.deepEqual(m.clusters, []);
  assert.ok(
    m.notes.some((n) =>
      /No placements: nothing in the repository says which clusters.*Add a tsb\.config\.yaml/.test(n),
    ),
  );
  const w = ws0(m);
  assert.deepEqual(w.candidates, []);
  assert.deepEqual(
    w.excluded.map((e) => [e.service, e.code, e.clusters]),
    [['details', 'not-placed', []]],
  );
  assert.match(w.excluded[0]!.reason, /nothing in the repository says which clusters its file is applied to/);
});

test('no Workspace at all: an empty model with a note', () => {
  const m = project({ 'apps/a.yaml': service('details') }).model();
  assert.deepEqual(m.workspaces, []);
  assert.ok(m.notes.some((n) => /No Workspace is defined/.test(n)));
});

test('the model follows edits: placing the gateway in cluster-2 later enables failover', () => {
  const cfg1 = SEED_CONFIG.replace(
    '  - files: gateways/**\n    clusters: [cluster-1, cluster-2]',
    '  - files: gateways/**\n    clusters: [cluster-1]',
  );
  const t = project(seedFiles({ 'tsb.config.yaml': cfg1 }));
  assert.equal(
    ws0(t.model()).candidates.every((c) => !c.failover),
    true,
  );
  t.set('tsb.config.yaml', SEED_CONFIG);
  assert.equal(
    ws0(t.model()).candidates.every((c) => c.failover),
    true,
  );
});

// ---- what-if ----

const seedModel = () => project(seedFiles()).model();

test('parseDownTarget / formatDownTarget', () => {
  assert.deepEqual(parseDownTarget('cluster-1/bookinfo/details-v1'), {
    cluster: 'cluster-1',
    namespace: 'bookinfo',
    workload: 'details-v1',
  });
  assert.equal(parseDownTarget('cluster-1/details-v1'), undefined);
  assert.equal(parseDownTarget('a//b'), undefined);
  assert.equal(parseDownTarget('a/b/c/d'), undefined);
  assert.equal(formatDownTarget({ cluster: 'c', namespace: 'n', workload: 'w' }), 'c/n/w');
});

test('details-v1 down in cluster-1: callers go to cluster-2 via the east-west gateway', () => {
  const r = simulateDown(seedModel(), [parseDownTarget('cluster-1/bookinfo/details-v1')!]);
  assert.deepEqual(r.unknown, []);
  // The reason also travels as a message (template + values) for the panel's language.
  assert.deepEqual(
    r.routes.map(({ reasonL10n, ...rest }) => rest),
    [
      {
        service: 'details',
        namespace: 'bookinfo',
        fromCluster: 'cluster-1',
        outcome: 'remote',
        toClusters: ['cluster-2'],
        via: { namespace: 'eastwest', labels: { app: 'eastwest-gateway' } },
        reason:
          'no details workload is left in cluster-1, and details is exposed through the east-west gateway in cluster-2',
      },
    ],
  );
  assert.equal(
    r.routes[0]!.reasonL10n?.key,
    'no {what} workload is left in {cluster}, and {service} is exposed through the east-west gateway in {clusters}',
  );
});

test('reviews-v2 down in cluster-1: any-version traffic stays local, subset v2 goes remote', () => {
  const r = simulateDown(seedModel(), [parseDownTarget('cluster-1/bookinfo/reviews-v2')!]);
  assert.deepEqual(
    r.routes.map((x) => [x.service, x.subset, x.outcome, x.toClusters]),
    [
      ['reviews', undefined, 'local', ['cluster-1']],
      ['reviews', 'v2', 'remote', ['cluster-2']],
    ],
  );
  assert.match(r.routes[0]!.reason, /other reviews workloads still run in cluster-1 \(reviews-v1\)/);
});

test('every copy down: no route, with the reason', () => {
  const r = simulateDown(
    seedModel(),
    ['cluster-1/bookinfo/details-v1', 'cluster-2/bookinfo/details-v1'].map((d) => parseDownTarget(d)!),
  );
  assert.deepEqual(
    r.routes.map((x) => [x.fromCluster, x.outcome, x.toClusters]),
    [
      ['cluster-1', 'none', []],
      ['cluster-2', 'none', []],
    ],
  );
  assert.equal(
    r.routes[0]!.reason,
    'no details left in cluster-1 and no failover: every other copy of details (cluster-2) is down too',
  );
});

test('an unknown workload is listed as unknown', () => {
  const r = simulateDown(seedModel(), [parseDownTarget('cluster-1/bookinfo/nope')!]);
  assert.deepEqual(r.routes, []);
  assert.deepEqual(
    r.unknown.map((u) => [formatDownTarget(u.target), u.reason]),
    [['cluster-1/bookinfo/nope', "no workload nope runs in cluster-1/bookinfo according to the project's placements"]],
  );
  // a known workload in a cluster where it is not placed
  assert.equal(simulateDown(seedModel(), [parseDownTarget('cluster-3/bookinfo/details-v1')!]).unknown.length, 1);
});

test('a service that is not exposed goes nowhere when its only workload is down', () => {
  const setting = WS_SETTING + '      exposedServices:\n        - serviceLabels:\n            app: details\n';
  const r = simulateDown(project(seedFiles({ [SET]: setting })).model(), [
    parseDownTarget('cluster-1/bookinfo/ratings-v1')!,
  ]);
  assert.deepEqual(
    r.routes.map((x) => [x.service, x.outcome]),
    [['ratings', 'none']],
  );
  assert.match(
    r.routes[0]!.reason,
    /ratings is not exposed through an east-west gateway: not matched by exposedServices/,
  );
});

test('a subset that runs only in the failed cluster cannot fail over', () => {
  const cfg = SEED_CONFIG + '  - files: c1/**\n    clusters: [cluster-1]\n    namespace: bookinfo\n';
  const apps = [service('reviews'), deployment('reviews', 'v1')].join('---\n');
  const m = project(
    seedFiles({ 'tsb.config.yaml': cfg, 'apps/bookinfo.yaml': apps, 'c1/v2.yaml': deployment('reviews', 'v2') }),
  ).model();
  const r = simulateDown(m, [parseDownTarget('cluster-1/bookinfo/reviews-v2')!]);
  const v2 = r.routes.find((x) => x.subset === 'v2')!;
  assert.equal(v2.outcome, 'none');
  assert.match(v2.reason, /reviews v2 runs only in cluster-1; other clusters run other versions/);
});
