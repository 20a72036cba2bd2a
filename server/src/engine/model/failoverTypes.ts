// The failover model: plain data, computed by one pure function of the project index,
// consumed by the CLI (`tsb-lint failover`), code lenses and the preview panel (which receives it as JSON).
// Texts are in English; each carries its message beside it (`…L10n`), which the server and the CLI render
// in the user's language and drop before the model leaves them (localize.ts).
import type { Message } from '../l10n/message';

import type { Labels, SourceRef } from '../types';

export type { Labels, SourceRef };

/** One install CR (IngressGateway/Gateway...) that deploys gateway pods selected by an east-west entry. */
export interface GatewayInstall {
  kind: string;
  name: string;
  namespace: string;
  /** Pod labels the operator gives the gateway: app=<name> plus kubeSpec.deployment.labels. */
  labels: Labels;
  eastWestOnly: boolean;
  clusters: string[];
  source?: SourceRef;
}

/** One `defaultEastWestGatewaySettings` entry of a WorkspaceSetting. */
export interface EastWestGateway {
  /** Index of the entry in defaultEastWestGatewaySettings (first matching entry wins). */
  entry: number;
  namespace: string;
  labels: Labels;
  /** Clusters where a selected gateway is deployed. */
  clusters: string[];
  installs: GatewayInstall[];
  /** serviceLabels of each exposedServices entry; empty = every service of the workspace. */
  exposedServices: Labels[];
  /** Where each exposedServices entry's serviceLabels are written (same order as exposedServices). */
  exposedSources?: SourceRef[];
  selectorSource?: SourceRef;
}

/** A workload (Deployment, StatefulSet, ...) backing a service in some clusters. */
export interface WorkloadInfo {
  kind: string;
  name: string;
  namespace: string;
  /** The `version` pod label, when present (subsets). */
  version?: string;
  labels: Labels;
  clusters: string[];
  source?: SourceRef;
}

/** A service exposed through an east-west gateway (`candidates`). */
export interface ServiceCandidate {
  service: string;
  namespace: string;
  /** Clusters where the service runs behind a matching east-west gateway. */
  clusters: string[];
  /** True when it runs, exposed, in at least two clusters. */
  failover: boolean;
  /** version label -> clusters where a workload of that version runs. */
  versions: Record<string, string[]>;
  /** Clusters where the service runs at all (exposed or not). */
  runsIn: string[];
  /** Which east-west entry exposes it, and by which serviceLabels (undefined = exposes everything). */
  exposedBy: { entry: number; serviceLabels?: Labels };
  /** Why it cannot fail over (when failover is false), in plain words. */
  reason?: string;
  reasonL10n?: Message;
  labels: Labels;
  workloads: WorkloadInfo[];
  source?: SourceRef;
}

export type ExclusionCode =
  | 'not-selected' // no exposedServices entry matches its labels
  | 'no-gateway-cluster' // runs only where no selected east-west gateway is deployed
  | 'no-east-west-settings' // the workspace has no east-west gateway settings
  | 'not-placed'; // the file is not placed in any cluster (tsb.config.yaml)

/** A service of the workspace that is not a failover candidate (`excluded`). */
export interface ExcludedService {
  service: string;
  namespace: string;
  clusters: string[];
  reason: string;
  reasonL10n?: Message;
  code: ExclusionCode;
  labels: Labels;
  /** Workloads backing the service (so a what-if can still name them). */
  workloads?: WorkloadInfo[];
  source?: SourceRef;
}

export interface WorkspaceFailover {
  organization: string;
  tenant: string;
  name: string;
  /** The deployment unit that applies the Workspace (several scenarios may define the same one). */
  unit?: string;
  /** Where the workspace's services and gateways are applied, and how that is known. */
  placements?: PlacementInfo[];
  /** namespaceSelector.names of the Workspace. */
  namespaces: string[];
  gateways: EastWestGateway[];
  candidates: ServiceCandidate[];
  excluded: ExcludedService[];
  /** Same service name running in another namespace of the project: never a failover target (bookinfo-dev never fails over to bookinfo-prod). */
  lookalikes: Lookalike[];
  source?: SourceRef;
  settingSource?: SourceRef;
}

/** One deployment unit behind a workspace's services or gateways: its clusters and its evidence. */
export interface PlacementInfo {
  unit: string;
  /** As the repository names them (kube contexts, folders, Argo CD destinations). */
  clusters: string[];
  /** Repository names that are another TSB cluster name: kube context -> TSB cluster. */
  tsbNames?: Record<string, string>;
  namespace?: string;
  /** config, argocd, flux, command, kustomize or convention. */
  source: string;
  evidence?: { uri: string; line: number; text: string };
}

/** A service whose name also exists in other namespaces (a namesake never receives its traffic). */
export interface Lookalike {
  service: string;
  namespace: string;
  /** The first few other namespaces, sorted (at most LOOKALIKE_LIMIT). */
  otherNamespaces: string[];
  /** How many other namespaces hold the name in all (more than listed when a name is everywhere). */
  otherCount: number;
}

/** Listing every namesake is noise (and quadratic) when the same names repeat across hundreds of namespaces. */
export const LOOKALIKE_LIMIT = 5;

export interface FailoverModel {
  workspaces: WorkspaceFailover[];
  /** Every cluster named by placements. */
  clusters: string[];
  /** False when no tsb.config.yaml placements apply: the preview teaches how to add them. */
  placementsConfigured: boolean;
  /** Hints for empty states ("no WorkspaceSetting yet", ...). */
  notes: string[];
  notesL10n?: Message[];
}

/** `--down CLUSTER/NAMESPACE/WORKLOAD`: a workload scaled to zero. */
export interface DownWorkload {
  cluster: string;
  namespace: string;
  workload: string;
}

/** Where callers of a service in one cluster send traffic when some workloads are down. */
export interface TrafficRoute {
  service: string;
  namespace: string;
  /** Cluster of the callers. */
  fromCluster: string;
  /** Version (subset) the callers ask for; undefined = any version. */
  subset?: string;
  outcome: 'local' | 'remote' | 'none';
  /** Clusters that receive the traffic (the local one for 'local'). */
  toClusters: string[];
  /** East-west gateway the traffic leaves through, for 'remote'. */
  via?: { namespace: string; labels: Labels };
  reason: string;
  reasonL10n?: Message;
}

export interface WhatIfResult {
  down: DownWorkload[];
  /** Down targets that name no known workload, with why. */
  unknown: { target: DownWorkload; reason: string; reasonL10n?: Message }[];
  routes: TrafficRoute[];
}
