// subset-not-found: a ServiceRoute subset whose labels select no pods of the service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, seedFiles, y } from '../helpers/engine';

const route = (ver: string, service = 'bookinfo/reviews.bookinfo.svc.cluster.local') => y`
  apiVersion: traffic.tsb.tetrate.io/v2
  kind: ServiceRoute
  metadata:
    organization: tetrate
    tenant: tetrate
    workspace: bookinfo-ws
    group: bookinfo-tg
    name: reviews
  spec:
    service: ${service}
    subsets:
      - name: v1
        labels:
          version: v1
      - name: ${ver}
        labels:
          version: ${ver}
`;

test("subset version=v3 when only v1/v2 pods exist: warning on the subset's labels key", () => {
  const t = project(seedFiles({ 'tsb/route.yaml': route('v3') }));
  const d = only(t.diags('tsb/route.yaml'), 'subset-not-found');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [15, 6, 15, 12]);
  assert.equal(
    d.message,
    'Subset v3 selects version=v3, but no pod of reviews.bookinfo has those labels (versions present: v1, v2).',
  );
});

test('existing subsets give no warning', () => {
  none(project(seedFiles({ 'tsb/route.yaml': route('v2') })).diags('tsb/route.yaml'), 'subset-not-found');
});

test('a service unknown to the project, or without workloads, is not checked', () => {
  none(
    project(seedFiles({ 'tsb/route.yaml': route('v3', 'bookinfo/unknown.bookinfo.svc.cluster.local') })).diags(
      'tsb/route.yaml',
    ),
    'subset-not-found',
  );
  none(project({ 'tsb/route.yaml': route('v3') }).diags('tsb/route.yaml'), 'subset-not-found');
});

test('the namespace in the service name matters', () => {
  none(
    project(seedFiles({ 'tsb/route.yaml': route('v3', 'other/reviews.other.svc.cluster.local') })).diags(
      'tsb/route.yaml',
    ),
    'subset-not-found',
  );
});
