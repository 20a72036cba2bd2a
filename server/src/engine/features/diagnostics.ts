import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../problems';
import type { Problem } from '../types';
import { ruleHelpUri } from '../rules/registry/index';
import { localizeProblem } from '../localize';
import type { Locale } from '../l10n/translate';

// Problem -> LSP Diagnostic. `code` is the rule id (linked to its page) and `data` the fix data, so quick fixes are
// computed from the diagnostic alone (stateless code actions); `source` tells our diagnostics
// apart from Red Hat's YAML extension in the Problems panel.

export const DIAGNOSTIC_SOURCE = 'tsb';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A problem as an LSP diagnostic, its messages in `locale`. */
export function toDiagnostic(problem: Problem, locale: Locale = 'en'): Diagnostic {
  const p = localizeProblem(problem, locale);
  return {
    range: p.range,
    severity: SEVERITY[p.severity],
    code: p.rule,
    codeDescription: { href: ruleHelpUri(p.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: p.message,
    ...(p.rule === 'deprecated-field' ? { tags: [DiagnosticTag.Deprecated] } : {}),
    ...(p.data ? { data: p.data } : {}),
    ...(p.related?.length
      ? { relatedInformation: p.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })) }
      : {}),
  };
}
