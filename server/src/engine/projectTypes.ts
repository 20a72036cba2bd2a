// The Project's options and the records it keeps per file, shared with the callers that prepare files
// and ask for diagnostics.
import type { FileAnalysis } from './fileAnalysis';
import type { Message } from './l10n/message';
import type { SeveritySetting } from './problems';
import type { Suppressions } from './suppression';
import type { FileFacts } from './workspace/facts';
import type { FactsSignature } from './fileFacts';

export interface ProjectOptions {
  maxFileSize?: number;
  /** Severity overrides from editor settings; tsb.config.yaml `rules` win over them. */
  ruleSeverities?: Record<string, SeveritySetting>;
  /** TSB version from editor settings (`tsb.version`); tsb.config.yaml `tsbVersion` wins over it. */
  tsbVersion?: string;
  /**
   * A one-shot run (the CLI): files are analysed once, then only their diagnostics and the cross-file
   * results are asked for. The project keeps of each file its problems, facts, suppressions and text,
   * and drops the per-document results (outline, analyses, trees) that editing features read.
   * Read when the project is created.
   */
  batch?: boolean;
}

export interface FileEntry {
  /** In a batch project, without its documents (`chunks` is empty): see `starts`. */
  analysis: FileAnalysis;
  facts: FileFacts;
  /** Absent in a batch project: a file is never analysed twice there, so nothing is compared. */
  signature?: FactsSignature;
  suppressions: Suppressions;
  /** Where each analysed document starts in the file (their number is what the project's budget counts). */
  starts: readonly number[];
}

export interface UpdateOptions {
  template?: boolean;
  skip?: Message;
  /** The text was decoded from UTF-8 strictly (read from disk): U+FFFD in it is a real character. */
  strictUtf8?: boolean;
}

/** A file analysed by `Project.prepare`, not yet stored. */
export interface Prepared {
  uri: string;
  text: string;
  version: number;
  /** The project already holds this text: commit only adopts the version. */
  same?: boolean;
  entry?: FileEntry;
}

export interface DiagnosticsOptions {
  /** false: only the file's own problems (no cross-file step; what is known before the workspace is read). */
  crossFile?: boolean;
  /**
   * true: while the workspace is read or checked, the cross-file problems of the last complete check
   * (what a request answers from; publishing waits for the check instead).
   */
  stale?: boolean;
}

export interface ModelOptions {
  /** true: while the workspace is read or checked, the model of the last complete check. */
  stale?: boolean;
}
