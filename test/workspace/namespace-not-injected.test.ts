// namespace-not-injected: a namespace owned by a workspace has no sidecar-injection label.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, seedFiles } from '../helpers/engine';

const NS = 'apps/namespace.yaml';
const ns = (name: string, labels = '') => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${labels}`;

test('an owned namespace without an injection label: info on the kind line', () => {
  const t = project(seedFiles({ [NS]: ns('bookinfo') }));
  const d = only(t.diags(NS), 'namespace-not-injected');
  assert.equal(d.severity, 'info');
  assert.deepEqual(rng(d.range), [1, 0, 1, 15]);
  assert.match(d.message, /^Namespace bookinfo belongs to workspace bookinfo-ws but has no sidecar-injection label/);
});

test('istio-injection: enabled, istio.io/rev and ambient mode count as injected', () => {
  for (const labels of [
    '  labels:\n    istio-injection: enabled\n',
    '  labels:\n    istio.io/rev: default\n',
    '  labels:\n    istio.io/dataplane-mode: ambient\n',
  ]) {
    none(project(seedFiles({ [NS]: ns('bookinfo', labels) })).diags(NS), 'namespace-not-injected');
  }
});

test('istio-injection: disabled is not injected', () => {
  only(
    project(seedFiles({ [NS]: ns('bookinfo', '  labels:\n    istio-injection: disabled\n') })).diags(NS),
    'namespace-not-injected',
  );
});

test('a namespace no workspace owns is not reported', () => {
  none(project(seedFiles({ [NS]: ns('sleep') })).diags(NS), 'namespace-not-injected');
});

test('the owning workspace is matched per cluster: c1/bookinfo does not own bookinfo placed only in cluster-2', () => {
  const ws =
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: bookinfo-ws\nspec:\n  namespaceSelector:\n    names:\n      - cluster-1/bookinfo\n';
  const cfg = 'placements:\n  - files: c2/**\n    clusters: [cluster-2]\n';
  const t = project({ 'tsb.config.yaml': cfg, 'ws.yaml': ws, 'c2/ns.yaml': ns('bookinfo') });
  none(t.diags('c2/ns.yaml'), 'namespace-not-injected');
  const t2 = project({
    'tsb.config.yaml': cfg.replace('cluster-2', 'cluster-1').replace('c2/**', 'c2/**'),
    'ws.yaml': ws,
    'c2/ns.yaml': ns('bookinfo'),
  });
  only(t2.diags('c2/ns.yaml'), 'namespace-not-injected');
});

test('rules: namespace-not-injected: off silences it', () => {
  const t = project(
    seedFiles({
      [NS]: ns('bookinfo'),
      'tsb.config.yaml': seedFiles()['tsb.config.yaml'] + 'rules:\n  namespace-not-injected: off\n',
    }),
  );
  none(t.diags(NS), 'namespace-not-injected');
});

test('a namespace that holds only an operator-deployed gateway needs no injection label', () => {
  const gwNs = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: eastwest\n';
  const ws = (names: string) =>
    `apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: bookinfo-ws\nspec:\n  namespaceSelector:\n    names: [${names}]\n`;
  const t = project(
    seedFiles({ 'gateways/namespace.yaml': gwNs, 'tsb/bookinfo-ws.yaml': ws('"*/bookinfo", "*/eastwest"') }),
  );
  none(t.diags('gateways/namespace.yaml'), 'namespace-not-injected');
  // A workload of its own in that namespace: its pods do need the sidecar.
  const sleep =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sleep\n  namespace: eastwest\nspec:\n  template:\n    metadata:\n      labels:\n        app: sleep\n';
  const t2 = project(
    seedFiles({
      'gateways/namespace.yaml': gwNs,
      'gateways/sleep.yaml': sleep,
      'tsb/bookinfo-ws.yaml': ws('"*/bookinfo", "*/eastwest"'),
    }),
  );
  only(t2.diags('gateways/namespace.yaml'), 'namespace-not-injected');
});
