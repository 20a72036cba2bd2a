import { defineRule } from './types';

export default defineRule({
  id: 'duplicate-resource',
  severity: 'error',
  scope: 'cross-file',
  fixable: false,
  description: 'The same resource (kind + parents + name) defined twice; a warning when both copies are identical.',
  explanation: `Applying both definitions is not an error to tctl or kubectl: the later one silently replaces the
first, so whichever file is applied last decides the configuration. The message and the related
information name the other copy.

Copies in files that are never applied together (sibling scenarios, successive steps of a tutorial) are
alternatives and are not compared; copies with only weak evidence of being applied together are a hint that
names both deployment units.`,
  bad: `# file: tsb/workspace.yaml
kind: Workspace
metadata: { organization: tetrate, tenant: tetrate, name: bookinfo-ws }
spec: { namespaceSelector: { names: ["*/bookinfo"] } }
---
# file: tsb/workspace-copy.yaml (applied in the same step)
kind: Workspace
metadata: { organization: tetrate, tenant: tetrate, name: bookinfo-ws }
spec: { namespaceSelector: { names: ["*/reviews"] } }`,
  good: `# file: tsb/workspace.yaml
kind: Workspace
metadata: { organization: tetrate, tenant: tetrate, name: bookinfo-ws }
spec: { namespaceSelector: { names: ["*/bookinfo", "*/reviews"] } }`,
});
