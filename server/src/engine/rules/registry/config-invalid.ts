import { defineRule } from './types';

export default defineRule({
  id: 'config-invalid',
  severity: 'error',
  scope: 'single-file',
  fixable: true,
  description: 'A `tsb.config.yaml` that does not follow its format.',
  explanation: `\`tsb.config.yaml\` says where files are applied (\`placements\`), which rules to change (\`rules\`),
which files to ignore and which TSB version to check against. A key, rule id or severity it does not know is
reported so that a typo does not silently turn a setting off.`,
  bad: `rules:
  namespace-not-injectd: off`,
  good: `rules:
  namespace-not-injected: off`,
});
