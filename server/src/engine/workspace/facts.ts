import type { GroupType } from '../../../../schemas/src/types';
import type { Labels, SourceRef } from '../types';
import type { GatewayRouteFact, GatewayServerFact, ServicePortFact, ServiceRoutePortFact } from './ruleFacts';

export type { Labels, SourceRef };

// Per-file summary of what a file defines and references: everything the cross-file rules and the
// failover model need, with exact source ranges. Facts are plain data, rebuilt only when the file changes.

export interface TsbObjectFact {
  kind: string;
  apiVersion: string;
  groupType?: GroupType;
  form: 'tctl' | 'gitops';
  name: string;
  organization?: string;
  tenant?: string;
  workspace?: string;
  group?: string;
  source: SourceRef;
  /** Range of metadata.name (or the resource) and of each parent reference. */
  nameRef: SourceRef;
  parentRefs: Partial<Record<'organization' | 'tenant' | 'workspace' | 'group', SourceRef>>;
  /** namespaceSelector.names of Workspaces and Groups, with ranges. */
  namespaces: { name: string; ref: SourceRef }[];
  /** Canonical JSON of the spec: tells identical duplicates from conflicting ones. */
  specHash: string;
}

export interface EastWestEntryFact {
  entry: number;
  namespace: string;
  labels: Labels;
  selectorRef: SourceRef;
  labelsRef: SourceRef;
  namespaceRef: SourceRef;
  exposed: { labels: Labels; ref: SourceRef }[];
}

export interface WorkspaceSettingFact extends TsbObjectFact {
  eastWest: EastWestEntryFact[];
}

/** workloadSelector of a gateway config (IngressGateway/Tier1Gateway/EgressGateway/Gateway). */
export interface GatewayConfigFact extends TsbObjectFact {
  selector?: { namespace: string; labels: Labels; ref: SourceRef; labelsRef: SourceRef };
  /** Servers with a port and a hostname, and the services their routes send traffic to. */
  servers?: GatewayServerFact[];
  routes?: GatewayRouteFact[];
}

export interface InstallGatewayFact {
  kind: string;
  name: string;
  namespace?: string;
  labels: Labels;
  eastWestOnly: boolean;
  externalAddresses?: { value: string; ref: SourceRef };
  source: SourceRef;
  nameRef: SourceRef;
}

export interface ControlPlaneFact {
  name: string;
  namespace?: string;
  dnsResolutionAtEdge: boolean;
  clusterName?: string;
  clusterNameRef?: SourceRef;
  /** Where the EdgeXcp overlay enabling DNS resolution at the edge would be inserted, and its text. */
  dnsOverlay?: { at: SourceRef; text: string };
  source: SourceRef;
}

export interface NamespaceFact {
  name: string;
  labels: Labels;
  source: SourceRef;
}

export interface ServiceFact {
  name: string;
  namespace?: string;
  labels: Labels;
  selector: Labels;
  ports?: ServicePortFact[];
  source: SourceRef;
}

export interface WorkloadFact {
  kind: string;
  name: string;
  namespace?: string;
  podLabels: Labels;
  /** The pod template's `labels` key, and whether it is a block mapping a key can be added to. */
  labelsRef?: SourceRef;
  labelsBlock?: boolean;
  source: SourceRef;
}

export interface ServiceRouteFact extends TsbObjectFact {
  /** `<namespace>/<fqdn>` */
  service?: string;
  subsets: { name: string; labels: Labels; ref: SourceRef }[];
  /** portLevelSettings, and whether httpRoutes are written. */
  ports?: ServiceRoutePortFact[];
  httpRoutes?: boolean;
}

/** What a document says about where other files are applied (Argo CD, Flux, kustomize). */
export type DeployFact =
  | {
      kind: 'argo-app';
      name: string;
      ref: SourceRef;
      path?: string;
      repoURL?: string;
      recurse: boolean;
      include?: string;
      exclude?: string;
      destName?: string;
      destServer?: string;
      destNamespace?: string;
    }
  | { kind: 'argo-appset'; name: string; ref: SourceRef }
  | { kind: 'flux'; name: string; ref: SourceRef; path?: string; targetNamespace?: string }
  | { kind: 'kustomization'; ref: SourceRef; resources: string[]; namespace?: string };

export interface FileFacts {
  uri: string;
  tsb: TsbObjectFact[];
  workspaceSettings: WorkspaceSettingFact[];
  gatewayConfigs: GatewayConfigFact[];
  serviceRoutes: ServiceRouteFact[];
  installGateways: InstallGatewayFact[];
  controlPlanes: ControlPlaneFact[];
  namespaces: NamespaceFact[];
  services: ServiceFact[];
  workloads: WorkloadFact[];
  /** `namespace:` of a kustomization.yaml: the namespace kustomize gives the resources below it. */
  kustomizeNamespace?: string;
  deploy: DeployFact[];
  /** `kind|namespace|name` of every Kubernetes object (ConfigMaps too): what a later apply replaces. */
  objects: string[];
}

/** The lists of FileFacts, in the order a file's facts are concatenated from its documents'. */
export const FACT_LISTS = [
  'tsb',
  'workspaceSettings',
  'gatewayConfigs',
  'serviceRoutes',
  'installGateways',
  'controlPlanes',
  'namespaces',
  'services',
  'workloads',
  'deploy',
  'objects',
] as const;

// One frozen empty list shared by every facts object: most documents define nothing of most kinds,
// and a workspace keeps the facts of every document (20,000 one-Service files held half a million
// empty arrays). Frozen, so that a late push fails loudly instead of changing every file's facts.
const NONE = Object.freeze([]) as unknown as never[];

/** The same facts with each empty list replaced by the shared one (facts are not changed once read). */
export function withSharedEmpties(facts: FileFacts): FileFacts {
  for (const k of FACT_LISTS) if (facts[k].length === 0 && facts[k] !== NONE) facts[k] = NONE;
  return facts;
}

export const emptyFacts = (uri: string): FileFacts => ({
  uri,
  tsb: [],
  workspaceSettings: [],
  gatewayConfigs: [],
  serviceRoutes: [],
  installGateways: [],
  controlPlanes: [],
  namespaces: [],
  services: [],
  workloads: [],
  deploy: [],
  objects: [],
});

/** A copy with every SourceRef moved down by `delta` lines (documents start at a line boundary). */
export function shiftLines<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return (value.length ? value.map((v) => shiftLines(v, delta)) : value) as T;
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = typeof v === 'object' ? shiftLines(v, delta) : v;
  if (typeof o['uri'] === 'string' && typeof o['line'] === 'number' && typeof o['endLine'] === 'number') {
    out['line'] = (o['line'] as number) + delta;
    out['endLine'] = (o['endLine'] as number) + delta;
  }
  return out as T;
}
