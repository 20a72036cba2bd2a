// duplicate-resource: the same resource (kind + parents + name) defined twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, WS, EW_GATEWAY, uriOf } from '../helpers/engine';

test('identical duplicates are a warning on the second name, related to the first', () => {
  const t = project({ 'a.yaml': WS, 'b.yaml': WS });
  none(t.diags('a.yaml'), 'duplicate-resource');
  const d = only(t.diags('b.yaml'), 'duplicate-resource');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [5, 8, 5, 19]);
  assert.equal(
    d.message,
    'Workspace bookinfo-ws is defined twice in tenant tetrate (the other definition is proj/a.yaml:6): both definitions have the same spec, so one is redundant.',
  );
  assert.deepEqual(
    d.related?.map((r) => [r.uri, rng(r.range)]),
    [[uriOf('a.yaml'), [5, 8, 5, 19]]],
  );
});

test('conflicting duplicates (different spec) are an error', () => {
  const t = project({ 'a.yaml': WS, 'b.yaml': WS.replace('*/bookinfo', '*/other') });
  const d = only(t.diags('b.yaml'), 'duplicate-resource');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /their specs differ and the later one silently replaces the first/);
});

test('duplicates inside one multi-document file', () => {
  const t = project({ 'a.yaml': WS + '---\n' + WS });
  const d = only(t.diags('a.yaml'), 'duplicate-resource');
  assert.deepEqual(rng(d.range), [16, 8, 16, 19]);
});

test('tctl and GitOps forms of the same Workspace are the same resource', () => {
  const gitops =
    'apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: bookinfo-ws\n  namespace: tsb\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\nspec:\n  namespaceSelector:\n    names:\n      - "*/bookinfo"\n';
  const t = project({ 'a.yaml': WS, 'b.yaml': gitops });
  assert.equal(only(t.diags('b.yaml'), 'duplicate-resource').severity, 'warning');
});

test('same name under different parents, or different kinds, is not a duplicate', () => {
  const t = project({
    'a.yaml': WS,
    'b.yaml': WS.replace('tenant: tetrate', 'tenant: other'),
    'c.yaml': WS.replace('kind: Workspace', 'kind: Tenant').replace('  tenant: tetrate\n', ''),
  });
  for (const f of ['a.yaml', 'b.yaml', 'c.yaml']) none(t.diags(f), 'duplicate-resource');
});

test('an install CR applied twice to the same cluster', () => {
  const cfg =
    'placements:\n  - files: a/**\n    clusters: [cluster-1, cluster-2]\n  - files: b/**\n    clusters: [cluster-2, cluster-3]\n';
  const t = project({ 'tsb.config.yaml': cfg, 'a/gw.yaml': EW_GATEWAY, 'b/gw.yaml': EW_GATEWAY });
  const d = only(t.diags('b/gw.yaml'), 'duplicate-resource');
  assert.equal(d.severity, 'error');
  assert.deepEqual(rng(d.range), [3, 8, 3, 24]);
  assert.match(d.message, /IngressGateway eastwest\/eastwest-gateway is applied twice to cluster-2/);
  // the same install CR in disjoint clusters is fine (that is how the seed deploys one per cluster)
  const t2 = project({
    'tsb.config.yaml': cfg.replace('[cluster-2, cluster-3]', '[cluster-3]'),
    'a/gw.yaml': EW_GATEWAY,
    'b/gw.yaml': EW_GATEWAY,
  });
  none(t2.diags('b/gw.yaml'), 'duplicate-resource');
});

test('removing one definition clears the finding', () => {
  const t = project({ 'a.yaml': WS, 'b.yaml': WS });
  t.set('a.yaml', undefined);
  none(t.diags('b.yaml'), 'duplicate-resource');
});
