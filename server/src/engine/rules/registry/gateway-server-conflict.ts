import { defineRule } from './types';

export default defineRule({
  id: 'gateway-server-conflict',
  severity: 'error',
  scope: 'cross-file',
  fixable: false,
  description: 'Two gateway configurations serve the same port and an overlapping hostname on one gateway workload.',
  explanation: `IngressGateway, Tier1Gateway, EgressGateway and Gateway configurations (tctl or GitOps form) become
Istio Gateways on the workload their \`workloadSelector\` selects. When two of them serve the same port with
the same or overlapping hostnames (\`shop.example.com\` and \`*.example.com\`) on the same workload, Istio
keeps only one server for that host and port (Istio's IST0145 ConflictingGateways): the other configuration's
routes are silently ignored. Different hostnames on one workload are fine, and so are the same hostnames on
the gateways of different clusters (groups whose namespace selectors name different clusters).

Move one of the servers to another port or hostname, or merge them into one configuration.`,
  bad: `kind: IngressGateway
metadata: { name: shop }
spec:
  workloadSelector: { namespace: edge, labels: { app: edge-gw } }
  http:
    - { name: shop, port: 443, hostname: shop.example.com }
---
kind: Gateway
metadata: { name: wildcard }
spec:
  workloadSelector: { namespace: edge, labels: { app: edge-gw } }
  http:
    - { name: all, port: 443, hostname: "*.example.com" }`,
  good: `kind: Gateway
metadata: { name: wildcard }
spec:
  workloadSelector: { namespace: edge, labels: { app: edge-gw } }
  http:
    - { name: all, port: 443, hostname: "*.internal.example.com" }`,
});
