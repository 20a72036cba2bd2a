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
}

export function resolveProject(files: Iterable<FileFacts>, placementOf: (uri: string) => FilePlacement): ResolvedProject {
  const out: ResolvedProject = {
    tsb: [], workspaceSettings: [], gatewayConfigs: [], serviceRoutes: [], installGateways: [], controlPlanes: [],
    namespaces: [], services: [], workloads: [], clusters: [], placementsConfigured: false,
  };
  const clusters = new Set<string>();
  for (const f of files) {
    out.tsb.push(...f.tsb);
    out.workspaceSettings.push(...f.workspaceSettings);
    out.gatewayConfigs.push(...f.gatewayConfigs);
    out.serviceRoutes.push(...f.serviceRoutes);
    const hasK8s = f.installGateways.length + f.controlPlanes.length + f.namespaces.length + f.services.length + f.workloads.length > 0;
    if (!hasK8s) continue;
    const p = placementOf(f.uri);
    if (p.configured) out.placementsConfigured = true;
    for (const c of p.clusters) clusters.add(c);
    const place = <T extends { namespace?: string }>(fact: T): Placed<T> => {
      const ns = fact.namespace ?? p.namespace;
      return { fact, clusters: p.clusters, ...(ns ? { namespace: ns } : {}) };
    };
    out.installGateways.push(...f.installGateways.map(place));
    out.controlPlanes.push(...f.controlPlanes.map(place));
    out.namespaces.push(...f.namespaces.map((fact) => ({ fact, clusters: p.clusters, namespace: fact.name })));
    out.services.push(...f.services.map(place));
    out.workloads.push(...f.workloads.map(place));
  }
  out.clusters = [...clusters].sort();
  return out;
}
