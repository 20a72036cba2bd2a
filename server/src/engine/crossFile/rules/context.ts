import type { FixData, RelatedInfo } from '../../types';
import type { RuleId, Severity } from '../../problems';
import type { SourceRef } from '../../types';
import { refRange } from '../../range';
import type { ResolvedProject } from '../../workspace/resolved';
import { msg, type Message } from '../../l10n/message';

// What every cross-file rule shares: the located problem it reports, ranges, "where" texts for messages,
// and the deployment-unit discipline (compare only what can be in effect together; weak evidence is a
// hint that names both units).

export interface LocatedProblem {
  uri: string;
  rule: RuleId;
  message: Message;
  ref: SourceRef;
  severity?: Severity;
  data?: FixData;
  related?: RelatedInfo[];
}

/**
 * A cross-file rule: reads the resolved project, appends its findings. A rule whose work can grow
 * beyond a few milliseconds is a generator that yields between parts of it (the language server runs
 * the derive in time slices).
 */
export type CrossRule = (p: ResolvedProject, out: LocatedProblem[]) => void | Generator<void, void>;

export function related(ref: SourceRef, message: Message): RelatedInfo {
  return { uri: ref.uri, range: refRange(ref), message };
}

/** `tsb/ws.yaml:12`: the last two path segments of a file and a 1-based line, for messages. */
export function where(ref: SourceRef): string {
  const path = decodeURIComponent(ref.uri).split('/').slice(-2).join('/');
  return `${path}:${ref.line + 1}`;
}

/** The first earlier item that can be in effect together with `item` (applied together wins over maybe). */
export function earlierPeer<T>(
  p: ResolvedProject,
  list: readonly T[],
  i: number,
  uriOf: (x: T) => string,
  accept: (x: T) => boolean = () => true,
): { peer: T; together: boolean } | undefined {
  let maybe: T | undefined;
  const uri = uriOf(list[i]!);
  for (let j = 0; j < i; j++) {
    const x = list[j]!;
    if (!accept(x)) continue;
    const r = p.relation(uriOf(x), uri);
    if (r === 'together') return { peer: x, together: true };
    if (r === 'maybe' && maybe === undefined) maybe = x;
  }
  return maybe === undefined ? undefined : { peer: maybe, together: false };
}

/** A finding between files that are not known to be applied together: says so before the finding. */
export function ifTogether(p: ResolvedProject, a: string, b: string, finding: Message): Message {
  const ua = p.deployment.unitNames(a)[0];
  const ub = p.deployment.unitNames(b)[0];
  return ua && ub && ua !== ub
    ? msg('If {a} and {b} are applied together: {finding}', { a: ua, b: ub, finding })
    : msg('If these files are applied together: {finding}', { finding });
}
