// deprecated-field: fields and kinds deprecated in the TSB API (info).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, none, marked, y } from '../helpers/engine';

test('WorkspaceSetting regionalFailover is deprecated in favour of failoverSettings, range on the key', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: s
    spec:
      «regionalFailover»:
        - from: us-east1
          to: us-west1
  `);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['deprecated-field'],
  );
  const d = ds[0]!;
  assert.equal(d.severity, 'info');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /^`regionalFailover` is deprecated in the TSB API: Use failoverSettings/);
});

test('the IngressGateway configuration kind is deprecated, reported once on the kind value', () => {
  const { text, ranges } = marked(y`
    apiVersion: gateway.tsb.tetrate.io/v2
    kind: «IngressGateway»
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      group: gg
      name: gw
    spec:
      workloadSelector:
        namespace: bookinfo
        labels:
          app: gw
  `);
  const d = only(lint(text), 'deprecated-field');
  assert.equal(d.severity, 'info');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /^IngressGateway \(gateway\.tsb\.tetrate\.io\/v2\) is deprecated/);
});

test('the install IngressGateway (same kind, other apiVersion) is not deprecated', () => {
  none(
    lint(y`
    apiVersion: install.tetrate.io/v1alpha1
    kind: IngressGateway
    metadata:
      name: eastwest-gateway
      namespace: eastwest
    spec:
      eastWestOnly: true
  `),
    'deprecated-field',
  );
});

test('failoverSettings (the replacement) is not deprecated', () => {
  none(
    lint(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: s
    spec:
      failoverSettings:
        topologyChoice: CLUSTER
  `),
    'deprecated-field',
  );
});

test('rules: deprecated-field: off silences it', async () => {
  const { project } = await import('../helpers/engine');
  const t = project({
    'tsb.config.yaml': 'rules:\n  deprecated-field: off\n',
    'ws.yaml':
      'apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  name: s\nspec:\n  regionalFailover:\n    - from: a\n      to: b\n',
  });
  assert.deepEqual(t.diags('ws.yaml'), []);
});
