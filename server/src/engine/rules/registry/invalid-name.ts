import { defineRule } from './types';

export default defineRule({
  id: 'invalid-name',
  severity: 'error',
  scope: 'single-file',
  fixable: true,
  description: 'A `metadata.name` that Kubernetes or TSB rejects (upper case, `_`, too long).',
  explanation: `Kubernetes object names (every object applied with kubectl: Services, Deployments, install CRs and
TSB objects in GitOps form) must be lower-case letters, digits, \`-\` and \`.\`, starting and ending with a
letter or digit (Services and Namespaces: no \`.\`, at most 63 characters); the API server rejects any other
name. TSB turns the names of tctl-form objects into the names of the Istio and Kubernetes objects it
generates, so upper case and \`_\` there are reported as a warning. The quick fix writes the name in lower
case with \`-\` for \`_\` (other objects that refer to it by name need the same change).`,
  bad: `metadata:
  name: SPG_Cluster1_Service1`,
  good: `metadata:
  name: spg-cluster1-service1`,
});
