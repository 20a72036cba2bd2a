import type { ResolvedProject } from '../../workspace/resolved';
import type { TsbObjectFact } from '../../workspace/facts';
import { nearest } from '../../util/nearest';
import type { LocatedProblem } from './context';
import { msg, type Message } from '../../l10n/message';

// parent-not-found: a referenced organization, tenant, workspace or group defined nowhere in the project.

const LEVEL_KIND: Record<'organization' | 'tenant' | 'workspace' | 'group', string> = {
  organization: 'Organization',
  tenant: 'Tenant',
  workspace: 'Workspace',
  group: 'Group',
};

const LEVEL_WORD: Record<'organization' | 'tenant' | 'workspace' | 'group', Message> = {
  organization: msg('organization'),
  tenant: msg('tenant'),
  workspace: msg('workspace'),
  group: msg('group'),
};

function parentMessage(
  args: { kind: string; name: string; level: Message; parent: string; parentKind: string },
  elsewhere: boolean,
  guess: string | undefined,
): Message {
  if (elsewhere) {
    return guess
      ? msg(
          '{kind} {name} refers to {level} {parent}, which is defined nowhere in the project under the same parents (a {parentKind} {parent} exists elsewhere in the hierarchy); did you mean {guess}?',
          { ...args, guess },
        )
      : msg(
          '{kind} {name} refers to {level} {parent}, which is defined nowhere in the project under the same parents (a {parentKind} {parent} exists elsewhere in the hierarchy).',
          args,
        );
  }
  return guess
    ? msg('{kind} {name} refers to {level} {parent}, which is defined nowhere in the project; did you mean {guess}?', {
        ...args,
        guess,
      })
    : msg('{kind} {name} refers to {level} {parent}, which is defined nowhere in the project.', args);
}

/** Objects looked at (each may ask how two files are deployed, for up to four parents), and did-you-mean searches made, between two yields. */
const OBJECTS_PER_STEP = 512;
const SEARCHES_PER_STEP = 128;

export function* parents(p: ResolvedProject, out: LocatedProblem[]): Generator<void, void> {
  let tick = 0;
  const byKind = new Map<string, TsbObjectFact[]>();
  for (const o of p.tsb) {
    if (++tick % OBJECTS_PER_STEP === 0) yield;
    const list = byKind.get(o.kind);
    if (list) list.push(o);
    else byKind.set(o.kind, [o]);
  }
  const scopeKey = (
    level: string,
    x: { organization?: string; tenant?: string; workspace?: string; groupType?: string },
  ) =>
    level === 'organization'
      ? ''
      : level === 'tenant'
        ? `${x.organization}`
        : level === 'workspace'
          ? `${x.organization}|${x.tenant}`
          : `${x.organization}|${x.tenant}|${x.workspace}|${x.groupType}`;
  // level -> scope -> name -> the files defining it; and every name of the level's kind, any scope.
  const defined = new Map<string, Map<string, Map<string, string[]>>>();
  const anyScope = new Map<string, Set<string>>();
  for (const level of ['organization', 'tenant', 'workspace', 'group'] as const) {
    const m = new Map<string, Map<string, string[]>>();
    const all = new Set<string>();
    for (const x of byKind.get(LEVEL_KIND[level]) ?? []) {
      if (++tick % OBJECTS_PER_STEP === 0) yield;
      const k = scopeKey(level, x);
      let names = m.get(k);
      if (!names) m.set(k, (names = new Map()));
      const uris = names.get(x.name);
      if (uris) uris.push(x.source.uri);
      else names.set(x.name, [x.source.uri]);
      all.add(x.name);
    }
    defined.set(level, m);
    anyScope.set(level, all);
  }
  const groupTypes = new Set((byKind.get('Group') ?? []).map((g) => g.groupType));
  // One did-you-mean index per scope, built when a reference there first misses.
  const suggesters = new Map<Map<string, string[]>, (name: string) => string | undefined>();
  function* suggester(names: Map<string, string[]>): Generator<void, (name: string) => string | undefined> {
    let f = suggesters.get(names);
    if (!f) {
      const keys = [...names.keys()];
      const index = keys.length > 16 ? yield* p.lasting.names.steps(keys) : undefined;
      f = index
        ? (n) => index.nearest(n, 4, { excludeSelf: true })
        : (n) =>
            nearest(
              n,
              keys.filter((k) => k !== n),
              4,
            );
      suggesters.set(names, f);
    }
    return f;
  }
  let searches = 0;
  for (const o of p.tsb) {
    if (++tick % OBJECTS_PER_STEP === 0) yield;
    for (const level of ['organization', 'tenant', 'workspace', 'group'] as const) {
      const name = o[level];
      const ref = o.parentRefs[level];
      if (!name || !ref) continue;
      // Only levels the project manages itself are checked: a repository that defines no Tenant at all
      // keeps tenants elsewhere, and every reference would be noise.
      if (!byKind.get(LEVEL_KIND[level])?.length || (level === 'group' && !groupTypes.has(o.groupType))) continue;
      const names = defined.get(level)!.get(scopeKey(level, o));
      // Defined in a file that can be in effect with this one (not only in an alternative scenario).
      if (names?.get(name)?.some((u) => p.relation(u, o.source.uri) !== 'never')) continue;
      const guess = names ? (yield* suggester(names))(name) : undefined;
      if (names && ++searches % SEARCHES_PER_STEP === 0) yield;
      const elsewhere = anyScope.get(level)!.has(name);
      out.push({
        uri: o.source.uri,
        rule: 'parent-not-found',
        ref,
        message: parentMessage(
          { kind: o.kind, name: o.name, level: LEVEL_WORD[level], parent: name, parentKind: LEVEL_KIND[level] },
          elsewhere,
          guess,
        ),
        ...(guess ? { data: { fix: 'replace-value' as const, to: guess } } : {}),
      });
    }
  }
}
