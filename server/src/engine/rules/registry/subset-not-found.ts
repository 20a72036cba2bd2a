import { defineRule } from './types';

export default defineRule({
  id: 'subset-not-found',
  severity: 'warning',
  scope: 'cross-file',
  fixable: false,
  description: 'A ServiceRoute subset whose labels select no pods of the service.',
  explanation: `Traffic sent to a subset that selects no pods fails (\`no healthy upstream\`, HTTP 503). The rule
compares the subset's labels with the pod template labels of the workloads the Service selects, among files
that can be applied together with the ServiceRoute.`,
  bad: `subsets:
  - name: v3
    labels: { version: v3 }     # only reviews-v1 and reviews-v2 are deployed`,
  good: `subsets:
  - name: v2
    labels: { version: v2 }`,
});
