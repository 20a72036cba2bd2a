import { defineRule } from './types';

export default defineRule({
  id: 'namespace-owned-twice',
  severity: 'error',
  scope: 'cross-file',
  fixable: false,
  description: 'Two workspaces (or two groups of one type) claim the same `cluster/namespace`, wildcards included.',
  explanation: `A workspace owns its namespaces exclusively across the organization (groups of one type, within
their workspace). TSB rejects the second claim, so the second workspace's configuration never applies to
that namespace. \`*/bookinfo\` and \`cluster-1/bookinfo\` overlap; \`cluster-1/bookinfo\` and
\`cluster-2/bookinfo\` do not.`,
  bad: `kind: Workspace
metadata: { name: bookinfo-ws }
spec: { namespaceSelector: { names: ["*/bookinfo"] } }
---
kind: Workspace
metadata: { name: reviews-ws }
spec: { namespaceSelector: { names: ["cluster-1/bookinfo"] } }`,
  good: `kind: Workspace
metadata: { name: bookinfo-ws }
spec: { namespaceSelector: { names: ["*/bookinfo"] } }
---
kind: Workspace
metadata: { name: reviews-ws }
spec: { namespaceSelector: { names: ["cluster-1/reviews"] } }`,
});
