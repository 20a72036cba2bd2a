import type { FileFacts, TsbObjectFact, WorkspaceSettingFact, GatewayConfigFact, ServiceRouteFact, InstallGatewayFact, ControlPlaneFact, NamespaceFact, ServiceFact, WorkloadFact } from './facts';
import type { FilePlacement } from './config';

// The whole project's facts with placements applied: which clusters each Kubernetes object lands in
// and which namespace it gets when the YAML names none (like `kubectl apply -n`).

export interface Placed<T> {
  fact: T;
  clusters: string[];
  /** metadata.namespace, else the placement's namespace, else undefined. */
  namespace?: string;
}

export interface ResolvedProject {
  tsb: TsbObjectFact[];
  workspaceSettings: WorkspaceSettingFact[];
  gatewayConfigs: GatewayConfigFact[];
  serviceRoutes: ServiceRouteFact[];
  installGateways: Placed<InstallGatewayFact>[];
  controlPlanes: Placed<ControlPlaneFact>[];
  namespaces: Placed<NamespaceFact>[];
  services: Placed<ServiceFact>[];
  workloads: Placed<WorkloadFact>[];
  /** Every cluster named by a placement that applies to some file. */
  clusters: string[];
  placementsConfigured: boolean;
  /** How placements were inferred when tsb.config.yaml gives none (shown by the preview). */
  inferred: string[];
}

export function resolveProject(files: Iterable<FileFacts>, placementOf: (uri: string) => FilePlacement): ResolvedProject {
  const out: ResolvedProject = {
    tsb: [], workspaceSettings: [], gatewayConfigs: [], serviceRoutes: [], installGateways: [], controlPlanes: [],
    namespaces: [], services: [], workloads: [], clusters: [], placementsConfigured: false, inferred: [],
  };
  const clusters = new Set<string>();
  const all = [...files];
  const infer = inference(all);
  for (const f of all) {
    // Loops, not push(...list): an argument spread of 120k items overflows the stack.
    append(out.tsb, f.tsb);
    append(out.workspaceSettings, f.workspaceSettings);
    append(out.gatewayConfigs, f.gatewayConfigs);
    append(out.serviceRoutes, f.serviceRoutes);
    const hasK8s = f.installGateways.length + f.controlPlanes.length + f.namespaces.length + f.services.length + f.workloads.length > 0;
    if (!hasK8s) continue;
    let p = placementOf(f.uri);
    if (!p.configured) p = infer(f.uri);
    if (p.configured) out.placementsConfigured = true;
    for (const c of p.clusters) clusters.add(c);
    const place = <T extends { namespace?: string }>(fact: T): Placed<T> => {
      const ns = fact.namespace ?? p.namespace;
      return { fact, clusters: p.clusters, ...(ns ? { namespace: ns } : {}) };
    };
    for (const x of f.installGateways) out.installGateways.push(place(x));
    for (const x of f.controlPlanes) out.controlPlanes.push(place(x));
    for (const fact of f.namespaces) out.namespaces.push({ fact, clusters: p.clusters, namespace: fact.name });
    for (const x of f.services) out.services.push(place(x));
    for (const x of f.workloads) out.workloads.push(place(x));
  }
  out.clusters = [...clusters].sort();
  out.inferred = infer.notes;
  return out;
}

function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}

const dirOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));

/**
 * Placements a user would expect without tsb.config.yaml, where that is safe: a kustomization.yaml
 * `namespace:` applies to the files below it, and a folder holding a ControlPlane whose
 * managementPlane.clusterName is X holds what is applied to cluster X.
 */
function inference(files: FileFacts[]): ((uri: string) => FilePlacement) & { notes: string[] } {
  const namespaces = files.filter((f) => f.kustomizeNamespace).map((f) => ({ dir: dirOf(f.uri), ns: f.kustomizeNamespace! }));
  const clusterDirs = files.flatMap((f) => f.controlPlanes.filter((c) => c.clusterName).map((c) => ({ dir: dirOf(f.uri), cluster: c.clusterName! })));
  // Two ControlPlanes of different clusters in one folder say nothing about that folder.
  const ambiguous = new Set(clusterDirs.filter((a) => clusterDirs.some((b) => b.dir === a.dir && b.cluster !== a.cluster)).map((a) => a.dir));
  const usable = clusterDirs.filter((c) => !ambiguous.has(c.dir));
  const deepest = <T extends { dir: string }>(list: T[], uri: string) =>
    list.filter((x) => uri.startsWith(x.dir + '/')).sort((a, b) => b.dir.length - a.dir.length)[0];
  const short = (dir: string) => dir.split('/').slice(-2).join('/');
  // Only inferences that placed some file are reported.
  const used = new Set<string>();
  const fn = ((uri: string): FilePlacement => {
    const n = deepest(namespaces, uri);
    const c = deepest(usable, uri);
    if (n) used.add(`namespace ${n.ns} for files under ${short(n.dir)}/ (kustomization.yaml)`);
    if (c) used.add(`cluster ${c.cluster} for files under ${short(c.dir)}/ (its ControlPlane's clusterName)`);
    return { clusters: c ? [c.cluster] : [], ...(n ? { namespace: n.ns } : {}), configured: !!c };
  }) as ((uri: string) => FilePlacement) & { notes: string[] };
  Object.defineProperty(fn, 'notes', { get: () => [...used] });
  return fn;
}
