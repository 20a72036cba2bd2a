import { defineRule } from './types';

export default defineRule({
  id: 'cluster-not-found',
  severity: 'warning',
  scope: 'cross-file',
  fixable: true,
  description: 'A ControlPlane `managementPlane.clusterName` that names no `Cluster` the project defines.',
  explanation: `A control plane registers with the management plane as the \`Cluster\` its \`clusterName\` names; when
there is no such Cluster, it cannot connect and the cluster's workloads never receive TSB configuration.
Checked only when the project defines \`Cluster\` objects itself (which can be applied together with the
ControlPlane). The quick fix writes the nearest Cluster name.`,
  bad: `kind: Cluster
metadata: { organization: tetrate, name: cluster-1 }
---
kind: ControlPlane
spec:
  managementPlane:
    clusterName: cluster1`,
  good: `kind: ControlPlane
spec:
  managementPlane:
    clusterName: cluster-1`,
});
