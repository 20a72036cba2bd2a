// Cascades: one mistake must not hide the other problems of the same document. A mis-indented block is
// reported where it is written and validated (and read by the cross-file rules) where it belongs; a quoted
// boolean or a bare namespace name is reported and still read as meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, marked, none, only, project, rng, seedFiles, y } from '../helpers/engine';

test('a block outdented out of spec: its place, and the unknown field and wrong type inside it, in one pass', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: bookinfo-ws-setting
    spec:
    «defaultEastWestGatewaySettings»:
      - workloadSelector:
          namespace: eastwest
          «labelz»:
            app: eastwest-gateway
        exposedServices:
          - serviceLabels: «"x"»
  `);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => [d.rule, rng(d.range)]),
    [
      ['unknown-field', rng(ranges[0]!)],
      ['unknown-field', rng(ranges[1]!)],
      ['invalid-type', rng(ranges[2]!)],
    ],
  );
  assert.match(ds[0]!.message, /belongs under `spec`: indent this block by 2 spaces/);
  assert.equal(ds[1]!.message, '`labelz` is not a field of `workloadSelector`; did you mean `labels`?');
  assert.equal(ds[2]!.message, '`serviceLabels` must be a mapping of fields, not "x".');
});

test('an empty key and its block one level too shallow: no "is empty" error, and the values inside are checked', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
      «names»:
        - «"bookinfo"»
      privileged: «"false"»
  `);
  const ds = lint(text);
  none(ds, 'missing-field');
  assert.deepEqual(
    ds.map((d) => [d.rule, rng(d.range)]),
    [
      ['unknown-field', rng(ranges[0]!)],
      ['invalid-value', rng(ranges[1]!)],
      ['invalid-type', rng(ranges[2]!)],
    ],
  );
});

test('a block indented one level too deep is validated one level up', () => {
  const { text, ranges } = marked(y`
    apiVersion: install.tetrate.io/v1alpha1
    kind: IngressGateway
    metadata:
      name: eastwest-gateway
      namespace: eastwest
    spec:
      kubeSpec:
        service:
          type: LoadBalancer
        «eastWestOnly»: «"true"»
  `);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => [d.rule, rng(d.range)]),
    [
      ['unknown-field', rng(ranges[0]!)],
      ['invalid-type', rng(ranges[1]!)],
    ],
  );
  assert.match(ds[0]!.message, /belongs one level up/);
});

test('the cross-file rules read a mis-indented block where it belongs (the common mistakes of a failover setup, all in one pass)', () => {
  const setting = y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: bookinfo-ws-setting
    spec:
    defaultEastWestGatewaySettings:
      - workloadSelector:
          namespace: eastwest
          labels:
            app: eastwest-gw
        exposedServices:
          - serviceLabels:
              failover: enable
  `;
  const t = project(seedFiles({ 'tsb/bookinfo-ws-setting.yaml': setting }));
  const ds = t.diags('tsb/bookinfo-ws-setting.yaml');
  assert.deepEqual(
    ds.map((d) => [d.rule, d.range.start.line]),
    [
      ['unknown-field', 8],
      ['gateway-selector-no-match', 11],
      ['service-selector-no-match', 14],
    ],
  );
  assert.match(only(ds, 'gateway-selector-no-match').message, /did you mean app=eastwest-gateway\?/);
  assert.deepEqual(
    t.model().workspaces[0]!.gateways.map((g) => g.labels),
    [{ app: 'eastwest-gw' }],
  );
});

test('a bare namespace name is invalid and still owns its namespace for the cross-file rules; a quoted eastWestOnly still reads as east-west', () => {
  const ws = y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
        names:
          - bookinfo
  `;
  const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bookinfo\n';
  const gw =
    'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: eastwest-gateway\n  namespace: eastwest\nspec:\n  eastWestOnly: "true"\n';
  const t = project(
    seedFiles({ 'tsb/bookinfo-ws.yaml': ws, 'apps/namespace.yaml': ns, 'gateways/eastwest-gateway.yaml': gw }),
  );
  const d = only(t.diags('tsb/bookinfo-ws.yaml'), 'invalid-value');
  assert.deepEqual(rng(d.range), [9, 8, 9, 16]);
  only(t.diags('apps/namespace.yaml'), 'namespace-not-injected');
  only(t.diags('gateways/eastwest-gateway.yaml'), 'invalid-type');
  const w = t.model().workspaces[0]!;
  assert.deepEqual(w.candidates.map((c) => c.service).sort(), ['details', 'productpage', 'ratings', 'reviews']);
  assert.equal(t.p.resolved().installGateways[0]!.fact.eastWestOnly, true);
});
