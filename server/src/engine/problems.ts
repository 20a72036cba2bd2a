// The rule catalogue as the rest of the engine reads it: ids, default severities, descriptions. The
// definitions themselves live in rules/registry/ (one file per rule).
import { RULE_DEFINITIONS, type RuleId } from './rules/registry/index';
import type { Severity, SeveritySetting } from './rules/registry/types';

export type { Severity, SeveritySetting };
export type { RuleId };

export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  description: string;
  fixable: boolean;
}

const rules: RuleInfo[] = RULE_DEFINITIONS.map((r) => ({
  id: r.id,
  severity: r.severity,
  description: r.description,
  fixable: r.fixable,
}));

export const RULES: ReadonlyMap<string, RuleInfo> = new Map(rules.map((r) => [r.id, r]));
export const RULE_IDS: readonly string[] = rules.map((r) => r.id);
