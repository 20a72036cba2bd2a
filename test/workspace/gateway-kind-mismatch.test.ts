// gateway-kind-mismatch: a gateway configuration kind that does not fit the gateway it selects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { none, only, project, rng, y } from '../helpers/engine';

const install = (kind: string, eastWestOnly = false) =>
  y`
  apiVersion: install.tetrate.io/v1alpha1
  kind: ${kind}
  metadata:
    name: tier1-gateway
    namespace: tier1
  spec:
    eastWestOnly: ${eastWestOnly}
`.replace(kind !== 'IngressGateway' ? '  eastWestOnly: false\n' : '\u0000', '');
const config = (kind: string) => y`
  apiVersion: gateway.tsb.tetrate.io/v2
  kind: ${kind}
  metadata:
    organization: workshop
    tenant: workshop
    workspace: workshop-app
    group: tier1-gw
    name: tier1-gateway
  spec:
    workloadSelector:
      namespace: tier1
      labels:
        app: tier1-gateway
`;
const servers =
  '  externalServers:\n    - name: demo-app\n      hostname: demo-app.example.com\n      port: 443\n      clusters:\n        - name: cloud-a-01\n';
const RUN = 'kubectl --context tier1 apply -f k8s/\ntctl apply -f tsb/\n';

test('a Tier1Gateway configuration on a gateway installed as an IngressGateway (workshop-101 lab 03): warning on its kind, related to the install CR', () => {
  const t = project({
    'run.sh': RUN,
    'k8s/gw.yaml': install('IngressGateway'),
    'tsb/tier1.yaml': config('Tier1Gateway') + servers,
  });
  const d = only(t.diags('tsb/tier1.yaml'), 'gateway-kind-mismatch');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [1, 0, 1, 18]);
  assert.equal(
    d.message,
    'This Tier1Gateway configuration is written for a tier-1 gateway (it forwards to the gateways of other clusters over mTLS on 15443), but its workloadSelector tier1/app=tier1-gateway matches only tier1-gateway (an install IngressGateway): the configuration lands on a gateway that is not set up for it. Select a gateway installed as Tier1Gateway, or write the configuration kind that fits (IngressGateway or Gateway).',
  );
  assert.deepEqual(
    d.related?.map((r) => r.uri),
    [t.uri('k8s/gw.yaml')],
  );
});

test('near misses: the matching install kind, the unified Gateway on any install, a selector that matches nothing', () => {
  none(
    project({
      'run.sh': RUN,
      'k8s/gw.yaml': install('Tier1Gateway'),
      'tsb/tier1.yaml': config('Tier1Gateway') + servers,
    }).diags('tsb/tier1.yaml'),
    'gateway-kind-mismatch',
  );
  none(
    project({ 'run.sh': RUN, 'k8s/gw.yaml': install('IngressGateway'), 'tsb/gw.yaml': config('Gateway') }).diags(
      'tsb/gw.yaml',
    ),
    'gateway-kind-mismatch',
  );
  none(
    project({
      'run.sh': RUN,
      'k8s/gw.yaml': install('Gateway'),
      'tsb/tier1.yaml': config('Tier1Gateway') + servers,
    }).diags('tsb/tier1.yaml'),
    'gateway-kind-mismatch',
  );
  none(
    project({
      'run.sh': RUN,
      'k8s/gw.yaml': install('IngressGateway').replace('name: tier1-gateway', 'name: other'),
      'tsb/tier1.yaml': config('Tier1Gateway') + servers,
    }).diags('tsb/tier1.yaml'),
    'gateway-kind-mismatch',
  );
});

test('servers on an east-west-only gateway (eastWestOnly written "true" too) are unreachable', () => {
  const http =
    '  http:\n    - name: web\n      port: 80\n      hostname: web.example.com\n      routing:\n        rules:\n          - route:\n              host: shop/web.shop.svc.cluster.local\n';
  const t = project({
    'run.sh': RUN,
    'k8s/gw.yaml': install('IngressGateway', true).replace('eastWestOnly: true', 'eastWestOnly: "true"'),
    'tsb/gw.yaml': config('IngressGateway') + http,
  });
  assert.match(
    only(t.diags('tsb/gw.yaml'), 'gateway-kind-mismatch').message,
    /has servers \(port 80\), but its workloadSelector tier1\/app=tier1-gateway matches only tier1-gateway \(an install IngressGateway, east-west only\): an east-west-only gateway's Service exposes port 15443 alone/,
  );
  none(
    project({
      'run.sh': RUN,
      'k8s/gw.yaml': install('IngressGateway', false),
      'tsb/gw.yaml': config('IngressGateway') + http,
    }).diags('tsb/gw.yaml'),
    'gateway-kind-mismatch',
  );
});
