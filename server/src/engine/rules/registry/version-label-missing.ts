import { defineRule } from './types';

export default defineRule({
  id: 'version-label-missing',
  severity: 'warning',
  scope: 'cross-file',
  fixable: true,
  description:
    'A Deployment of a service whose ServiceRoute subsets select `version`, without a `version` label on its pods.',
  explanation: `When a ServiceRoute splits a service into subsets by \`version\`, mesh traffic goes only to pods in a
subset. A Deployment the Service selects whose pod template has no \`version\` label is in no subset: its
pods receive no traffic through TSB routing, although they run and pass health checks. When the Deployment's
name ends in the version of a subset (\`reviews-v2\`), the quick fix adds that label.`,
  bad: `kind: Deployment
metadata: { name: reviews-v2 }
spec:
  template:
    metadata:
      labels: { app: reviews }`,
  good: `kind: Deployment
metadata: { name: reviews-v2 }
spec:
  template:
    metadata:
      labels: { app: reviews, version: v2 }`,
});
