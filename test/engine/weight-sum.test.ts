// weight-sum: ServiceRoute subset or route destination weights that do not add up to 100, or are all 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, marked, none, only, project, rng, y } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

const route = (body: string) =>
  y`
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
` + body;

const subsets = (w1: string, w2: string) =>
  `  subsets:\n    - name: v1\n      labels:\n        version: v1\n      weight: ${w1}\n    - name: v2\n      labels:\n        version: v2\n      weight: ${w2}\n`;

test('subset weights adding up to 99: warning on the last weight, related to the others, fix makes 100', () => {
  const { text, ranges } = marked(route(subsets('«60»', '«39»')));
  const t = project({ 'sr.yaml': text });
  const d = only(t.diags('sr.yaml'), 'weight-sum');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.range, ranges[1]);
  assert.equal(
    d.message,
    'The subset weights add up to 99, not 100 (v1: 60, v2: 39): weights are percentages, so Istio versions that validate them reject the route and the others split traffic in proportion, not as written. Make them add up to 100 (v2: 40).',
  );
  assert.deepEqual(
    d.related?.map((r) => [rng(r.range), r.message]),
    [[rng(ranges[0]!), 'v1: 60']],
  );
  const fixed = applyFix(t, 'sr.yaml', d)['sr.yaml']!;
  assert.ok(fixed.includes('      weight: 40\n'));
  none(project({ 'sr.yaml': fixed }).diags('sr.yaml'), 'weight-sum');
});

test('all weights 0 without routes: no subset gets traffic (no fix: the split is not known)', () => {
  const d = only(lint(route(subsets('0', '0'))), 'weight-sum');
  assert.match(
    d.message,
    /^Every subset weight is 0 \(v1: 0, v2: 0\): no subset receives traffic, so requests to reviews fail/,
  );
  assert.equal(d.data, undefined);
});

test('near misses: 100, one subset, no weight written, placeholders, and subsets under explicit routes (the sandbox walkthrough)', () => {
  none(lint(route(subsets('60', '40'))), 'weight-sum');
  none(lint(route('  subsets:\n    - name: v1\n      labels:\n        version: v1\n      weight: 50\n')), 'weight-sum');
  none(
    lint(
      route('  subsets:\n    - name: v1\n      labels: {version: v1}\n    - name: v2\n      labels: {version: v2}\n'),
    ),
    'weight-sum',
  );
  none(lint(route(subsets('${W1}', '${W2}'))), 'weight-sum');
  // Header-based routing: every route names its destination, subset weights are placeholders at 0.
  const routed =
    subsets('0', '0') +
    '  httpRoutes:\n    - name: default\n      match:\n        - name: all\n          port: 9080\n      destination:\n        - subset: v2\n          weight: 100\n          port: 9080\n';
  none(lint(route(routed)), 'weight-sum');
});

test('the destinations of one HTTP route are checked the same way', () => {
  const body =
    subsets('50', '50') +
    '  httpRoutes:\n    - name: canary\n      destination:\n        - subset: v1\n          weight: 80\n          port: 9080\n        - subset: v2\n          weight: 10\n          port: 9080\n';
  const d = only(lint(route(body)), 'weight-sum');
  assert.match(d.message, /^The destination weights add up to 90, not 100 \(v1: 80, v2: 10\)/);
  assert.deepEqual(d.data, { fix: 'replace-value', to: '20' });
});
