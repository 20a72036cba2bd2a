// The rule catalogue: stable ids and default severities shared by the editor, the CLI and every output format.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
  /** Needs the whole project (re-run when other files change). */
  crossFile: boolean;
}

const rules: RuleInfo[] = [
  { id: 'yaml-syntax', severity: 'error', crossFile: false, description: 'YAML that does not parse (tabs, unclosed quotes, bad indentation).' },
  { id: 'unknown-kind', severity: 'warning', crossFile: false, description: 'A *.tetrate.io apiVersion/kind pair that does not exist.' },
  { id: 'unknown-field', severity: 'error', crossFile: false, description: 'A field the schema does not have (nearest name, mis-indentation).' },
  { id: 'key-case', severity: 'warning', crossFile: false, description: 'A known key in the wrong case (apiversion, Metadata).' },
  { id: 'missing-field', severity: 'error', crossFile: false, description: 'A required field is absent.' },
  { id: 'invalid-type', severity: 'error', crossFile: false, description: 'Wrong YAML type (eastWestOnly: "true").' },
  { id: 'invalid-value', severity: 'error', crossFile: false, description: 'Enum, pattern or format violations.' },
  { id: 'deprecated-field', severity: 'info', crossFile: false, description: 'A field or kind deprecated in the TSB API.' },
  { id: 'duplicate-resource', severity: 'error', crossFile: true, description: 'The same resource defined twice.' },
  { id: 'parent-not-found', severity: 'warning', crossFile: true, description: 'A referenced organization, tenant, workspace or group is defined nowhere in the project.' },
  { id: 'namespace-owned-twice', severity: 'error', crossFile: true, description: 'Two workspaces (or two groups of one type) claim the same cluster/namespace.' },
  { id: 'multiple-workspace-settings', severity: 'error', crossFile: true, description: 'More than one WorkspaceSetting for one workspace.' },
  { id: 'gateway-selector-no-match', severity: 'warning', crossFile: true, description: 'A workloadSelector matches no gateway deployed by an install CR in the project.' },
  { id: 'service-selector-no-match', severity: 'warning', crossFile: true, description: 'An exposedServices serviceLabels entry matches no Service in the workspace.' },
  { id: 'namespace-not-injected', severity: 'info', crossFile: true, description: 'A namespace owned by a workspace has no sidecar-injection label.' },
  { id: 'edge-dns-resolution-disabled', severity: 'warning', crossFile: true, description: 'cluster-external-addresses holds a DNS name but no ControlPlane enables ENABLE_DNS_RESOLUTION_AT_EDGE.' },
  { id: 'subset-not-found', severity: 'warning', crossFile: true, description: 'A ServiceRoute subset whose labels select no pods of the service.' },
  { id: 'no-failover-counterpart', severity: 'info', crossFile: true, description: 'An exposed service that runs in only one cluster while the project places workloads in several.' },
  { id: 'file-skipped', severity: 'info', crossFile: false, description: 'A file that is not analysed: templated, binary, too large or not UTF-8.' },
  { id: 'config-invalid', severity: 'error', crossFile: false, description: 'A tsb.config.yaml that does not follow the contract.' },
  { id: 'internal-error', severity: 'error', crossFile: false, description: 'A check failed unexpectedly on this file; other files are unaffected.' },
];

export const RULES: ReadonlyMap<string, RuleInfo> = new Map(rules.map((r) => [r.id, r]));
export const RULE_IDS: readonly string[] = rules.map((r) => r.id);

export function isRuleId(id: string): boolean {
  return RULES.has(id);
}
