import { defineRule } from './types';

export default defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  scope: 'single-file',
  fixable: false,
  description: 'YAML that does not parse (tabs, unclosed quotes, bad indentation, duplicate keys, alias bombs).',
  explanation: `A document that is not valid YAML is rejected by \`kubectl apply\` and \`tctl apply\` as a whole, so none of
its resources reach the cluster. A key written twice in one mapping parses, but the second value silently
replaces the first: the message names the line of the first one.

The rest of the file is still checked: each \`---\` document is parsed on its own.`,
  bad: `metadata:
  name: bookinfo
  name: bookinfo-ws     # the second name silently wins
spec:
	namespaceSelector:  # a tab`,
  good: `metadata:
  name: bookinfo-ws
spec:
  namespaceSelector:`,
});
