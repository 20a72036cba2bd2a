// version-label-missing: a workload of a service whose subsets select `version`, without that label.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOOKINFO, none, only, project, rng, seedFiles, y } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

const ROUTE = y`
  apiVersion: traffic.tsb.tetrate.io/v2
  kind: ServiceRoute
  metadata:
    organization: tetrate
    tenant: tetrate
    workspace: bookinfo-ws
    group: bookinfo-tg
    name: reviews
  spec:
    service: bookinfo/reviews.bookinfo.svc.cluster.local
    subsets:
      - name: v1
        labels:
          version: v1
        weight: 50
      - name: v2
        labels:
          version: v2
        weight: 50
`;
// reviews-v2 lost its version label (the seed's Deployment template, labels app only).
const noVersion = BOOKINFO.replace('        app: reviews\n        version: v2\n', '        app: reviews\n');

test('reviews-v2 without a version label under a ServiceRoute split by version: warning on its labels key, fix adds version: v2', () => {
  assert.notEqual(noVersion, BOOKINFO);
  const t = project(seedFiles({ 'apps/bookinfo.yaml': noVersion, 'tsb/route.yaml': ROUTE }));
  const d = only(t.diags('apps/bookinfo.yaml'), 'version-label-missing');
  assert.equal(d.severity, 'warning');
  const lines = noVersion.split('\n');
  const line = lines.indexOf('      labels:', lines.indexOf('  name: reviews-v2'));
  assert.deepEqual(rng(d.range), [line, 6, line, 12]);
  assert.equal(
    d.message,
    'Deployment reviews-v2 runs pods of Service reviews, whose ServiceRoute reviews (tsb/route.yaml:13) splits traffic by version (v1, v2), but its pods have no version label: they are in no subset and receive no traffic through TSB routing. Add version: v2 to the pod template labels.',
  );
  assert.deepEqual(
    d.related?.map((r) => [r.uri, r.range.start.line]),
    [[t.uri('tsb/route.yaml'), 12]],
  );
  const fixed = applyFix(t, 'apps/bookinfo.yaml', d)['apps/bookinfo.yaml']!;
  assert.equal(
    fixed,
    BOOKINFO.replace('        app: reviews\n        version: v2\n', '        version: v2\n        app: reviews\n'),
  );
  none(
    project(seedFiles({ 'apps/bookinfo.yaml': fixed, 'tsb/route.yaml': ROUTE })).diags('apps/bookinfo.yaml'),
    'version-label-missing',
  );
});

test('near misses: every workload labelled, subsets not by version, workloads of other services', () => {
  none(project(seedFiles({ 'tsb/route.yaml': ROUTE })).diags('apps/bookinfo.yaml'), 'version-label-missing');
  none(
    project(
      seedFiles({ 'apps/bookinfo.yaml': noVersion, 'tsb/route.yaml': ROUTE.replace(/version: (v\d)/g, 'track: $1') }),
    ).diags('apps/bookinfo.yaml'),
    'version-label-missing',
  );
  const otherService = noVersion.replace('bookinfo/reviews', 'x');
  none(
    project(
      seedFiles({
        'apps/bookinfo.yaml': otherService,
        'tsb/route.yaml': ROUTE.replace('bookinfo/reviews.bookinfo', 'bookinfo/ratings.bookinfo'),
      }),
    ).diags('apps/bookinfo.yaml'),
    'version-label-missing',
  );
});
