import type { ResolvedProject } from '../resolved';
import type { TsbObjectFact } from '../facts';
import { workspaceKey, settingKey, ownsNamespace } from '../../model/failover';
import { labelsMatch, formatLabels } from '../selectors';
import { indexOf, servicesOwnedBy } from '../projectIndex';
import { editDistance } from '../../util/nearest';
import { related, type LocatedProblem } from './context';
import { commas, msg } from '../../l10n/message';

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
        const near = nearestService(x.labels, services);
        const keys = Object.keys(x.labels);
        const args = { selector: formatLabels(x.labels), workspace: ws.name };
        const message = near
          ? msg('exposedServices selector {selector} matches no Service in workspace {workspace}\'s namespaces (serviceLabels match Service labels, not pod labels); {service} has {labels}.', {
            ...args, service: near.fact.name, labels: keys.filter((k) => k in near.fact.labels).map((k) => `${k}=${near.fact.labels[k]}`).join(','),
          })
          : msg('exposedServices selector {selector} matches no Service in workspace {workspace}\'s namespaces (serviceLabels match Service labels, not pod labels); their labels are {labels}.', {
            ...args, labels: commas([...new Set(services.flatMap((svc) => Object.entries(svc.fact.labels).map(([k, v]) => `${k}=${v}`)))].slice(0, 6)),
          });
        // The nearest Service's values for the selector's keys, when it has them all: what was meant.
        const fix = near && keys.every((k) => k in near.fact.labels) ? Object.fromEntries(keys.map((k) => [k, near.fact.labels[k]!])) : undefined;
        out.push({
          uri: s.source.uri, rule: 'service-selector-no-match', ref: x.ref,
          message,
          ...(fix ? { data: { fix: 'replace-labels' as const, labels: fix } } : {}),
          ...(near ? { related: [related(near.fact.source, msg('Service {name} (labels {labels})', { name: near.fact.name, labels: formatLabels(near.fact.labels) || msg('none') }))] } : {}),
        });
      }
    }
  }
}

type Services = ResolvedProject['services'];

/**
 * The Service the selector most likely meant: pairs it has count most, then keys it has with a near value,
 * then a name close to a selector value; a Service sharing no key is never "near".
 */
function nearestService(selector: Record<string, string>, services: Services): Services[number] | undefined {
  let best: Services[number] | undefined;
  let bestScore = 0;
  let bestDistance = Infinity;
  const values = Object.values(selector);
  for (const svc of services) {
    let score = 0;
    let distance = 0;
    for (const [k, v] of Object.entries(selector)) {
      const have = svc.fact.labels[k];
      if (have === undefined) continue;
      if (have === v) { score += 4; continue; }
      const d = editDistance(v, have);
      distance += d;
      score += d <= Math.max(1, Math.floor(v.length / 3)) ? 2 : 1;
    }
    if (score === 0) continue;
    if (values.some((v) => v === svc.fact.name || editDistance(v, svc.fact.name) <= Math.max(1, Math.floor(v.length / 3)))) score += 1;
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = svc;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}
