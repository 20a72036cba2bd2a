import { defineRule } from './types';

export default defineRule({
  id: 'service-annotation-misplaced',
  severity: 'error',
  scope: 'single-file',
  fixable: true,
  description:
    "A cloud load-balancer annotation on an install CR's own metadata instead of `spec.kubeSpec.service.annotations`.",
  explanation: `The TSB operator builds the gateway's Service from \`spec.kubeSpec.service\`; the install CR's own
\`metadata.annotations\` are not copied to it. A load-balancer annotation there
(\`cloud.google.com/load-balancer-type: Internal\`, \`service.beta.kubernetes.io/aws-load-balancer-*\`,
\`service.beta.kubernetes.io/azure-load-balancer-internal\`, \`networking.gke.io/*\`,
\`xcp.tetrate.io/cluster-external-addresses\`, ...) has no effect: an "internal" load balancer is created
public. The quick fix moves the annotation under \`spec.kubeSpec.service.annotations\`.`,
  bad: `kind: IngressGateway
metadata:
  name: internal-gw
  annotations:
    cloud.google.com/load-balancer-type: Internal
spec:
  kubeSpec:
    service:
      type: LoadBalancer`,
  good: `kind: IngressGateway
metadata:
  name: internal-gw
spec:
  kubeSpec:
    service:
      type: LoadBalancer
      annotations:
        cloud.google.com/load-balancer-type: Internal`,
});
