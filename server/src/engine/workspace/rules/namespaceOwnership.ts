import type { ResolvedProject } from '../resolved';
import { msg } from '../../l10n/message';
import type { TsbObjectFact } from '../facts';
import type { SourceRef } from '../../model/failoverTypes';
import { parseNsPattern, nsPatternsOverlap } from '../selectors';
import { ifTogether, related, where, type LocatedProblem } from './context';

// namespace-owned-twice: two workspaces (or two groups of one type) claim the same cluster/namespace.

export function namespaceOwnership(p: ResolvedProject, out: LocatedProblem[]): void {
  // Workspaces own namespaces exclusively across the whole organization; groups within their workspace.
  const scope = (o: TsbObjectFact) => o.kind === 'Workspace' ? `ws|${o.organization}` : `g|${o.groupType}|${o.organization}|${o.tenant}|${o.workspace}`;
  interface Claim { owner: TsbObjectFact; name: string; ref: SourceRef; pattern: { cluster: string; namespace: string } }
  // Per scope: exact namespace names in a map, wildcard and prefix claims in a list (they are few),
  // so the check stays linear in the number of claims; each claim is reported once, against the first owner.
  const scopes = new Map<string, { exact: Map<string, Claim[]>; wild: Claim[] }>();
  for (const b of p.tsb) {
    if (!b.namespaces.length || (b.kind !== 'Workspace' && b.kind !== 'Group')) continue;
    const key = scope(b);
    let sc = scopes.get(key);
    if (!sc) scopes.set(key, (sc = { exact: new Map(), wild: [] }));
    const mine: Claim[] = [];
    for (const nb of b.namespaces) {
      const pb = parseNsPattern(nb.name);
      if (!pb) continue;
      const claim: Claim = { owner: b, name: nb.name, ref: nb.ref, pattern: pb };
      mine.push(claim);
      const isWild = pb.namespace.endsWith('*');
      const candidates = isWild ? [...[...sc.exact.values()].flat(), ...sc.wild] : [...(sc.exact.get(pb.namespace) ?? []), ...sc.wild];
      let hit: Claim | undefined;
      let together = false;
      for (const c of candidates) {
        if (c.owner === b || c.owner.name === b.name || !nsPatternsOverlap(c.pattern, pb)) continue;
        const r = p.relation(c.owner.source.uri, b.source.uri);
        if (r === 'together') { hit = c; together = true; break; }
        if (r === 'maybe') hit ??= c;
      }
      if (!hit) continue;
      const args = { name: nb.name, other: hit.name, owner: hit.owner.name, where: where(hit.ref), groupType: String(b.groupType) };
      const text = b.kind === 'Workspace'
        ? nb.name === hit.name
          ? msg('{name} is already claimed by workspace {owner} ({where}): workspaces own their namespaces exclusively.', args)
          : msg('{name} overlaps {other}, which is already claimed by workspace {owner} ({where}): workspaces own their namespaces exclusively.', args)
        : nb.name === hit.name
          ? msg('{name} is already claimed by group {owner} ({where}): {groupType} groups own their namespaces exclusively.', args)
          : msg('{name} overlaps {other}, which is already claimed by group {owner} ({where}): {groupType} groups own their namespaces exclusively.', args);
      out.push({
        uri: b.source.uri, rule: 'namespace-owned-twice', ref: nb.ref,
        ...(together ? {} : { severity: 'hint' as const }),
        message: together ? text : ifTogether(p, hit.owner.source.uri, b.source.uri, text),
        related: [related(hit.ref, msg('claimed by {owner}', { owner: hit.owner.name }))],
      });
    }
    for (const c of mine) {
      if (c.pattern.namespace.endsWith('*')) sc.wild.push(c);
      else {
        const list = sc.exact.get(c.pattern.namespace);
        if (list) list.push(c);
        else sc.exact.set(c.pattern.namespace, [c]);
      }
    }
  }
}
