import { defineRule } from './types';

export default defineRule({
  id: 'invalid-type',
  severity: 'error',
  scope: 'single-file',
  fixable: true,
  description:
    'Wrong YAML type (`eastWestOnly: "true"`, `replicas: "2"` in a Deployment or Service next to TSB files).',
  explanation: `\`"true"\` is a string, not a boolean; \`"2"\` is a string, not a number. The API server rejects the
object (\`cannot unmarshal string into Go struct field\`), and tctl rejects the protobuf conversion. The quick
fix removes the quotes. The rest of the document is still validated.

Kubernetes Deployments, StatefulSets and Services that sit in a project with TSB files are checked for the
fields TSB depends on (\`replicas\`, container and Service ports).`,
  bad: `spec:
  eastWestOnly: "true"`,
  good: `spec:
  eastWestOnly: true`,
});
