import { RULES, type Severity } from './problems';
import type { RawProblem } from './types';
import { msg, type Message } from './l10n/message';

// Work budgets the engine enforces on its own, whatever the caller: hostile or generated input costs at
// most this much, and each limit reached becomes one diagnostic that says what was left out. Everything
// else in the file and the project is analysed normally.

export const BUDGETS = {
  /** Nodes that expanding a document's aliases adds (an alias of a 100k-item list adds 100k). */
  aliasNodesPerDocument: 100_000,
  /** YAML nodes of one document (aliases expanded) above which it is parsed but not checked. */
  nodesPerDocument: 1_000_000,
  /** YAML nodes of one file (aliases expanded) after which its remaining documents are not checked. */
  nodesPerFile: 4_000_000,
  documentsPerFile: 250_000,
  /** Documents of a whole project after which further files are not analysed. */
  documentsPerProject: 1_000_000,
  /** Keys of one mapping that the schema walk looks at. */
  keysPerMapping: 10_000,
  /** Problems kept per document and listed per file; one more diagnostic counts the rest. */
  problemsPerDocument: 1_000,
  diagnosticsPerFile: 1_000,
  /** tsb.config.yaml: placements, globs per list, characters per glob. */
  placements: 1_000,
  globsPerList: 1_000,
  globLength: 1_024,
} as const;

/** Severity of the notice that a budget was reached: visible in CI, never an error by itself. */
export const LIMIT_SEVERITY: Severity = 'warning';

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export function severityOf(p: { rule: string; severity?: Severity }): Severity {
  return p.severity ?? RULES.get(p.rule)?.severity ?? 'warning';
}

/**
 * Keeps the first `max` problems (in the order given) and replaces the rest by one problem that counts
 * them. The summary carries the rule most of the hidden problems have and the highest severity among
 * them, so a capped file still fails CI exactly when the full list would.
 */
export function capProblems<T extends { rule: string; severity?: Severity }>(
  list: readonly T[],
  max: number,
  where: 'file' | 'document',
  summary: (hidden: readonly T[], rule: T['rule'], severity: Severity, message: Message) => T,
): T[] {
  if (list.length <= max) return list as T[];
  // Notices that a budget was reached are always listed: they say what the list leaves out.
  const kept: T[] = [];
  const hidden: T[] = [];
  let listed = 0;
  for (const p of list) {
    if (p.rule === 'file-skipped') kept.push(p);
    else if (listed < max) {
      kept.push(p);
      listed++;
    } else hidden.push(p);
  }
  if (!hidden.length) return list as T[];
  const counts = new Map<T['rule'], number>();
  let worst: Severity = 'hint';
  for (const p of hidden) {
    counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
    const s = severityOf(p);
    if (RANK[s] > RANK[worst]) worst = s;
  }
  let rule = hidden[0]!.rule;
  for (const [r, n] of counts) if (n > counts.get(rule)!) rule = r;
  const args = { count: hidden.length, rule };
  const message =
    where === 'file'
      ? counts.size === 1
        ? msg('{count} more problems in this file are not listed (all {rule}); fix the ones above first.', args)
        : msg('{count} more problems in this file are not listed (mostly {rule}); fix the ones above first.', args)
      : counts.size === 1
        ? msg('{count} more problems in this document are not listed (all {rule}); fix the ones above first.', args)
        : msg('{count} more problems in this document are not listed (mostly {rule}); fix the ones above first.', args);
  kept.push(summary(hidden, rule, worst, message));
  return kept;
}

/** capProblems for raw problems of one document: the summary sits where the first hidden problem starts. */
export function capRawProblems(list: readonly RawProblem[], max: number): RawProblem[] {
  return capProblems(list, max, 'document', (hidden, rule, severity, message) => ({
    rule,
    severity,
    message,
    start: hidden[0]!.start,
    end: hidden[0]!.end,
  }));
}

export function limitProblem(message: Message, start: number, end: number): RawProblem {
  return { rule: 'file-skipped', severity: LIMIT_SEVERITY, message, start, end: Math.max(end, start + 1) };
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
