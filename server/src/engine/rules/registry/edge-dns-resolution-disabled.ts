import { defineRule } from './types';

export default defineRule({
  id: 'edge-dns-resolution-disabled',
  severity: 'warning',
  scope: 'cross-file',
  fixable: true,
  description:
    'A DNS name in `cluster-external-addresses` without `ENABLE_DNS_RESOLUTION_AT_EDGE` on the ControlPlane.',
  explanation: `Remote clusters reach an east-west gateway through WorkloadEntries whose address comes from
\`xcp.tetrate.io/cluster-external-addresses\`. With a DNS name there, XCP edge must resolve it
(\`ENABLE_DNS_RESOLUTION_AT_EDGE: "true"\` through an EdgeXcp overlay of the ControlPlane); otherwise the
WorkloadEntries carry a hostname and failover traffic does not flow. The quick fix adds the overlay to the
ControlPlane of that cluster (an edit in the other file).`,
  bad: `# gateway install CR
kubeSpec:
  service:
    annotations:
      xcp.tetrate.io/cluster-external-addresses: eastwest.cluster-1.example.com`,
  good: `# ControlPlane
spec:
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
                  value: "true"`,
});
