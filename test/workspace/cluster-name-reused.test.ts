// cluster-name-reused and cluster-not-found: ControlPlane managementPlane.clusterName against the other
// ControlPlanes and the project's Cluster objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { none, only, project, rng, y } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

const cp = (clusterName: string) => y`
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
      clusterName: ${clusterName}
    telemetryStore:
      elastic:
        host: tsb.example.com
        port: 8443
        version: 7
`;
const cluster = (name: string) =>
  `apiVersion: api.tsb.tetrate.io/v2\nkind: Cluster\nmetadata:\n  organization: tetrate\n  name: ${name}\nspec:\n  tokenTtl: 87600h\n`;
const CFG =
  'placements:\n  - files: clusters/gke1/**\n    clusters: [gke1-cluster]\n  - files: clusters/gke2/**\n    clusters: [gke2-cluster]\n';

function copied(extra: Record<string, string> = {}) {
  return project({
    'tsb.config.yaml': CFG,
    'tsb/clusters.yaml': [cluster('gke1-cluster'), cluster('gke2-cluster')].join('---\n'),
    'clusters/gke1/controlplane.yaml': cp('gke1-cluster'),
    'clusters/gke2/controlplane.yaml': cp('gke1-cluster'),
    ...extra,
  });
}

test('a ControlPlane copied to a second cluster and never changed: error on its clusterName, names the other and the Cluster left without a control plane; the fix names it', () => {
  const t = copied();
  none(t.diags('clusters/gke1/controlplane.yaml'), 'cluster-name-reused');
  const d = only(t.diags('clusters/gke2/controlplane.yaml'), 'cluster-name-reused');
  assert.equal(d.severity, 'error');
  assert.deepEqual(rng(d.range), [10, 17, 10, 29]);
  assert.equal(
    d.message,
    "The ControlPlane for gke2-cluster registers as cluster gke1-cluster, like the ControlPlane for gke1-cluster (gke1/controlplane.yaml:11): the second to connect takes the first one's identity in the management plane, both clusters' service registries and configuration are mixed up under gke1-cluster, and Cluster gke2-cluster gets no control plane. Set clusterName: gke2-cluster.",
  );
  assert.deepEqual(
    d.related?.map((r) => [r.uri, rng(r.range)]),
    [
      [t.uri('clusters/gke1/controlplane.yaml'), [10, 17, 10, 29]],
      [t.uri('tsb/clusters.yaml'), [12, 8, 12, 20]],
    ],
  );
  const fixed = applyFix(t, 'clusters/gke2/controlplane.yaml', d)['clusters/gke2/controlplane.yaml']!;
  assert.ok(fixed.includes('    clusterName: gke2-cluster\n'));
  none(
    copied({ 'clusters/gke2/controlplane.yaml': fixed }).diags('clusters/gke2/controlplane.yaml'),
    'cluster-name-reused',
  );
});

test('near misses: distinct names, placeholders, the same file rendered per cluster, alternative scenarios', () => {
  none(
    copied({ 'clusters/gke2/controlplane.yaml': cp('gke2-cluster') }).diags('clusters/gke2/controlplane.yaml'),
    'cluster-name-reused',
  );
  const t = project({
    'tsb.config.yaml': CFG,
    'clusters/gke1/controlplane.yaml': cp('$TSB_CLUSTER_NAME'),
    'clusters/gke2/controlplane.yaml': cp('$TSB_CLUSTER_NAME'),
  });
  none(t.diags('clusters/gke2/controlplane.yaml'), 'cluster-name-reused');
  // Two topologies of one repository (tsb-single-vm), each with its own mgmt cluster: never together.
  const alt = project({
    'topologies/one/run.sh': 'kubectl --context mgmt apply -f templates/mgmt/controlplane.yaml\n',
    'topologies/one/templates/mgmt/controlplane.yaml': cp('mgmt'),
    'topologies/two/run.sh': 'kubectl --context mgmt apply -f templates/mgmt/controlplane.yaml\n',
    'topologies/two/templates/mgmt/controlplane.yaml': cp('mgmt'),
  });
  assert.equal(
    alt.p
      .deployment()
      .relation(
        alt.uri('topologies/one/templates/mgmt/controlplane.yaml'),
        alt.uri('topologies/two/templates/mgmt/controlplane.yaml'),
      ),
    'never',
  );
  none(alt.diags('topologies/two/templates/mgmt/controlplane.yaml'), 'cluster-name-reused');
});

test('one ControlPlane file applied to two clusters with a literal clusterName: a warning', () => {
  const t = project({
    'tsb.config.yaml': 'placements:\n  - files: cp/**\n    clusters: [c1, c2]\n',
    'cp/controlplane.yaml': cp('c1'),
  });
  const d = only(t.diags('cp/controlplane.yaml'), 'cluster-name-reused');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /^This ControlPlane is applied to c1, c2 with the one clusterName c1/);
});

test('cluster-not-found: a clusterName that names no Cluster the project defines; the fix writes the nearest', () => {
  const t = project({
    'tsb/clusters.yaml': [cluster('cluster-1'), cluster('cluster-2')].join('---\n'),
    'cp.yaml': cp('cluster1'),
  });
  const d = only(t.diags('cp.yaml'), 'cluster-not-found');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [10, 17, 10, 25]);
  assert.equal(
    d.message,
    'clusterName cluster1 names no Cluster of the project (cluster-1, cluster-2): the control plane cannot register with the management plane, so this cluster receives no TSB configuration; did you mean cluster-1?',
  );
  assert.equal(d.related?.[0]?.uri, t.uri('tsb/clusters.yaml'));
  const fixed = applyFix(t, 'cp.yaml', d)['cp.yaml']!;
  none(
    project({
      'tsb/clusters.yaml': [cluster('cluster-1'), cluster('cluster-2')].join('---\n'),
      'cp.yaml': fixed,
    }).diags('cp.yaml'),
    'cluster-not-found',
  );
  // No Cluster objects at all (created with tctl or the UI), or Clusters named by placeholders: nothing to say.
  none(project({ 'cp.yaml': cp('cluster1') }).diags('cp.yaml'), 'cluster-not-found');
  none(
    project({ 'tsb/clusters.yaml': cluster('$CLUSTER'), 'cp.yaml': cp('cluster1') }).diags('cp.yaml'),
    'cluster-not-found',
  );
});

test('two ControlPlanes with only weak evidence of being applied together: a hint that names both units', () => {
  const t = project({
    'a/run.sh': 'kubectl --context east apply -f controlplane.yaml\n',
    'a/controlplane.yaml': cp('east'),
    'b/run.sh': 'kubectl --context west apply -f controlplane.yaml\n',
    'b/controlplane.yaml': cp('east'),
  });
  const d = only(t.diags('b/controlplane.yaml'), 'cluster-name-reused');
  assert.equal(d.severity, 'hint');
  assert.match(
    d.message,
    /^If a \(run\.sh\).* and b \(run\.sh\).* are applied together: The ControlPlane for west registers as cluster east, like the ControlPlane for east/,
  );
});

test('per-cluster template folders (tsb-single-vm): a copied clusterName is found although the folders are placed by that very field', () => {
  const t = project({
    'templates/active/controlplane.yaml': cp('active'),
    'templates/standby/controlplane.yaml': cp('active'),
    'scenarios/failover/tsb/01-cluster.yaml': [cluster('active'), cluster('standby')].join('---\n'),
  });
  const d = only(t.diags('templates/standby/controlplane.yaml'), 'cluster-name-reused');
  assert.match(
    d.message,
    /: The ControlPlane of standby\/controlplane\.yaml registers as cluster active, like the ControlPlane of active\/controlplane\.yaml \(active\/controlplane\.yaml:11\).*Set clusterName: standby\.$/,
  );
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'standby' });
  none(
    project({
      'templates/active/controlplane.yaml': cp('active'),
      'templates/standby/controlplane.yaml': cp('standby'),
      'scenarios/failover/tsb/01-cluster.yaml': [cluster('active'), cluster('standby')].join('---\n'),
    }).diags('templates/standby/controlplane.yaml'),
    'cluster-name-reused',
  );
});
