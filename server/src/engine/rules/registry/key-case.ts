import { defineRule } from './types';

export default defineRule({
  id: 'key-case',
  severity: 'warning',
  scope: 'single-file',
  fixable: true,
  description: 'A known key in the wrong case (`apiversion`, `Metadata`).',
  explanation: `YAML keys are case-sensitive. Kubernetes, kubectl and GitOps ignore (or reject) \`apiversion\` and
\`Metadata\`; tctl may tolerate them, which is how they survive in repositories. The rest of the document
is validated as if the key were spelled right.`,
  bad: `apiversion: api.tsb.tetrate.io/v2
kind: Workspace
Metadata:
  name: bookinfo-ws`,
  good: `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  name: bookinfo-ws`,
});
