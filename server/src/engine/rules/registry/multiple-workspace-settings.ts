import { defineRule } from './types';

export default defineRule({
  id: 'multiple-workspace-settings',
  severity: 'error',
  scope: 'cross-file',
  fixable: false,
  description: 'More than one WorkspaceSetting (under different names) for one workspace.',
  explanation: `A workspace has exactly one WorkspaceSetting: TSB rejects a second one, so its east-west gateways,
default traffic and security settings never apply. Merge them into one. A second copy under the same name is
a \`duplicate-resource\` finding instead.`,
  bad: `kind: WorkspaceSetting
metadata: { workspace: bookinfo-ws, name: defaults }
---
kind: WorkspaceSetting
metadata: { workspace: bookinfo-ws, name: eastwest }`,
  good: `kind: WorkspaceSetting
metadata: { workspace: bookinfo-ws, name: defaults }
spec:
  defaultEastWestGatewaySettings:
    - workloadSelector: { namespace: eastwest, labels: { app: eastwest-gateway } }`,
});
