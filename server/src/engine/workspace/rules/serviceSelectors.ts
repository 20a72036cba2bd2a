import type { ResolvedProject } from '../resolved';
import type { TsbObjectFact } from '../facts';
import { workspaceKey, settingKey, ownsNamespace } from '../../model/failover';
import { labelsMatch, formatLabels } from '../selectors';
import { indexOf, servicesOwnedBy } from '../projectIndex';
import type { LocatedProblem } from './context';

// service-selector-no-match: an exposedServices serviceLabels entry that matches no Service of the workspace.

export function serviceSelectors(p: ResolvedProject, out: LocatedProblem[]): void {
  const wsByKey = new Map<string, TsbObjectFact[]>();
  for (const o of indexOf(p).workspaces) {
    const list = wsByKey.get(workspaceKey(o));
    if (list) list.push(o);
    else wsByKey.set(workspaceKey(o), [o]);
  }
  for (const s of p.workspaceSettings) {
    const ws = wsByKey.get(settingKey(s))?.find((w) => p.relation(w.source.uri, s.source.uri) !== 'never');
    if (!ws) continue;
    // Only the namespaces the workspace names, unless a pattern has a wildcard namespace part.
    const services = servicesOwnedBy(p, ws).filter((svc) => ownsNamespace(ws, svc.namespace, svc.clusters) && p.relation(svc.fact.source.uri, s.source.uri) !== 'never');
    if (services.length === 0) continue;
    for (const e of s.eastWest) {
      for (const x of e.exposed) {
        if (Object.keys(x.labels).length === 0) continue;
        if (services.some((svc) => labelsMatch(x.labels, svc.fact.labels))) continue;
        // Nearest: the Service whose labels share the most pairs or keys with the selector.
        const keys = Object.keys(x.labels);
        const nearestSvc = services
          .map((svc) => ({ svc, score: keys.filter((k) => k in svc.fact.labels).length }))
          .sort((a, b) => b.score - a.score)[0];
        const hint = nearestSvc && nearestSvc.score > 0
          ? `; ${nearestSvc.svc.fact.name} has ${keys.filter((k) => k in nearestSvc.svc.fact.labels).map((k) => `${k}=${nearestSvc.svc.fact.labels[k]}`).join(',')}`
          : `; their labels are ${[...new Set(services.flatMap((svc) => Object.entries(svc.fact.labels).map(([k, v]) => `${k}=${v}`)))].slice(0, 6).join(', ')}`;
        out.push({
          uri: s.source.uri, rule: 'service-selector-no-match', ref: x.ref,
          message: `exposedServices selector ${formatLabels(x.labels)} matches no Service in workspace ${ws.name}'s namespaces (serviceLabels match Service labels, not pod labels)${hint}.`,
        });
      }
    }
  }
}
