// The rule registry: every rule the engine reports, in the order users see them (settings, README table).
// A rule is one file in this folder; this list is the only other place that names it. package.json's
// `tsb.rules` settings, the README table and docs/rules/<id>.md are generated from it (npm run rules-docs)
// and a test checks that they agree.
import type { RuleDefinition, Severity } from './types';
import yamlSyntax from './yaml-syntax';
import unknownKind from './unknown-kind';
import unknownField from './unknown-field';
import keyCase from './key-case';
import missingField from './missing-field';
import invalidType from './invalid-type';
import invalidValue from './invalid-value';
import invalidName from './invalid-name';
import deprecatedField from './deprecated-field';
import perTryTimeoutTooLong from './per-try-timeout-too-long';
import weightSum from './weight-sum';
import serviceAnnotationMisplaced from './service-annotation-misplaced';
import duplicateResource from './duplicate-resource';
import parentNotFound from './parent-not-found';
import namespaceOwnedTwice from './namespace-owned-twice';
import multipleWorkspaceSettings from './multiple-workspace-settings';
import clusterNameReused from './cluster-name-reused';
import clusterNotFound from './cluster-not-found';
import gatewaySelectorNoMatch from './gateway-selector-no-match';
import gatewayKindMismatch from './gateway-kind-mismatch';
import gatewayServerConflict from './gateway-server-conflict';
import serviceSelectorNoMatch from './service-selector-no-match';
import namespaceNotInjected from './namespace-not-injected';
import edgeDnsResolutionDisabled from './edge-dns-resolution-disabled';
import subsetNotFound from './subset-not-found';
import versionLabelMissing from './version-label-missing';
import portProtocolUnknown from './port-protocol-unknown';
import noFailoverCounterpart from './no-failover-counterpart';
import fileSkipped from './file-skipped';
import configInvalid from './config-invalid';
import internalError from './internal-error';

export type { RuleDefinition, Severity, SeveritySetting } from './types';

export const RULE_DEFINITIONS = [
  yamlSyntax,
  unknownKind,
  unknownField,
  keyCase,
  missingField,
  invalidType,
  invalidValue,
  invalidName,
  deprecatedField,
  perTryTimeoutTooLong,
  weightSum,
  serviceAnnotationMisplaced,
  duplicateResource,
  parentNotFound,
  namespaceOwnedTwice,
  multipleWorkspaceSettings,
  clusterNameReused,
  clusterNotFound,
  gatewaySelectorNoMatch,
  gatewayKindMismatch,
  gatewayServerConflict,
  serviceSelectorNoMatch,
  namespaceNotInjected,
  edgeDnsResolutionDisabled,
  subsetNotFound,
  versionLabelMissing,
  portProtocolUnknown,
  noFailoverCounterpart,
  fileSkipped,
  configInvalid,
  internalError,
] as const;

/** Every rule id: problems, fixes and settings can only name these. */
export type RuleId = (typeof RULE_DEFINITIONS)[number]['id'];

export const RULE_REGISTRY: ReadonlyMap<string, RuleDefinition<RuleId>> = new Map(
  RULE_DEFINITIONS.map((r) => [r.id, r as RuleDefinition<RuleId>]),
);

/** The project's repository (package.json `repository.url`): rule pages are docs/rules/<id>.md there. */
export const REPOSITORY_URL = 'https://github.com/tsb-authoring/tsb-authoring';

/** Where the rule pages live: the editor's diagnostic link and SARIF `helpUri` point here. */
export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;

export function ruleHelpUri(id: string, repository = REPOSITORY_URL): string {
  return `${repository}/blob/main/docs/rules/${id}.md`;
}

const SEVERITY_TEXT: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

/** docs/rules/<id>.md */
export function ruleMarkdown(rule: RuleDefinition): string {
  return [
    `# \`${rule.id}\``,
    '',
    rule.description,
    '',
    `- Default severity: **${SEVERITY_TEXT[rule.severity]}** (change it with \`rules:\` in \`tsb.config.yaml\` or the \`tsb.rules\` setting)`,
    `- Scope: ${rule.scope === 'cross-file' ? 'cross-file (compares files of the project that can be applied together)' : 'single document'}`,
    `- Quick fix: ${rule.fixable ? 'yes, where the answer is known' : 'no'}`,
    '',
    '## Why',
    '',
    rule.explanation,
    '',
    '## Reported',
    '',
    '```yaml',
    rule.bad,
    '```',
    '',
    '## Instead',
    '',
    '```yaml',
    rule.good,
    '```',
    '',
    '## Suppress',
    '',
    `\`# tsb-lint-disable-next-line ${rule.id}\` on the line above, \`# tsb-lint-disable ${rule.id}\` for the whole file, or`,
    `\`rules: { ${rule.id}: off }\` in \`tsb.config.yaml\`.`,
    '',
  ].join('\n');
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** A SARIF 2.1.0 `reportingDescriptor` for the rule (`tool.driver.rules[]`). */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { scope: 'single-file' | 'cross-file'; fixable: boolean; tags: string[] };
}

/** Plain text of a Markdown paragraph: code spans and line breaks as a code-scanning UI shows text. */
function plain(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\n(?!\n)/g, ' ')
    .replace(/\n\n+/g, '\n\n')
    .trim();
}

function camel(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** The rule's SARIF descriptor; `repository` is the base of `helpUri` (the tool's repository URL). */
export function sarifRule(id: string, repository = REPOSITORY_URL): SarifRule | undefined {
  const r = RULE_REGISTRY.get(id);
  if (!r) return undefined;
  const helpUri = ruleHelpUri(r.id, repository);
  const suppress = `Suppress one occurrence with "# tsb-lint-disable-next-line ${r.id}" on the line above, the whole file with "# tsb-lint-disable ${r.id}", or change its severity under "rules:" in tsb.config.yaml (off, hint, info, warning, error).`;
  return {
    id: r.id,
    name: camel(r.id),
    shortDescription: { text: r.description },
    fullDescription: { text: plain(r.explanation) },
    help: {
      text: `${r.id}: ${plain(r.description)} ${suppress} Documentation: ${helpUri}`,
      markdown: `${ruleMarkdown(r)}\n[Rule documentation](${helpUri})\n`,
    },
    helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { scope: r.scope, fixable: r.fixable, tags: ['tsb', r.scope] },
  };
}
