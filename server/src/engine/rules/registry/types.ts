// The shape of one rule's entry in the registry. Everything users see about a rule — the settings list
// in package.json, the README table, docs/rules/<id>.md, SARIF rule metadata and the editor's link —
// is generated from (or checked against) these entries.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RuleDefinition<Id extends string = string> {
  id: Id;
  /** Default severity; a rule may lower it for a finding it is less sure of (it says so in the message). */
  severity: Severity;
  /** single-file: one document is enough; cross-file: needs the project (re-run when other files change). */
  scope: 'single-file' | 'cross-file';
  /** Some of its findings carry a quick fix. */
  fixable: boolean;
  /** One line, for settings, tables and SARIF shortDescription. */
  description: string;
  /** Markdown: what goes wrong at runtime, when the rule stays silent, what to change. */
  explanation: string;
  /** YAML that the rule reports (documents of several files may be separated by `# file:` comments). */
  bad: string;
  /** The same YAML, corrected. */
  good: string;
}

/** Keeps the literal id type of each definition (the registry derives the RuleId union from them). */
export function defineRule<const Id extends string>(rule: RuleDefinition<Id>): RuleDefinition<Id> {
  return rule;
}
