import { defineRule } from './types';

export default defineRule({
  id: 'deprecated-field',
  severity: 'info',
  scope: 'single-file',
  fixable: false,
  description: 'A field or kind deprecated in the TSB API (or one the chosen TSB version lacks).',
  explanation: `Deprecated fields still work, but are removed in later TSB versions; the message says what replaces
them. With \`tsbVersion\` set in \`tsb.config.yaml\`, a field the chosen version does not have at all is an
error instead.`,
  bad: `kind: TrafficSetting
spec:
  reachability:
    mode: GROUP`,
  good: `kind: TrafficSetting
spec:
  outbound:
    reachability:
      mode: GROUP`,
});
