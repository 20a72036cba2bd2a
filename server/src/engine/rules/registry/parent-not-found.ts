import { defineRule } from './types';

export default defineRule({
  id: 'parent-not-found',
  severity: 'warning',
  scope: 'cross-file',
  fixable: true,
  description:
    'A referenced organization/tenant/workspace/group defined nowhere (checked for levels the project defines).',
  explanation: `tctl and GitOps reject a resource whose parent does not exist (\`tenant not found\`). Only levels the
project manages itself are checked: a repository that defines no Tenant at all keeps its tenants elsewhere.
The quick fix writes the nearest defined name.`,
  bad: `kind: Workspace
metadata:
  organization: tetrate
  tenant: tetrat          # the project defines Tenant tetrate`,
  good: `kind: Workspace
metadata:
  organization: tetrate
  tenant: tetrate`,
});
