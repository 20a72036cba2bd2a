// What the server glue needs from its platform: reading the workspace, timers, a clock and worker
// threads. Platform-neutral on purpose (no node:* imports here): the same startServer() runs on Node
// (node/runtime.ts, node/serverMain.ts), in the in-process tests and, if ever needed, in a browser
// worker with another implementation of this interface.
import type { ChunkData, DocumentText, Message, PrecompiledValidators } from './engine/index';

export interface FoundYaml {
  uri: string;
  /** The file sits in a Helm chart's templates/ folder. */
  template: boolean;
  /** A deploy script, Makefile or Markdown file: read for where YAML is applied, not analysed as YAML. */
  source?: boolean;
}

/** `strictUtf8`: the text was decoded strictly from UTF-8 (U+FFFD in it is a real character). */
export type ReadResult = { text: string; strictUtf8?: boolean } | { skipped: Message } | { missing: true };

export interface Disposable {
  dispose(): void;
}

export interface RuntimeEnvironment {
  /** One spelling per file: client URIs and URIs from listYamlFiles must compare equal. */
  normaliseUri(uri: string): string;
  /** Every *.yaml/*.yml below a folder, and the deploy scripts, Makefiles and Markdown files (skipping node_modules/ and .git/). */
  listYamlFiles(folderUri: string): Promise<FoundYaml[]>;
  /** A file's text, or why it is not analysed, or that it does not exist (deleted meanwhile). */
  readFile(uri: string, maxBytes: number): Promise<ReadResult>;
  timer: {
    setTimeout(callback: () => void, ms: number): Disposable;
    /**
     * Lets pending I/O run between batches of a long computation: resolves in a later turn of the
     * event loop, one waiter per turn, so concurrent computations never run their slices back to back.
     */
    yield(): Promise<void>;
  };
  /** Milliseconds from an arbitrary origin, for time slices and debouncing (monotonic where the platform has it). */
  clock: { now(): number };
  /** Schema validators compiled ahead of time, when the platform ships them. */
  validators?: PrecompiledValidators;
  /**
   * Analyses documents of a file in other threads, when the platform can; undefined when it cannot
   * right now (the caller analyses them itself). Work whose priority is not high (the workspace scan)
   * waits for urgent work (files an editor shows); the caller may raise it while it waits.
   */
  analyseDocuments?(uri: string, docs: DocumentText[], priority?: { high: boolean }): Promise<ChunkData[] | undefined>;
  /** Releases what the platform holds for the server (worker threads); called when the server exits. */
  dispose?(): void;
}
