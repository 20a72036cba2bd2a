import type { ResolvedProject } from '../../workspace/resolved';
import type { TsbObjectFact } from '../../workspace/facts';
import { workspaceKey, settingKey, ownsNamespace } from '../../model/workspaceOwnership';
import { formatLabels } from '../../workspace/selectors';
import { indexOf, LabelIndex, servicesOwnedBy } from '../../workspace/projectIndex';
import { charClasses, editDistance, withinDistance } from '../../util/nearest';
import { workBudget } from '../../util/steps';
import { related, type LocatedProblem } from './context';
import { commas, msg, type ListArg } from '../../l10n/message';

// service-selector-no-match: an exposedServices serviceLabels entry that matches no Service of the workspace.

export function* serviceSelectors(p: ResolvedProject, out: LocatedProblem[]): Generator<void, void> {
  // Counted in objects looked at: the language server runs this in time slices.
  const spend = workBudget(WORK_PER_STEP);
  const wsByKey = new Map<string, TsbObjectFact[]>();
  for (const o of indexOf(p).workspaces) {
    if (spend()) yield;
    const list = wsByKey.get(workspaceKey(o));
    if (list) list.push(o);
    else wsByKey.set(workspaceKey(o), [o]);
  }
  for (const s of p.workspaceSettings) {
    // Counted too: most of 50,000 settings can own no service.
    if (spend()) yield;
    const ws = wsByKey.get(settingKey(s))?.find((w) => p.relation(w.source.uri, s.source.uri) !== 'never');
    if (!ws) continue;
    // Only the namespaces the workspace names, unless a pattern has a wildcard namespace part.
    const services: Services = [];
    for (const svc of servicesOwnedBy(p, ws)) {
      if (ownsNamespace(ws, svc.namespace, svc.clusters) && p.relation(svc.fact.source.uri, s.source.uri) !== 'never')
        services.push(svc);
      if (spend()) yield;
    }
    if (services.length === 0) continue;
    // Built on the first selector: which Services carry a selector's pairs; each distinct selector's
    // nearest Service once; the labels of the first Services once.
    let matches: LabelIndex<Services[number]> | undefined;
    const nearestOf = new Map<string, Services[number] | undefined>();
    let allLabels: ListArg | undefined;
    for (const e of s.eastWest) {
      for (const x of e.exposed) {
        if (Object.keys(x.labels).length === 0) continue;
        matches ??= yield* LabelIndex.steps(services, (svc) => svc.fact.labels);
        if (matches.first(x.labels)) continue;
        const key = JSON.stringify(x.labels);
        if (!nearestOf.has(key)) {
          nearestOf.set(key, nearestService(x.labels, services, matches));
          if (spend(Math.min(services.length, NEAREST_POOL))) yield;
        }
        const near = nearestOf.get(key);
        const keys = Object.keys(x.labels);
        const args = { selector: formatLabels(x.labels), workspace: ws.name };
        const message = near
          ? msg(
              "exposedServices selector {selector} matches no Service in workspace {workspace}'s namespaces (serviceLabels match Service labels, not pod labels); {service} has {labels}.",
              {
                ...args,
                service: near.fact.name,
                labels: keys
                  .filter((k) => k in near.fact.labels)
                  .map((k) => `${k}=${near.fact.labels[k]}`)
                  .join(','),
              },
            )
          : msg(
              "exposedServices selector {selector} matches no Service in workspace {workspace}'s namespaces (serviceLabels match Service labels, not pod labels); their labels are {labels}.",
              {
                ...args,
                labels: (allLabels ??= commas(firstLabels(services, 6))),
              },
            );
        // The nearest Service's values for the selector's keys, when it has them all: what was meant.
        const fix =
          near && keys.every((k) => k in near.fact.labels)
            ? Object.fromEntries(keys.map((k) => [k, near.fact.labels[k]!]))
            : undefined;
        out.push({
          uri: s.source.uri,
          rule: 'service-selector-no-match',
          ref: x.ref,
          message,
          ...(fix ? { data: { fix: 'replace-labels' as const, labels: fix } } : {}),
          ...(near
            ? {
                related: [
                  related(
                    near.fact.source,
                    msg('Service {name} (labels {labels})', {
                      name: near.fact.name,
                      labels: formatLabels(near.fact.labels) || msg('none'),
                    }),
                  ),
                ],
              }
            : {}),
        });
      }
    }
  }
}

/** The first `n` distinct `key=value` labels of a list of Services, in order. */
function firstLabels(services: Services, n: number): string[] {
  const seen = new Set<string>();
  for (const svc of services) {
    for (const [k, v] of Object.entries(svc.fact.labels)) {
      seen.add(`${k}=${v}`);
      if (seen.size === n) return [...seen];
    }
  }
  return [...seen];
}

/**
 * Services compared with one selector for its "nearest" hint: every Service of the workspace up to this
 * many; beyond, those sharing one of its label pairs, else the first ones (a bound per selector).
 */
const NEAREST_POOL = 2000;

/** Services looked at between two yields (a few milliseconds of work). */
const WORK_PER_STEP = 2_000;

type Services = ResolvedProject['services'];

/**
 * The Service the selector most likely meant: pairs it has count most, then keys it has with a near value,
 * then a name close to a selector value; a Service sharing no key is never "near".
 */
function nearestService(
  selector: Record<string, string>,
  all: Services,
  matches: LabelIndex<Services[number]>,
): Services[number] | undefined {
  let services = all;
  if (all.length > NEAREST_POOL) {
    const sharing = matches.sharingAnyPair(selector, NEAREST_POOL);
    services = sharing.length ? sharing : all.slice(0, NEAREST_POOL);
  }
  const keys = Object.keys(selector);
  const values = keys.map((k) => selector[k]!);
  const limits = values.map((v) => Math.max(1, Math.floor(v.length / 3)));
  const classes = values.map(charClasses);
  // Per key, the distance of each value Services have for it (values repeat: tier=backend...).
  const distances = keys.map(() => new Map<string, number>());
  let best: Services[number] | undefined;
  let bestScore = 0;
  let bestDistance = Infinity;
  for (const svc of services) {
    const labels = svc.fact.labels;
    let same = 0;
    let other = 0;
    for (let i = 0; i < keys.length; i++) {
      const have = labels[keys[i]!];
      if (have === undefined) continue;
      if (have === values[i]) same++;
      else other++;
    }
    if (same + other === 0) continue;
    // The most it can score (every other value near, the name near) cannot beat the best: skipped.
    if (4 * same + 2 * other + 1 < bestScore) continue;
    let score = 4 * same;
    let distance = 0;
    if (other) {
      for (let i = 0; i < keys.length; i++) {
        const have = labels[keys[i]!];
        if (have === undefined || have === values[i]) continue;
        let d = distances[i]!.get(have);
        if (d === undefined) distances[i]!.set(have, (d = editDistance(values[i]!, have)));
        distance += d;
        score += d <= limits[i]! ? 2 : 1;
      }
    }
    // A name near a selector value adds one: looked at only when that can change the answer.
    if (score + 1 < bestScore || (score + 1 === bestScore && distance >= bestDistance)) continue;
    const name = svc.fact.name;
    const nameClasses = charClasses(name);
    if (values.some((v, i) => withinDistance(v, name, limits[i]!, classes[i], nameClasses))) score += 1;
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = svc;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}
