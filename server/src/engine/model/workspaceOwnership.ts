// Which workspace owns a namespace and which gateways a selector picks: shared by the failover model and
// the cross-file rules, completion and summary.
import type { ResolvedProject } from '../workspace/resolved';
import type { TsbObjectFact } from '../workspace/facts';
import { nsPatternMatches } from '../workspace/selectors';
import { gatewaysMatching, nsMatcher } from '../workspace/projectIndex';
import type { GatewayInstall } from './failoverTypes';

export function workspaceKey(o: { organization?: string; tenant?: string; name: string }): string {
  return `${o.organization ?? ''}/${o.tenant ?? ''}/${o.name}`;
}

export function settingKey(s: TsbObjectFact): string {
  return `${s.organization ?? ''}/${s.tenant ?? ''}/${s.workspace ?? ''}`;
}

/** Does a workspace's namespaceSelector own this placed object (in at least one of its clusters)? */
export function ownsNamespace(ws: TsbObjectFact, namespace: string | undefined, clusters: string[]): boolean {
  if (!namespace) return false;
  // Exact names are set lookups: a workspace may name thousands of namespaces.
  const m = nsMatcher(ws);
  if (m.anyCluster.has(namespace)) return true;
  if (clusters.length === 0) {
    for (const names of m.byCluster.values()) if (names.has(namespace)) return true;
    return m.other.some((p) => nsPatternMatches(p, namespace));
  }
  for (const c of clusters) if (m.byCluster.get(c)?.has(namespace)) return true;
  return m.other.some((p) => clusters.some((c) => nsPatternMatches(p, namespace, c)));
}

/** Clusters of `clusters` where the workspace owns `namespace`. */
export function ownedClusters(ws: TsbObjectFact, namespace: string, clusters: string[]): string[] {
  const m = nsMatcher(ws);
  if (m.anyCluster.has(namespace)) return clusters.slice();
  return clusters.filter(
    (c) => m.byCluster.get(c)?.has(namespace) || m.other.some((p) => nsPatternMatches(p, namespace, c)),
  );
}
/** Gateways installed in `namespace` whose pods carry `labels`, among those that can be in effect with `from`. */
export function gatewaysFor(
  project: ResolvedProject,
  namespace: string,
  labels: Record<string, string>,
  from?: string,
): GatewayInstall[] {
  return gatewaysMatching(
    project,
    namespace,
    labels,
    from === undefined ? undefined : (g) => project.relation(from, g.fact.source.uri) !== 'never',
  ).map((g) => ({
    kind: g.fact.kind,
    name: g.fact.name,
    namespace: g.namespace!,
    labels: g.fact.labels,
    eastWestOnly: g.fact.eastWestOnly,
    clusters: [...g.clusters].sort(),
    source: g.fact.source,
  }));
}
