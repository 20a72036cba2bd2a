import { defineRule } from './types';

export default defineRule({
  id: 'unknown-kind',
  severity: 'warning',
  scope: 'single-file',
  fixable: true,
  description: 'A `*.tetrate.io` apiVersion/kind pair that does not exist (the nearest is suggested).',
  explanation: `The API server (GitOps, install CRs) and tctl reject a kind their API group does not have: \`no matches
for kind\`. The usual cause is a kind under the wrong group (\`IngressGateway\` is both an install CR in
\`install.tetrate.io/v1alpha1\` and a gateway configuration in \`gateway.tsb.tetrate.io/v2\`) or a typo.

A warning, not an error: TSB has kinds this tool has no schema for. The quick fix offers the groups that do
have the kind.`,
  bad: `apiVersion: traffic.tsb.tetrate.io/v2
kind: IngressGateway`,
  good: `apiVersion: gateway.tsb.tetrate.io/v2
kind: IngressGateway`,
});
