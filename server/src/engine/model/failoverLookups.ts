// Lookups of the resolved project that the failover model makes per service, memoised per project where
// a large project would repeat them.
import type { ResolvedProject, Placed } from '../workspace/resolved';
import type { ServiceFact } from '../workspace/facts';
import { formatLabels } from '../workspace/selectors';
import { indexOf, memo, workloadsMatching } from '../workspace/projectIndex';
import type { PlacementInfo, WorkloadInfo } from './failoverTypes';
import { msg, pipes, type ListArg } from '../l10n/message';

export const sortU = (xs: Iterable<string>) => [...new Set(xs)].sort();

export function namespacesOfName(project: ResolvedProject, name: string): string[] {
  const m = memo(project, 'namespacesOfName', () => new Map<string, string[]>());
  let l = m.get(name);
  if (!l) {
    const all = indexOf(project).servicesByName.get(name) ?? [];
    // Most names are defined once: no set to sort.
    if (all.length === 1) l = all[0]!.namespace ? [all[0]!.namespace] : [];
    else l = sortU(all.map((s) => s.namespace).filter((n): n is string => !!n));
    m.set(name, l);
  }
  return l;
}

export function workloadsOf(project: ResolvedProject, svc: Placed<ServiceFact>): WorkloadInfo[] {
  const sel = svc.fact.selector;
  if (Object.keys(sel).length === 0) return [];
  const byKey = new Map<string, WorkloadInfo>();
  // Only the workloads carrying the selector's rarest pair are looked at: a namespace may hold thousands.
  for (const w of workloadsMatching(project, svc.namespace, sel)) {
    if (w.namespace !== svc.namespace) continue;
    if (project.relation(svc.fact.source.uri, w.fact.source.uri) === 'never') continue;
    const clusters = svc.clusters.length ? w.clusters.filter((c) => svc.clusters.includes(c)) : w.clusters;
    if (svc.clusters.length && clusters.length === 0) continue;
    const key = `${w.fact.kind}/${w.fact.name}`;
    const prev = byKey.get(key);
    if (prev) prev.clusters = sortU([...prev.clusters, ...clusters]);
    else {
      const version = w.fact.podLabels['version'];
      byKey.set(key, {
        kind: w.fact.kind,
        name: w.fact.name,
        namespace: w.namespace!,
        ...(version ? { version } : {}),
        labels: w.fact.podLabels,
        clusters: sortU(clusters),
        source: w.fact.source,
      });
    }
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Selectors listed in a message: the first few and how many more (a setting may list thousands). */
const SELECTORS_SHOWN = 10;

export function listSelectors(selectors: Record<string, string>[]): ListArg {
  const shown = selectors.slice(0, SELECTORS_SHOWN).map(formatLabels);
  return pipes(
    selectors.length > SELECTORS_SHOWN
      ? [...shown, msg('… {count} more', { count: selectors.length - SELECTORS_SHOWN })]
      : shown,
  );
}

/**
 * Services of the same name in other namespaces that run somewhere else: the first one's namespace and
 * every cluster they run in. Stops as soon as every cluster any Service of that name runs in is seen.
 */
export function twinsOf(
  project: ResolvedProject,
  name: string,
  namespace: string,
  runsIn: string[],
  wsUri: string,
): { first: string; clusters: string[] } | undefined {
  const all = indexOf(project).servicesByName.get(name) ?? [];
  const possible = memoClusters(project, name);
  let first: string | undefined;
  const clusters = new Set<string>();
  for (const x of all) {
    if (
      x.fact.name !== name ||
      !x.namespace ||
      x.namespace === namespace ||
      !x.clusters.some((c) => !runsIn.includes(c)) ||
      project.relation(x.fact.source.uri, wsUri) === 'never'
    )
      continue;
    first ??= x.namespace;
    for (const c of x.clusters) clusters.add(c);
    if (clusters.size === possible) break;
  }
  return first === undefined ? undefined : { first, clusters: sortU(clusters) };
}

/** How many distinct clusters the Services of this name run in. */
function memoClusters(project: ResolvedProject, name: string): number {
  const m = memo(project, 'clustersOfName', () => new Map<string, number>());
  let n = m.get(name);
  if (n === undefined) {
    n = new Set((indexOf(project).servicesByName.get(name) ?? []).flatMap((s) => s.clusters)).size;
    m.set(name, n);
  }
  return n;
}

/** The units that place these files, once each, in unit order. */
export function placementsOf(project: ResolvedProject, uris: Iterable<string>): PlacementInfo[] {
  const ids = new Set<number>();
  for (const u of new Set(uris)) for (const id of project.deployment.deploymentOf(u).units) ids.add(id);
  // Unit positions once per project: a workspace looks up its own units, not every unit.
  const at = unitPositions(project);
  return [...ids]
    .filter((id) => at.has(id))
    .sort((x, y) => at.get(x)! - at.get(y)!)
    .map((id) => project.deployment.units[at.get(id)!]!)
    .map((u) => {
      const ev = u.evidence[0];
      return {
        unit: u.name,
        clusters: u.clusters,
        ...(u.clusterMatches.length
          ? { tsbNames: Object.fromEntries(u.clusterMatches.map((m) => [m.name, m.tsb])) }
          : {}),
        ...(u.namespace ? { namespace: u.namespace } : {}),
        source: u.source,
        ...(ev ? { evidence: { uri: ev.uri, line: ev.line, text: ev.text } } : {}),
      };
    });
}

function unitPositions(project: ResolvedProject): Map<number, number> {
  return memo(project, 'unitPositions', () => new Map(project.deployment.units.map((u, i) => [u.id, i])));
}

export function mergeWorkloads(lists: WorkloadInfo[][]): WorkloadInfo[] {
  // One list (a service defined once) is already merged and sorted: workloadsOf builds fresh objects.
  if (lists.length === 1) return lists[0]!;
  const byKey = new Map<string, WorkloadInfo>();
  for (const w of lists.flat()) {
    const key = `${w.kind}/${w.name}`;
    const prev = byKey.get(key);
    if (prev) prev.clusters = sortU([...prev.clusters, ...w.clusters]);
    else byKey.set(key, { ...w, clusters: [...w.clusters] });
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}
