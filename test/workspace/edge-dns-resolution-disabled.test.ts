// edge-dns-resolution-disabled: cluster-external-addresses holds a DNS name but no ControlPlane enables
// ENABLE_DNS_RESOLUTION_AT_EDGE (per cluster where the gateway is placed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, seedFiles, EW_GATEWAY, SEED_CONFIG, y } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

const GW = 'gateways/eastwest-gateway.yaml';
const gw = (value: string) =>
  EW_GATEWAY +
  `  kubeSpec:\n    service:\n      annotations:\n        xcp.tetrate.io/cluster-external-addresses: ${value}\n`;
const cp = (cluster: string, value = '"true"') => y`
  apiVersion: install.tetrate.io/v1alpha1
  kind: ControlPlane
  metadata:
    name: controlplane
    namespace: istio-system
  spec:
    hub: registry.example.com/tetrate
    managementPlane:
      host: tsb.example.com
      port: 8443
      clusterName: ${cluster}
    telemetryStore:
      elastic:
        host: tsb.example.com
        port: 8443
        version: 7
    components:
      xcp:
        kubeSpec:
          overlays:
            - apiVersion: install.xcp.tetrate.io/v1alpha1
              kind: EdgeXcp
              name: edge-xcp
              patches:
                - path: spec.components.edgeServer.kubeSpec.deployment.env[-1]
                  value:
                    name: ENABLE_DNS_RESOLUTION_AT_EDGE
                    value: ${value}
`;
const CFG =
  SEED_CONFIG +
  '  - files: cluster-1/**\n    clusters: [cluster-1]\n  - files: cluster-2/**\n    clusters: [cluster-2]\n';

test('a DNS name without a ControlPlane overlay: warning on the annotation value naming both clusters', () => {
  const t = project(seedFiles({ [GW]: gw('eastwest.cluster-1.example.com') }));
  const d = only(t.diags(GW), 'edge-dns-resolution-disabled');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [10, 51, 10, 81]);
  assert.match(
    d.message,
    /^cluster-external-addresses is the DNS name eastwest\.cluster-1\.example\.com, but no ControlPlane for cluster-1, cluster-2 in the project sets ENABLE_DNS_RESOLUTION_AT_EDGE="true"/,
  );
});

test('ControlPlanes with the overlay in both clusters: no warning (seed-edge-dns-enabled)', () => {
  const t = project(
    seedFiles({
      'tsb.config.yaml': CFG,
      [GW]: gw('eastwest.cluster-1.example.com'),
      'cluster-1/cp.yaml': cp('cluster-1'),
      'cluster-2/cp.yaml': cp('cluster-2'),
    }),
  );
  assert.deepEqual(t.diags(GW), []);
  assert.deepEqual(t.diags('cluster-1/cp.yaml'), []);
});

test("the overlay in only one of the gateway's clusters: warning names the other cluster", () => {
  const t = project(
    seedFiles({
      'tsb.config.yaml': CFG,
      [GW]: gw('eastwest.cluster-1.example.com'),
      'cluster-1/cp.yaml': cp('cluster-1'),
    }),
  );
  const d = only(t.diags(GW), 'edge-dns-resolution-disabled');
  assert.match(d.message, /no ControlPlane for cluster-2 in the project/);
});

test('value "false" or an unquoted boolean does not enable it', () => {
  const t = project(
    seedFiles({
      'tsb.config.yaml': CFG,
      [GW]: gw('eastwest.example.com'),
      'cluster-1/cp.yaml': cp('cluster-1', '"false"'),
      'cluster-2/cp.yaml': cp('cluster-2', '"false"'),
    }),
  );
  only(t.diags(GW), 'edge-dns-resolution-disabled');
});

test('IP addresses need no DNS resolution', () => {
  none(project(seedFiles({ [GW]: gw('10.0.0.1') })).diags(GW), 'edge-dns-resolution-disabled');
  none(project(seedFiles({ [GW]: gw('"10.0.0.1,10.0.0.2"') })).diags(GW), 'edge-dns-resolution-disabled');
});

test('a mix of a DNS name and an IP is invalid-value, not edge-dns', () => {
  const ds = project(seedFiles({ [GW]: gw('a.example.com,10.0.0.2') })).diags(GW);
  none(ds, 'edge-dns-resolution-disabled');
  const d = only(ds, 'invalid-value');
  assert.deepEqual(rng(d.range), [10, 51, 10, 73]);
  assert.match(d.message, /one IP address, one DNS name, or several IP addresses/);
});

test('a gateway not placed anywhere: warns unless some ControlPlane enables it', () => {
  const t = project({ 'gw.yaml': gw('eastwest.example.com') });
  only(t.diags('gw.yaml'), 'edge-dns-resolution-disabled');
  const t2 = project({ 'gw.yaml': gw('eastwest.example.com'), 'cp.yaml': cp('cluster-1') });
  none(t2.diags('gw.yaml'), 'edge-dns-resolution-disabled');
});

test('the quick fix adds the EdgeXcp overlay to the ControlPlane of each cluster that lacks it (edits in those files)', () => {
  // One ControlPlane without any overlay, one whose EdgeXcp overlay sets something else.
  const bare = cp('cluster-1').replace(/ {2}components:[\s\S]*$/, '');
  const other = cp('cluster-2').replace('ENABLE_DNS_RESOLUTION_AT_EDGE', 'ENABLE_ENHANCED_EAST_WEST_ROUTING');
  const t = project(
    seedFiles({
      'tsb.config.yaml': CFG,
      [GW]: gw('eastwest.example.com'),
      'cluster-1/cp.yaml': bare,
      'cluster-2/cp.yaml': other,
    }),
  );
  const d = only(t.diags(GW), 'edge-dns-resolution-disabled');
  assert.deepEqual(
    d.related?.map((r) => r.uri),
    [t.uri('cluster-1/cp.yaml'), t.uri('cluster-2/cp.yaml')],
  );
  const edited = applyFix(t, GW, d);
  assert.deepEqual(Object.keys(edited).sort(), ['cluster-1/cp.yaml', 'cluster-2/cp.yaml']);
  assert.ok(
    edited['cluster-1/cp.yaml']!.endsWith(
      y`
      components:
        xcp:
          kubeSpec:
            overlays:
              - apiVersion: install.xcp.tetrate.io/v1alpha1
                kind: EdgeXcp
                name: edge-xcp
                patches:
                  - path: spec.components.edgeServer.kubeSpec.deployment.env[-1]
                    value:
                      name: ENABLE_DNS_RESOLUTION_AT_EDGE
                      value: "true"
  `
        .replace(/^/gm, '  ')
        .replace(/^ {2}$/gm, ''),
    ),
    edited['cluster-1/cp.yaml'],
  );
  // The second keeps its patch and gets one more in the same overlay.
  assert.match(
    edited['cluster-2/cp.yaml']!,
    /name: ENABLE_ENHANCED_EAST_WEST_ROUTING\n\s+value: "true"\n\s+- path: spec\.components\.edgeServer\.kubeSpec\.deployment\.env\[-1\]\n\s+value:\n\s+name: ENABLE_DNS_RESOLUTION_AT_EDGE\n\s+value: "true"\n$/,
  );
  const after = project(
    seedFiles({
      'tsb.config.yaml': CFG,
      [GW]: gw('eastwest.example.com'),
      'cluster-1/cp.yaml': edited['cluster-1/cp.yaml']!,
      'cluster-2/cp.yaml': edited['cluster-2/cp.yaml']!,
    }),
  );
  none(after.diags(GW), 'edge-dns-resolution-disabled');
  assert.deepEqual(
    after.diags('cluster-1/cp.yaml').filter((x) => x.severity === 'error'),
    [],
  );
});

test('no fix when no ControlPlane of the project is known for the cluster', () => {
  const t = project(seedFiles({ 'tsb.config.yaml': CFG, [GW]: gw('eastwest.example.com') }));
  assert.equal(only(t.diags(GW), 'edge-dns-resolution-disabled').data, undefined);
});
