import { defineRule } from './types';

export default defineRule({
  id: 'cluster-name-reused',
  severity: 'error',
  scope: 'cross-file',
  fixable: true,
  description: 'Two ControlPlanes for different clusters register under the same `managementPlane.clusterName`.',
  explanation: `\`spec.managementPlane.clusterName\` is the TSB \`Cluster\` a control plane registers as. A ControlPlane
copied from another cluster and never changed makes the second cluster register as the first: both send
their service registry and status under one name, configuration meant for one reaches both, and the
\`Cluster\` object of the second cluster never gets a control plane. When exactly one \`Cluster\` of the
project has no control plane, the quick fix names it.

ControlPlanes of alternative scenarios are not compared; with only weak evidence that the two files are
applied to different clusters, the finding is a hint.`,
  bad: `# file: clusters/gke1/controlplane.yaml
spec:
  managementPlane:
    clusterName: gke1-cluster
---
# file: clusters/gke2/controlplane.yaml
spec:
  managementPlane:
    clusterName: gke1-cluster      # copied, never changed`,
  good: `# file: clusters/gke2/controlplane.yaml
spec:
  managementPlane:
    clusterName: gke2-cluster`,
});
