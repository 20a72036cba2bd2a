import type {
  FileFacts,
  TsbObjectFact,
  WorkspaceSettingFact,
  GatewayConfigFact,
  ServiceRouteFact,
  InstallGatewayFact,
  ControlPlaneFact,
  NamespaceFact,
  ServiceFact,
  WorkloadFact,
} from './facts';
import type { Deployment, Relation } from '../deployment';
import type { Message } from '../l10n/message';
import { NameIndexes } from '../util/nearest';
import { drain } from '../util/steps';

// The whole project's facts with deployment applied: which clusters each Kubernetes object lands in,
// which namespace it gets when the YAML names none (like `kubectl apply -n`), and which objects can
// be in effect together (files of alternative scenarios or successive tutorial steps never are).

export interface Placed<T> {
  fact: T;
  clusters: string[];
  /** metadata.namespace, else the unit's namespace, else undefined. */
  namespace?: string;
  /** The file is applied somewhere the repository does not name (why), so its clusters are unknown. */
  unknown?: Message;
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
  /** Every cluster some file is applied to. */
  clusters: string[];
  /** Some file with Kubernetes objects is placed in a named cluster (by tsb.config.yaml or inference). */
  placementsConfigured: boolean;
  /** The deployment units behind the placements. */
  deployment: Deployment;
  /** Can objects of these two files be in effect together? */
  relation(a: string, b: string): Relation;
  /**
   * Values computed from this resolved project (lookup indexes, per-name answers), once each: created
   * with it and dropped with it (see `memo` in projectIndex.ts).
   */
  readonly derived: Map<string, unknown>;
  /** Caches the owning Project keeps from one derive to the next. */
  readonly lasting: LastingCaches;
}

/** What a Project keeps across derives: indexes whose input rarely changes with an edit. */
export interface LastingCaches {
  /** Did-you-mean indexes by list of names: an edit elsewhere reuses the index and its answers. */
  names: NameIndexes;
}

export function lastingCaches(): LastingCaches {
  return { names: new NameIndexes() };
}

export function resolveProject(
  files: Iterable<FileFacts>,
  deployment: Deployment,
  lasting: LastingCaches = lastingCaches(),
): ResolvedProject {
  return drain(resolveProjectSteps(files, deployment, lasting));
}

/** Objects placed between two yields of `resolveProjectSteps`. */
const OBJECTS_PER_STEP = 4096;

/** `resolveProject` in steps (the language server runs the derive in time slices). */
export function* resolveProjectSteps(
  files: Iterable<FileFacts>,
  deployment: Deployment,
  lasting: LastingCaches = lastingCaches(),
): Generator<void, ResolvedProject> {
  const out: ResolvedProject = {
    tsb: [],
    workspaceSettings: [],
    gatewayConfigs: [],
    serviceRoutes: [],
    installGateways: [],
    controlPlanes: [],
    namespaces: [],
    services: [],
    workloads: [],
    clusters: [],
    placementsConfigured: false,
    deployment,
    relation: deployment.relation,
    derived: new Map(),
    lasting,
  };
  const clusters = new Set<string>();
  const add = <T>(target: T[], items: readonly T[]) => {
    for (const x of items) target.push(x);
  };
  let placed = 0;
  for (const f of files) {
    placed +=
      f.tsb.length +
      f.installGateways.length +
      f.controlPlanes.length +
      f.namespaces.length +
      f.services.length +
      f.workloads.length;
    if (placed >= OBJECTS_PER_STEP) {
      placed = 0;
      yield;
    }
    add(out.tsb, f.tsb);
    add(out.workspaceSettings, f.workspaceSettings);
    add(out.gatewayConfigs, f.gatewayConfigs);
    add(out.serviceRoutes, f.serviceRoutes);
    const hasK8s =
      f.installGateways.length + f.controlPlanes.length + f.namespaces.length + f.services.length + f.workloads.length >
      0;
    if (!hasK8s) continue;
    const p = deployment.deploymentOf(f.uri);
    if (p.clusters.length) out.placementsConfigured = true;
    for (const c of p.clusters) clusters.add(c);
    const place = <T extends { namespace?: string }>(fact: T): Placed<T> => {
      const ns = fact.namespace ?? p.namespace;
      return {
        fact,
        clusters: p.clusters,
        ...(ns ? { namespace: ns } : {}),
        ...(p.unknown ? { unknown: p.unknown } : {}),
      };
    };
    for (const x of f.installGateways) out.installGateways.push(place(x));
    for (const x of f.controlPlanes) out.controlPlanes.push(place(x));
    for (const fact of f.namespaces) out.namespaces.push({ fact, clusters: p.clusters, namespace: fact.name });
    for (const x of f.services) out.services.push(place(x));
    for (const x of f.workloads) out.workloads.push(place(x));
  }
  out.clusters = [...clusters].sort();
  return out;
}
