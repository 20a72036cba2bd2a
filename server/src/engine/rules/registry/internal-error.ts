import { defineRule } from './types';

export default defineRule({
  id: 'internal-error',
  severity: 'error',
  scope: 'single-file',
  fixable: false,
  description: 'A check that failed unexpectedly on one document (others are unaffected).',
  explanation: `A bug in this tool, not in your file: one document could not be checked. The other documents and
files are checked as usual. Please report it with the document that triggers it.`,
  bad: `# any document that makes a check fail`,
  good: `# the same document, once the tool is fixed`,
});
