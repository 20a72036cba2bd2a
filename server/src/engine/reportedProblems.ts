import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUDGETS, capProblems } from './budgets';
import { render } from './l10n/translate';
import { RULES } from './problems';
import { offsetRange } from './range';
import type { Problem, ProblemRelated, RawProblem, RelatedInfo } from './types';
import type { ProjectConfig } from './workspace/config';

// Problems as a project reports them: English text beside the message for other languages, related
// places alike, and at most a file's budget of them.

/** A raw problem's quick-fix data and related places, as reported. */
export function extras(p: RawProblem): Partial<Problem> {
  return { ...(p.data ? { data: p.data } : {}), ...(p.related ? { related: p.related.map(relatedOf) } : {}) };
}

/** A related place as reported: its English text, and its message for other languages. */
export function relatedOf(r: RelatedInfo): ProblemRelated {
  return { uri: r.uri, range: r.range, message: render(r.message), messageL10n: r.message };
}

/** A file with tens of thousands of problems lists the first ones and counts the rest in one more. */
export function capped(problems: Problem[]): Problem[] {
  return capProblems(problems, BUDGETS.diagnosticsPerFile, 'file', (hidden, rule, severity, message) => ({
    rule,
    severity,
    message: render(message),
    messageL10n: message,
    range: hidden[0]!.range,
  }));
}

/** The problems of a tsb.config.yaml (its text, at `uri`). */
export function configProblems(cfg: ProjectConfig, text: string, uri: string): Problem[] {
  const doc = TextDocument.create(uri, 'yaml', 0, text);
  return capped(
    cfg.problems.map((p) => ({
      rule: p.rule,
      severity: p.severity ?? RULES.get(p.rule)?.severity ?? 'error',
      message: render(p.message),
      messageL10n: p.message,
      range: offsetRange(doc, p.start, p.end),
      ...extras(p),
    })),
  );
}
