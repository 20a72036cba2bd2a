import { defineRule } from './types';

export default defineRule({
  id: 'weight-sum',
  severity: 'warning',
  scope: 'single-file',
  fixable: true,
  description: 'ServiceRoute subset (or route destination) weights that do not add up to 100, or are all 0.',
  explanation: `Weights are percentages of the traffic. Istio versions that validate them reject a route whose
weights do not add up to 100, and the others split traffic in proportion, so 60 and 39 do not mean 60% and
39%. When every weight is 0 no destination gets traffic at all. Weights left out count as 0 when there are
several subsets; a single subset gets everything. The quick fix adjusts the last weight so the total is 100.`,
  bad: `subsets:
  - { name: v1, labels: { version: v1 }, weight: 60 }
  - { name: v2, labels: { version: v2 }, weight: 39 }`,
  good: `subsets:
  - { name: v1, labels: { version: v1 }, weight: 60 }
  - { name: v2, labels: { version: v2 }, weight: 40 }`,
});
