// What the server glue needs from its platform: reading the workspace, timers and a logger.
// The same startServer() runs on Node (serverMain.ts), in the in-process tests and, if ever
// needed, in a browser worker with another implementation of this interface.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findYamlFiles, readTextAsync } from './node/scan';
import { precompiledValidators } from './node/validators';
import type { ChunkData, Message, PrecompiledValidators } from './engine/index';
import { createAnalysisPool } from './node/analysisPool';

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
    /** Lets pending I/O run between batches of a long computation. */
    yield(): Promise<void>;
  };
  /** Schema validators compiled ahead of time, when the platform ships them. */
  validators?: PrecompiledValidators;
  /**
   * Analyses documents of a file in other threads, when the platform can; undefined when it cannot
   * right now (the caller analyses them itself). Work whose priority is not high (the workspace scan)
   * waits for urgent work (files an editor shows); the caller may raise it while it waits.
   */
  analyseDocuments?(uri: string, texts: string[], priority?: { high: boolean }): Promise<ChunkData[] | undefined>;
  /** Gets those threads ready (called at initialize), when there are any. */
  warmUp?(texts: string[]): void;
}

function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

/** The Node implementation: the CLI's scan helpers, fs reads, Node timers. */
export function createNodeRuntime(): RuntimeEnvironment {
  const pool = createAnalysisPool();
  return {
    ...(pool ? {
      analyseDocuments: (uri: string, texts: string[], priority?: { high: boolean }) => (pool.available ? pool.analyse(uri, texts, priority).catch(() => undefined) : Promise.resolve(undefined)),
      warmUp: (texts: string[]) => pool.warm(texts),
    } : {}),
    normaliseUri(uri) {
      if (!isFileUri(uri)) return uri;
      try {
        return pathToFileURL(fileURLToPath(uri)).href;
      } catch {
        return uri;
      }
    },
    async listYamlFiles(folderUri) {
      if (!isFileUri(folderUri)) return [];
      const dir = fileURLToPath(folderUri);
      try {
        readdirSync(dir);
      } catch {
        return [];
      }
      return findYamlFiles([dir], true).map((f) => ({ uri: pathToFileURL(f.path).href, template: f.template, ...(f.source ? { source: true } : {}) }));
    },
    async readFile(uri, maxBytes) {
      if (!isFileUri(uri)) return { missing: true };
      try {
        const read = await readTextAsync(fileURLToPath(uri), maxBytes);
        // A FIFO or device named *.yaml (a watcher event can report one) is not a file of the project,
        // as the folder scan already says: it is never opened for reading.
        if ('special' in read) return { missing: true };
        return 'text' in read ? { text: read.text, strictUtf8: true } : read;
      } catch {
        return { missing: true };
      }
    },
    timer: {
      setTimeout(callback, ms) {
        const handle = setTimeout(callback, ms);
        return { dispose: () => clearTimeout(handle) };
      },
      yield: () => new Promise<void>((resolve) => setImmediate(resolve)),
    },
    validators: precompiledValidators(),
  };
}
