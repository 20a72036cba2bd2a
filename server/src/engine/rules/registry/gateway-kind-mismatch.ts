import { defineRule } from './types';

export default defineRule({
  id: 'gateway-kind-mismatch',
  severity: 'warning',
  scope: 'cross-file',
  fixable: false,
  description:
    'A gateway configuration kind that does not fit the gateway it selects (a Tier1Gateway config on an ingress gateway).',
  explanation: `Each gateway configuration kind is written for one kind of installed gateway: a Tier1Gateway
configuration for a gateway installed by an install \`Tier1Gateway\` (it forwards to other clusters over
mTLS on 15443), an IngressGateway configuration for an install \`IngressGateway\`, an EgressGateway
configuration for an install \`EgressGateway\`. When the only gateways a selector matches were installed as
another kind, the configuration lands on a gateway that is not set up for it (no tier-1 forwarding, no egress
role, or an east-west-only gateway with no listener for the servers). The unified \`Gateway\` kind fits every
installed gateway and is not reported.`,
  bad: `# install CR
kind: IngressGateway
metadata: { name: edge-gw, namespace: edge }
---
# configuration
apiVersion: gateway.tsb.tetrate.io/v2
kind: Tier1Gateway
spec:
  workloadSelector: { namespace: edge, labels: { app: edge-gw } }`,
  good: `# install CR
kind: Tier1Gateway
metadata: { name: edge-gw, namespace: edge }`,
});
