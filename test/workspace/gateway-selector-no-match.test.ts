// gateway-selector-no-match: a workloadSelector matches no gateway deployed by an install CR in the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, uriOf, seedFiles, WS_SETTING, EW_GATEWAY, y } from '../helpers/engine';

const SET = 'tsb/bookinfo-ws-setting.yaml';
const setting = (labels: string, namespace = 'eastwest') =>
  WS_SETTING.replace('namespace: eastwest', `namespace: ${namespace}`).replace(
    '          app: eastwest-gateway\n',
    labels,
  );

test('the seed selector matches the eastwest-gateway install CR: no warning', () => {
  none(project(seedFiles()).diags(SET), 'gateway-selector-no-match');
});

test('a wrong app label: warning on the labels key, suggestion app=eastwest-gateway with replace-labels data', () => {
  const t = project(seedFiles({ [SET]: setting('          app: eastwest-gw\n') }));
  const d = only(t.diags(SET), 'gateway-selector-no-match');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [11, 8, 11, 14]);
  assert.equal(
    d.message,
    'No gateway has app=eastwest-gw in namespace eastwest; did you mean app=eastwest-gateway? (A gateway install CR named X deploys pods labelled app=X.)',
  );
  assert.deepEqual(d.data, { fix: 'replace-labels', labels: { app: 'eastwest-gateway' } });
  assert.deepEqual(
    d.related?.map((r) => [r.uri, rng(r.range)]),
    [[uriOf('gateways/eastwest-gateway.yaml'), [3, 8, 3, 24]]],
  );
});

test('the right labels in the wrong namespace: names the namespace the gateway is in', () => {
  const t = project(seedFiles({ [SET]: setting('          app: eastwest-gateway\n', 'east-west') }));
  const d = only(t.diags(SET), 'gateway-selector-no-match');
  assert.deepEqual(rng(d.range), [11, 8, 11, 14]);
  assert.match(
    d.message,
    /selects app=eastwest-gateway in namespace east-west, but gateway eastwest-gateway with those labels is deployed in namespace eastwest; did you mean namespace eastwest\?/,
  );
});

test('labels from kubeSpec.deployment.labels are selectable', () => {
  const gw = EW_GATEWAY + '  kubeSpec:\n    deployment:\n      labels:\n        tier: ew\n';
  const t = project(
    seedFiles({
      [SET]: setting('          app: eastwest-gateway\n          tier: ew\n'),
      'gateways/eastwest-gateway.yaml': gw,
    }),
  );
  none(t.diags(SET), 'gateway-selector-no-match');
  const t2 = project(seedFiles({ [SET]: setting('          tier: ew\n'), 'gateways/eastwest-gateway.yaml': gw }));
  none(t2.diags(SET), 'gateway-selector-no-match');
});

test('a label the operator does not set cannot be verified: says so, suggests app=<name>', () => {
  const t = project(seedFiles({ [SET]: setting('          istio: eastwestgateway\n') }));
  const d = only(t.diags(SET), 'gateway-selector-no-match');
  assert.match(
    d.message,
    /istio cannot be verified: select app=eastwest-gateway or add the label under kubeSpec\.deployment\.labels/,
  );
  assert.deepEqual(d.data, { fix: 'replace-labels', labels: { app: 'eastwest-gateway' } });
});

test('no install CRs in the project: nothing to check against, no warning', () => {
  const t = project(
    seedFiles({ [SET]: setting('          app: nope\n'), 'gateways/eastwest-gateway.yaml': undefined }),
  );
  none(t.diags(SET), 'gateway-selector-no-match');
});

test('gateway configs (unified Gateway) are checked the same way', () => {
  const cfg = y`
    apiVersion: gateway.tsb.tetrate.io/v2
    kind: Gateway
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      group: gg
      name: app-gw
    spec:
      workloadSelector:
        namespace: bookinfo
        labels:
          app: app-gateway
      http:
        - name: web
          port: 8080
          hostname: bookinfo.example.com
          routing:
            rules:
              - route:
                  serviceDestination:
                    host: bookinfo/productpage.bookinfo.svc.cluster.local
  `;
  const install =
    'apiVersion: install.tetrate.io/v1alpha1\nkind: Gateway\nmetadata:\n  name: app-gw\n  namespace: bookinfo\nspec: {}\n';
  const t = project(seedFiles({ 'tsb/gw.yaml': cfg, 'gateways/app-gw.yaml': install }));
  const d = only(t.diags('tsb/gw.yaml'), 'gateway-selector-no-match');
  assert.deepEqual(rng(d.range), [11, 4, 11, 10]);
  assert.deepEqual(d.data, { fix: 'replace-labels', labels: { app: 'app-gw' } });
  const t2 = project(
    seedFiles({ 'tsb/gw.yaml': cfg.replace('app: app-gateway', 'app: app-gw'), 'gateways/app-gw.yaml': install }),
  );
  none(t2.diags('tsb/gw.yaml'), 'gateway-selector-no-match');
});

test('fixing the selector clears the warning (incremental update)', () => {
  const t = project(seedFiles({ [SET]: setting('          app: eastwest-gw\n') }));
  only(t.diags(SET), 'gateway-selector-no-match');
  t.set(SET, WS_SETTING);
  none(t.diags(SET), 'gateway-selector-no-match');
});

test('an install CR with those labels but no namespace the repository names: no claim (it may land in this namespace), never "namespace undefined"', () => {
  const gw = EW_GATEWAY.replace('  namespace: eastwest\n', '');
  // The seed's placement of gateways/** names no namespace either: nothing says where the CR lands.
  const t = project(seedFiles({ 'gateways/eastwest-gateway.yaml': gw }));
  for (const d of t.diags(SET)) assert.doesNotMatch(d.message, /undefined|\(none\)/);
  none(t.diags(SET), 'gateway-selector-no-match');
});
