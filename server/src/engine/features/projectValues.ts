import { gatewaysFor, ownsNamespace, settingKey, workspaceKey } from '../model/workspaceOwnership';
import type { GatewayInstall } from '../model/failoverTypes';
import type { Placed, ResolvedProject } from '../workspace/resolved';
import type { ServiceFact, TsbObjectFact } from '../workspace/facts';
import type { Labels } from '../model/failoverTypes';
import { labelsMatch, nsPatternMatches, parseNsPattern } from '../workspace/selectors';

// What the project knows, as completion values and selector answers: names of tenancy objects,
// namespaces, clusters, gateway and Service label pairs, and what a selector matches right now.

export type ParentLevel = 'organization' | 'tenant' | 'workspace' | 'group';

const LEVEL_KIND: Record<ParentLevel, string> = {
  organization: 'Organization',
  tenant: 'Tenant',
  workspace: 'Workspace',
  group: 'Group',
};

export function tenancyObjects(p: ResolvedProject, level: ParentLevel, groupType?: string): TsbObjectFact[] {
  return p.tsb.filter(
    (o) => o.kind === LEVEL_KIND[level] && (level !== 'group' || !groupType || o.groupType === groupType),
  );
}

/** Names the project uses for a level: defined objects first, then names only referenced. */
export function tenancyNames(p: ResolvedProject, level: ParentLevel, groupType?: string): string[] {
  const defined = tenancyObjects(p, level, groupType).map((o) => o.name);
  const referenced = p.tsb.map((o) => o[level]).filter((n): n is string => !!n);
  return [...new Set([...defined, ...referenced])];
}

export function knownNamespaces(p: ResolvedProject): string[] {
  const all = [
    ...p.namespaces.map((n) => n.fact.name),
    ...p.services.map((s) => s.namespace),
    ...p.workloads.map((w) => w.namespace),
    ...p.installGateways.map((g) => g.namespace),
  ];
  return [...new Set(all.filter((n): n is string => !!n))].sort();
}

export function gatewayNamespaces(p: ResolvedProject): string[] {
  return [...new Set(p.installGateways.map((g) => g.namespace).filter((n): n is string => !!n))].sort();
}

export interface LabelPair {
  key: string;
  value: string;
  /** Who carries it, for the completion detail. */
  owners: string[];
}

function pairsOf(entries: { labels: Labels; owner: string }[]): LabelPair[] {
  const byPair = new Map<string, LabelPair>();
  for (const e of entries) {
    for (const [key, value] of Object.entries(e.labels)) {
      const id = `${key}=${value}`;
      const prev = byPair.get(id);
      if (prev) {
        if (!prev.owners.includes(e.owner)) prev.owners.push(e.owner);
      } else byPair.set(id, { key, value, owners: [e.owner] });
    }
  }
  return [...byPair.values()];
}

/** Pod label pairs of gateways deployed by install CRs (app=<name> plus kubeSpec.deployment.labels). */
export function gatewayLabelPairs(p: ResolvedProject, namespace?: string): LabelPair[] {
  const gws = p.installGateways.filter((g) => !namespace || g.namespace === namespace);
  return pairsOf(
    gws.map((g) => ({
      labels: g.fact.labels,
      owner: `${g.fact.kind} ${g.fact.name}${g.namespace ? ` (${g.namespace})` : ''}`,
    })),
  );
}

/** The Workspace a WorkspaceSetting (or any object naming a workspace) belongs to. */
export function workspaceOf(
  p: ResolvedProject,
  o: { organization?: string; tenant?: string; workspace?: string },
  from?: string,
): TsbObjectFact | undefined {
  if (!o.workspace) return undefined;
  const key = settingKey({ organization: o.organization, tenant: o.tenant, workspace: o.workspace } as TsbObjectFact);
  // The definition that can be in effect with the file asking (alternative scenarios each have one).
  const usable = (w: TsbObjectFact) =>
    w.kind === 'Workspace' && (from === undefined || p.relation(w.source.uri, from) !== 'never');
  return (
    p.tsb.find((w) => usable(w) && workspaceKey(w) === key) ?? p.tsb.find((w) => usable(w) && w.name === o.workspace)
  );
}

/** Services of a workspace's namespaces (every Service when the workspace is unknown) that can be in effect with `from`. */
export function servicesOf(p: ResolvedProject, ws: TsbObjectFact | undefined, from?: string): Placed<ServiceFact>[] {
  const usable = (s: Placed<ServiceFact>) => from === undefined || p.relation(s.fact.source.uri, from) !== 'never';
  return p.services.filter((s) => usable(s) && (!ws || ownsNamespace(ws, s.namespace, s.clusters)));
}

/** "<unit> (run.sh:64)": the unit that applies a file, and where the repository says so, for hovers. */
export function appliedBy(p: ResolvedProject, uri: string): string | undefined {
  const d = p.deployment.deploymentOf(uri);
  const unit = p.deployment.units.find((u) => d.units.includes(u.id));
  if (!unit) return undefined;
  const ev = unit.evidence[0];
  const at = ev ? ` (${decodeURIComponent(ev.uri).split('/').slice(-2).join('/')}:${ev.line + 1})` : '';
  return `${unit.name}${at}`;
}

export function serviceLabelPairs(services: Placed<ServiceFact>[]): LabelPair[] {
  return pairsOf(
    services.map((s) => ({
      labels: s.fact.labels,
      owner: `Service ${s.fact.name}${s.namespace ? ` (${s.namespace})` : ''}`,
    })),
  );
}

export function matchingGateways(
  p: ResolvedProject,
  namespace: string,
  labels: Labels,
  from?: string,
): GatewayInstall[] {
  return gatewaysFor(p, namespace, labels, from);
}

export function matchingServices(services: Placed<ServiceFact>[], labels: Labels): Placed<ServiceFact>[] {
  return services.filter((s) => labelsMatch(labels, s.fact.labels));
}

/** Namespaces (with clusters) a namespaceSelector name selects among those the project knows. */
export function namespacesMatching(p: ResolvedProject, name: string): { namespace: string; clusters: string[] }[] {
  const pat = parseNsPattern(name);
  if (!pat) return [];
  // The clusters of every known namespace in one pass over the placed objects (not one pass per namespace).
  const clustersOf = new Map<string, Set<string>>();
  for (const list of [p.namespaces, p.services, p.workloads, p.installGateways] as readonly {
    namespace?: string;
    clusters: string[];
  }[][]) {
    for (const x of list) {
      if (!x.namespace) continue;
      let set = clustersOf.get(x.namespace);
      if (!set) clustersOf.set(x.namespace, (set = new Set()));
      for (const c of x.clusters) set.add(c);
    }
  }
  const out: { namespace: string; clusters: string[] }[] = [];
  for (const ns of [...clustersOf.keys()].sort()) {
    const clusters = [...clustersOf.get(ns)!].sort();
    const hit = clusters.length
      ? clusters.filter((c) => nsPatternMatches(pat, ns, c))
      : nsPatternMatches(pat, ns)
        ? []
        : undefined;
    if (hit && (hit.length || clusters.length === 0)) out.push({ namespace: ns, clusters: hit });
  }
  return out;
}
