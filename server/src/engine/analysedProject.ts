import type { FileAnalysis } from './fileAnalysis';
import type { FailoverModel } from './model/failoverTypes';
import type { DiagnosticsOptions, ModelOptions } from './projectTypes';
import type { SchemaRegistry } from './schema/registry';
import type { Problem } from './types';
import type { Deployment } from './deployment';
import type { ProjectConfig } from './workspace/config';
import type { FileFacts } from './workspace/facts';
import type { ResolvedProject } from './workspace/resolved';

/**
 * The read side of a project: what the language features, the summary and the CLI's reports read.
 * Nothing here changes the project; `Project` implements it. Each feature asks only for the members it
 * uses (`Pick<AnalysedProject, ...>`), so a test or another host can hand it a small object instead.
 * Cross-file members compute lazily on first read after a change (the language server runs that
 * computation in time slices beforehand; see `AnalysisScheduling` in index.ts).
 */
export interface AnalysedProject {
  /** Increases whenever anything that cross-file results depend on changes. */
  readonly version: number;
  /** The schemas the files are checked against (completion reads the fields of a kind). */
  readonly registry: SchemaRegistry;
  /** URIs of the YAML files held. */
  uris(): string[];
  analysis(uri: string): FileAnalysis | undefined;
  /** Plain facts of one file (objects, selectors, names) that cross-file checks read. */
  facts(uri: string): FileFacts | undefined;
  /** The resolved facts of the project governing `uri` (of every project together when omitted). */
  resolved(uri?: string): ResolvedProject;
  /** Every problem of one file, its own and cross-file ones, severities and suppressions applied. */
  diagnostics(uri: string, opts?: DiagnosticsOptions): Problem[];
  /** The failover model (with `stale`: the last complete one while the workspace is read or checked). */
  failoverModel(opts?: ModelOptions): FailoverModel;
  /** The tsb.config.yaml governing a file: the deepest folder with one above it. */
  configFor(uri: string): ProjectConfig | undefined;
  /** Does this folder hold a tsb.config.yaml? */
  hasConfig(rootUri: string): boolean;
  /** The file is matched by its tsb.config.yaml's `ignore`. */
  isIgnored(uri: string): boolean;
  /** The deployment units of the project governing `uri` (of the whole project when omitted). */
  deployment(uri?: string): Deployment;
  /** The deployment of each project (one per tsb.config.yaml root, plus files under none). */
  deployments(): Deployment[];
}
