import type { ResolvedProject } from '../resolved';
import type { TsbObjectFact } from '../facts';
import { nearest } from '../../util/nearest';
import type { LocatedProblem } from './context';
import { msg, type Message } from '../../l10n/message';

// parent-not-found: a referenced organization, tenant, workspace or group defined nowhere in the project.

const LEVEL_KIND: Record<'organization' | 'tenant' | 'workspace' | 'group', string> = {
  organization: 'Organization', tenant: 'Tenant', workspace: 'Workspace', group: 'Group',
};

const LEVEL_WORD: Record<'organization' | 'tenant' | 'workspace' | 'group', Message> = {
  organization: msg('organization'), tenant: msg('tenant'), workspace: msg('workspace'), group: msg('group'),
};

function parentMessage(args: { kind: string; name: string; level: Message; parent: string; parentKind: string }, elsewhere: boolean, guess: string | undefined): Message {
  if (elsewhere) {
    return guess
      ? msg('{kind} {name} refers to {level} {parent}, which is defined nowhere in the project under the same parents (a {parentKind} {parent} exists elsewhere in the hierarchy); did you mean {guess}?', { ...args, guess })
      : msg('{kind} {name} refers to {level} {parent}, which is defined nowhere in the project under the same parents (a {parentKind} {parent} exists elsewhere in the hierarchy).', args);
  }
  return guess
    ? msg('{kind} {name} refers to {level} {parent}, which is defined nowhere in the project; did you mean {guess}?', { ...args, guess })
    : msg('{kind} {name} refers to {level} {parent}, which is defined nowhere in the project.', args);
}

export function parents(p: ResolvedProject, out: LocatedProblem[]): void {
  const byKind = new Map<string, TsbObjectFact[]>();
  for (const o of p.tsb) {
    const list = byKind.get(o.kind);
    if (list) list.push(o);
    else byKind.set(o.kind, [o]);
  }
  const scopeKey = (level: string, x: { organization?: string; tenant?: string; workspace?: string; groupType?: string }) =>
    level === 'organization' ? '' : level === 'tenant' ? `${x.organization}` : level === 'workspace' ? `${x.organization}|${x.tenant}` : `${x.organization}|${x.tenant}|${x.workspace}|${x.groupType}`;
  // level -> scope -> name -> the files defining it
  const defined = new Map<string, Map<string, Map<string, string[]>>>();
  for (const level of ['organization', 'tenant', 'workspace', 'group'] as const) {
    const m = new Map<string, Map<string, string[]>>();
    for (const x of byKind.get(LEVEL_KIND[level]) ?? []) {
      const k = scopeKey(level, x);
      let names = m.get(k);
      if (!names) m.set(k, (names = new Map()));
      const uris = names.get(x.name);
      if (uris) uris.push(x.source.uri);
      else names.set(x.name, [x.source.uri]);
    }
    defined.set(level, m);
  }
  for (const o of p.tsb) {
    for (const level of ['organization', 'tenant', 'workspace', 'group'] as const) {
      const name = o[level];
      const ref = o.parentRefs[level];
      if (!name || !ref) continue;
      // Only levels the project manages itself are checked: a repository that defines no Tenant at all
      // keeps tenants elsewhere, and every reference would be noise.
      const pool = byKind.get(LEVEL_KIND[level]) ?? [];
      if (!pool.length || (level === 'group' && !pool.some((g) => g.groupType === o.groupType))) continue;
      const names = defined.get(level)!.get(scopeKey(level, o));
      // Defined in a file that can be in effect with this one (not only in an alternative scenario).
      if (names?.get(name)?.some((u) => p.relation(u, o.source.uri) !== 'never')) continue;
      const guess = nearest(name, [...(names?.keys() ?? [])].filter((n) => n !== name), 4);
      const elsewhere = pool.some((x) => x.name === name);
      out.push({
        uri: o.source.uri, rule: 'parent-not-found', ref,
        message: parentMessage({ kind: o.kind, name: o.name, level: LEVEL_WORD[level], parent: name, parentKind: LEVEL_KIND[level] }, elsewhere, guess),
        ...(guess ? { data: { fix: 'replace-value' as const, to: guess } } : {}),
      });
    }
  }
}
