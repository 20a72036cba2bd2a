import { defineRule } from './types';

export default defineRule({
  id: 'gateway-selector-no-match',
  severity: 'warning',
  scope: 'cross-file',
  fixable: true,
  description: 'A `workloadSelector` that matches no gateway deployed by an install CR (nearest suggested).',
  explanation: `The operator deploys an install CR named X in namespace N as pods labelled \`app: X\` (plus
\`kubeSpec.deployment.labels\`) in N. A gateway configuration or east-west setting whose selector matches no
such pods configures nothing: no route, no failover. Checked only where the project installs gateways itself,
and only against install CRs that can be applied together with the selector. The quick fix selects the
nearest installed gateway.`,
  bad: `# install CR
kind: IngressGateway
metadata: { name: eastwest-gateway, namespace: eastwest }
---
# WorkspaceSetting
defaultEastWestGatewaySettings:
  - workloadSelector:
      namespace: eastwest
      labels: { app: eastwest-gw }`,
  good: `defaultEastWestGatewaySettings:
  - workloadSelector:
      namespace: eastwest
      labels: { app: eastwest-gateway }`,
});
