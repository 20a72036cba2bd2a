import type { ResolvedProject } from '../../workspace/resolved';
import type { TsbObjectFact } from '../../workspace/facts';
import { earlierPeer, ifTogether, related, where, type LocatedProblem } from './context';
import { commas, msg } from '../../l10n/message';
import { tsbKey } from '../../units/versions';

// duplicate-resource: the same TSB resource, or the same install CR in one cluster, defined twice.

/** Objects looked at between two yields. */
const OBJECTS_PER_STEP = 4096;

export function* duplicates(p: ResolvedProject, out: LocatedProblem[]): Generator<void, void> {
  const seen = new Map<string, TsbObjectFact[]>();
  let tick = 0;
  for (const o of p.tsb) {
    if (++tick % OBJECTS_PER_STEP === 0) yield;
    // The identity of a TSB resource: API group (tsb.tetrate.io and api.tsb.tetrate.io are one), kind, parents, name.
    const k = tsbKey(o);
    const list = seen.get(k);
    if (list) list.push(o);
    else seen.set(k, [o]);
  }
  for (const list of seen.values()) {
    if (++tick % OBJECTS_PER_STEP === 0) yield;
    if (list.length < 2) continue;
    for (let i = 1; i < list.length; i++) {
      const o = list[i]!;
      const hit = earlierPeer(p, list, i, (x) => x.source.uri);
      if (!hit) continue;
      const first = hit.peer;
      const same = first.specHash === o.specHash;
      const args = { kind: o.kind, name: o.name, where: where(first.nameRef) };
      const text = o.workspace
        ? same
          ? msg(
              '{kind} {name} is defined twice in workspace {workspace} (the other definition is {where}): both definitions have the same spec, so one is redundant.',
              { ...args, workspace: o.workspace },
            )
          : msg(
              '{kind} {name} is defined twice in workspace {workspace} (the other definition is {where}): their specs differ and the later one silently replaces the first when applied.',
              { ...args, workspace: o.workspace },
            )
        : o.tenant
          ? same
            ? msg(
                '{kind} {name} is defined twice in tenant {tenant} (the other definition is {where}): both definitions have the same spec, so one is redundant.',
                { ...args, tenant: o.tenant },
              )
            : msg(
                '{kind} {name} is defined twice in tenant {tenant} (the other definition is {where}): their specs differ and the later one silently replaces the first when applied.',
                { ...args, tenant: o.tenant },
              )
          : same
            ? msg(
                '{kind} {name} is defined twice (the other definition is {where}): both definitions have the same spec, so one is redundant.',
                args,
              )
            : msg(
                '{kind} {name} is defined twice (the other definition is {where}): their specs differ and the later one silently replaces the first when applied.',
                args,
              );
      out.push({
        uri: o.source.uri,
        rule: 'duplicate-resource',
        ref: o.nameRef,
        ...(!hit.together ? { severity: 'hint' as const } : same ? { severity: 'warning' as const } : {}),
        message: hit.together ? text : ifTogether(p, first.source.uri, o.source.uri, text),
        related: [related(first.nameRef, msg('the other definition of {kind} {name}', { kind: o.kind, name: o.name }))],
      });
    }
  }
  // Install CRs: the same kind/namespace/name applied twice to one cluster.
  const installs = new Map<string, typeof p.installGateways>();
  for (const g of p.installGateways) {
    if (!g.clusters.length || !g.namespace) continue;
    const k = `${g.fact.kind}|${g.namespace}|${g.fact.name}`;
    const list = installs.get(k);
    if (list) list.push(g);
    else installs.set(k, [g]);
  }
  for (const list of installs.values()) {
    for (let i = 1; i < list.length; i++) {
      const g = list[i]!;
      const hit = earlierPeer(
        p,
        list,
        i,
        (x) => x.fact.source.uri,
        (x) => x.clusters.some((c) => g.clusters.includes(c)),
      );
      if (!hit) continue;
      const prev = hit.peer;
      const shared = g.clusters.filter((c) => prev.clusters.includes(c));
      const text = msg(
        '{kind} {name} is applied twice to {clusters} (the other definition is {where}): the later one replaces the first.',
        {
          kind: g.fact.kind,
          name: `${g.namespace}/${g.fact.name}`,
          clusters: commas(shared),
          where: where(prev.fact.nameRef),
        },
      );
      out.push({
        uri: g.fact.source.uri,
        rule: 'duplicate-resource',
        ref: g.fact.nameRef,
        ...(!hit.together ? { severity: 'hint' as const } : {}),
        message: hit.together ? text : ifTogether(p, prev.fact.source.uri, g.fact.source.uri, text),
        related: [related(prev.fact.nameRef, msg('the other definition'))],
      });
    }
  }
}
