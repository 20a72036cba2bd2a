// Deployment units: the files a repository applies together in one step, where they go, and how we
// know. Plain data, shared by the rules, the failover model, `tsb-lint units` and the editor. Texts are
// English, each with its message beside it (`…L10n`) for the user's language (localize.ts); unit
// names and evidence quote the repository and stay as they are.
import type { Message } from './l10n/message';

/** A place in a file that says where something is applied (0-based line). */
export interface Evidence {
  uri: string;
  line: number;
  text: string;
}

/** Where the unit was learnt, strongest first. */
export type UnitSource = 'config' | 'argocd' | 'flux' | 'command' | 'kustomize' | 'convention';

export const SOURCE_STRENGTH: Record<UnitSource, number> = {
  config: 5,
  argocd: 4,
  flux: 4,
  command: 3,
  kustomize: 2,
  convention: 1,
};

export interface Unit {
  id: number;
  name: string;
  /** File URIs, sorted. */
  files: string[];
  /** Clusters as the repository names them (kube contexts, folders, Argo CD destinations). */
  clusters: string[];
  /** Clusters whose name in the repository differs from the TSB cluster name, with how we know. */
  clusterMatches: { name: string; tsb: string; why: string; whyL10n?: Message }[];
  managementPlane: boolean;
  namespace: string | null;
  evidence: Evidence[];
  /** Names of the units never applied together with this one. */
  alternativeTo: string[];
  source: UnitSource;
  /** Why the clusters are unknown, when they are ("the current kube context"). */
  clustersUnknown?: string;
  clustersUnknownL10n?: Message;
}

export interface InferenceNote extends Evidence {
  reason: string;
  reasonL10n?: Message;
}

/** How two files relate: applied in one step or one run, possibly together, or never together. */
export type Relation = 'together' | 'maybe' | 'never';

/** Where one file goes, for the rules and the failover model. */
export interface FileDeployment {
  /** TSB cluster names (repository names mapped to TSB `Cluster` names where known); unknown clusters left out. */
  clusters: string[];
  namespace?: string;
  /** Some unit (or tsb.config.yaml) says where this file goes. */
  placed: boolean;
  /** The units of the strongest kind that hold the file. */
  units: number[];
  /** Why the file is in no known cluster, when it is placed but its clusters are not named. */
  unknown?: Message;
}

export interface Deployment {
  units: Unit[];
  notes: InferenceNote[];
  /** YAML files with Kubernetes or TSB objects that no evidence places. */
  unplaced: string[];
  /** True when tsb.config.yaml placements govern the project. */
  configured: boolean;
  /**
   * What is never applied together, as groups of alternatives (each a file URI, or a folder URI ending
   * in `/**`): either/or folders and successive versions. What `alternatives:` in tsb.config.yaml states.
   */
  alternativeGroups: string[][];
  deploymentOf(uri: string): FileDeployment;
  relation(a: string, b: string): Relation;
  /** The unit names a file belongs to (for messages), strongest first. */
  unitNames(uri: string): string[];
}
