import { defineRule } from './types';

export default defineRule({
  id: 'namespace-not-injected',
  severity: 'info',
  scope: 'cross-file',
  fixable: false,
  description: 'A workspace namespace without a sidecar-injection label.',
  explanation: `Pods join the mesh only with a sidecar (or in ambient mode). A namespace that a workspace owns but
that has neither \`istio-injection: enabled\`, \`istio.io/rev\` nor \`istio.io/dataplane-mode: ambient\` runs
its pods outside the mesh, so TSB's traffic and security settings do not apply to them. Namespaces that hold
only operator-deployed gateways are not reported: the operator injects gateways itself.`,
  bad: `kind: Namespace
metadata:
  name: bookinfo`,
  good: `kind: Namespace
metadata:
  name: bookinfo
  labels:
    istio-injection: enabled`,
});
