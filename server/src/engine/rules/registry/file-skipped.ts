import { defineRule } from './types';

export default defineRule({
  id: 'file-skipped',
  severity: 'info',
  scope: 'single-file',
  fixable: false,
  description:
    'A file not analysed (templated, binary, too large, not UTF-8), or values with placeholders left unchecked.',
  explanation: `Helm control structures, chart \`templates/\` and files that are not YAML as written are skipped, and
values with a placeholder (\`{{ .Values.x }}\`, \`$PORT\`, \`\${WEIGHT}\`) are not type-checked, because they
are filled in before apply. One note per file says so, so a clean result is not mistaken for a checked one.`,
  bad: `spec:
  port: {{ .Values.port }}`,
  good: `spec:
  port: 8080`,
});
