// no-failover-counterpart: an exposed service that runs in only one cluster while the project places
// workloads in several.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, seedFiles, SEED_CONFIG, service, deployment } from '../helpers/engine';

const CFG = SEED_CONFIG + '  - files: only1/**\n    clusters: [cluster-1]\n    namespace: bookinfo\n';

test('a service placed in one cluster of two: info on the Service name', () => {
  const t = project(
    seedFiles({ 'tsb.config.yaml': CFG, 'only1/solo.yaml': service('solo') + '---\n' + deployment('solo', 'v1') }),
  );
  const d = only(t.diags('only1/solo.yaml'), 'no-failover-counterpart');
  assert.equal(d.severity, 'info');
  assert.deepEqual(rng(d.range), [3, 8, 3, 12]);
  assert.match(
    d.message,
    /^Service solo\.bookinfo is exposed through the east-west gateway but .*runs only in cluster-1/,
  );
  // the seed services, placed in both clusters, are fine
  none(t.diags('apps/bookinfo.yaml'), 'no-failover-counterpart');
});

test('a project with a single cluster never reports it', () => {
  const cfg =
    'placements:\n  - files: apps/**\n    clusters: [cluster-1]\n    namespace: bookinfo\n  - files: gateways/**\n    clusters: [cluster-1]\n';
  const t = project(seedFiles({ 'tsb.config.yaml': cfg }));
  none(t.diags('apps/bookinfo.yaml'), 'no-failover-counterpart');
});

test('a service that is not exposed (excluded) is not reported', () => {
  const set =
    seedFiles()['tsb/bookinfo-ws-setting.yaml'] +
    '      exposedServices:\n        - serviceLabels:\n            app: details\n';
  const t = project(
    seedFiles({ 'tsb.config.yaml': CFG, 'only1/solo.yaml': service('solo'), 'tsb/bookinfo-ws-setting.yaml': set }),
  );
  none(t.diags('only1/solo.yaml'), 'no-failover-counterpart');
});
