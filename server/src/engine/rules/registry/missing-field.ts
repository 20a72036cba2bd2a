import { defineRule } from './types';

export default defineRule({
  id: 'missing-field',
  severity: 'error',
  scope: 'single-file',
  fixable: true,
  description: 'A required field, or a parent (`tenant`, `workspace`...) of the tctl/GitOps parent chain, is absent.',
  explanation: `TSB rejects a resource without a required field, and tctl/GitOps cannot place a resource in the
hierarchy without its parents (\`organization\`, \`tenant\`, \`workspace\`, \`group\` in \`metadata\` for
tctl, \`tsb.tetrate.io/*\` annotations for GitOps). An empty key (\`spec:\` followed only by comments) is
unset. The range is the parent key; the quick fix inserts a skeleton.`,
  bad: `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  organization: tetrate
  name: bookinfo-ws          # no tenant
spec: {}                     # no namespaceSelector`,
  good: `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  organization: tetrate
  tenant: tetrate
  name: bookinfo-ws
spec:
  namespaceSelector:
    names: ["*/bookinfo"]`,
});
