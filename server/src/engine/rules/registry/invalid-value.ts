import { defineRule } from './types';

export default defineRule({
  id: 'invalid-value',
  severity: 'error',
  scope: 'single-file',
  fixable: true,
  description:
    'Enums, patterns (`namespaceSelector` names, durations), reserved port 15443, oneofs, cluster-external-addresses format.',
  explanation: `TSB validates values on apply: an enum it does not know, a namespace selector that is not
\`<cluster>/<namespace>\`, a duration it cannot parse or port 15443 (reserved for east-west mTLS) make the
apply fail. Where the intent is clear the quick fix writes it: the nearest enum value, or \`*/bookinfo\` for
a bare \`bookinfo\`.`,
  bad: `spec:
  namespaceSelector:
    names:
      - bookinfo`,
  good: `spec:
  namespaceSelector:
    names:
      - "*/bookinfo"`,
});
