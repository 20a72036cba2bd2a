// The severity a problem is reported with: tsb.config.yaml `rules` win over editor settings, which win
// over the problem's own severity and then the rule's default; 'off' reports nothing.
import { RULES, type Severity, type SeveritySetting } from './problems';
import type { ProjectConfig } from './workspace/config';

export function ruleSeverity(
  rule: string,
  cfg: ProjectConfig | undefined,
  editorSettings: Record<string, SeveritySetting> | undefined,
  own?: Severity,
): Severity | undefined {
  const setting = cfg?.rules[rule] ?? editorSettings?.[rule];
  if (setting === 'off') return undefined;
  return setting ?? own ?? RULES.get(rule)?.severity ?? 'warning';
}
