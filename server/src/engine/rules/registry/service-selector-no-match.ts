import { defineRule } from './types';

export default defineRule({
  id: 'service-selector-no-match',
  severity: 'warning',
  scope: 'cross-file',
  fixable: true,
  description: 'An `exposedServices[].serviceLabels` entry that matches no Service of the workspace.',
  explanation: `\`serviceLabels\` select Kubernetes Services by their own labels (not pod labels) in the workspace's
namespaces. An entry that matches none exposes nothing through the east-west gateway, so nothing fails over.
The message names the Service whose labels are nearest, and the quick fix selects its labels.`,
  bad: `exposedServices:
  - serviceLabels: { app: reviewz }     # the Service reviews has app=reviews`,
  good: `exposedServices:
  - serviceLabels: { app: reviews }`,
});
