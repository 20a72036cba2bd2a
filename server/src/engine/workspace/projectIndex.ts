import type { ResolvedProject } from './resolved';
import type { TsbObjectFact } from './facts';
import { parseNsPattern } from './selectors';

// Lookups over one resolved project, built once per derive and shared by the failover model and the
// cross-file rules, so that no rule scans every object for each object (the derive stays linear).

type Services = ResolvedProject['services'];
type Workloads = ResolvedProject['workloads'];
type Gateways = ResolvedProject['installGateways'];

export interface ProjectIndex {
  workloadsByNs: Map<string | undefined, Workloads>;
  servicesByName: Map<string, Services>;
  servicesByNs: Map<string | undefined, Services>;
  /** `<namespace>/<name>` */
  servicesByNsName: Map<string, Services>;
  gatewaysByNs: Map<string | undefined, Gateways>;
  workspaces: TsbObjectFact[];
  /** Workspaces naming this exact namespace (any cluster part); wildcard namespaces go to `wildWorkspaces`. */
  workspacesByNs: Map<string, TsbObjectFact[]>;
  wildWorkspaces: TsbObjectFact[];
}

function group<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

const indexes = new WeakMap<ResolvedProject, ProjectIndex>();

export function indexOf(project: ResolvedProject): ProjectIndex {
  let ix = indexes.get(project);
  if (ix) return ix;
  const workspaces = project.tsb.filter((t) => t.kind === 'Workspace');
  const workspacesByNs = new Map<string, TsbObjectFact[]>();
  const wildWorkspaces: TsbObjectFact[] = [];
  for (const ws of workspaces) {
    const exact = new Set<string>();
    let wild = false;
    for (const n of ws.namespaces) {
      const p = parseNsPattern(n.name);
      if (!p) continue;
      if (p.namespace.includes('*')) wild = true;
      else exact.add(p.namespace);
    }
    if (wild) wildWorkspaces.push(ws);
    else for (const ns of exact) { const l = workspacesByNs.get(ns); if (l) l.push(ws); else workspacesByNs.set(ns, [ws]); }
  }
  ix = {
    workloadsByNs: group(project.workloads, (w) => w.namespace),
    servicesByName: group(project.services, (s) => s.fact.name),
    servicesByNs: group(project.services, (s) => s.namespace),
    servicesByNsName: group(project.services, (s) => `${s.namespace ?? ''}/${s.fact.name}`),
    gatewaysByNs: group(project.installGateways, (g) => g.namespace),
    workspaces, workspacesByNs, wildWorkspaces,
  };
  indexes.set(project, ix);
  return ix;
}

/** Workspaces that may own `namespace`, in project order (callers still check clusters). */
export function workspacesFor(project: ResolvedProject, namespace: string): TsbObjectFact[] {
  const ix = indexOf(project);
  const exact = ix.workspacesByNs.get(namespace);
  if (!ix.wildWorkspaces.length) return exact ?? [];
  if (!exact) return ix.wildWorkspaces;
  const order = new Map(ix.workspaces.map((w, i) => [w, i]));
  return [...exact, ...ix.wildWorkspaces].sort((a, b) => order.get(a)! - order.get(b)!);
}

/**
 * The Services a workspace's namespaceSelector may own: the buckets of the namespaces it names, or every
 * Service when a name has a wildcard namespace part. A malformed name selects nothing. Callers still
 * check ownership per cluster.
 */
export function servicesOwnedBy(project: ResolvedProject, ws: TsbObjectFact): ResolvedProject['services'] {
  const pats = ws.namespaces.map((n) => parseNsPattern(n.name)).filter((p) => p !== undefined);
  if (pats.some((p) => p.namespace.includes('*'))) return project.services;
  const ix = indexOf(project);
  if (pats.length === 1) return ix.servicesByNs.get(pats[0]!.namespace) ?? [];
  return [...new Set(pats.flatMap((p) => ix.servicesByNs.get(p.namespace) ?? []))];
}
