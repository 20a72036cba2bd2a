// The Node implementation of the server's runtime: the CLI's scan helpers (walking folders
// asynchronously), fs reads, Node timers, worker threads for analysis.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { DocumentText } from '../engine/index';
import type { FoundYaml, RuntimeEnvironment } from '../runtime';
import { createAnalysisPool } from './analysisPool';
import { findYamlFilesAsync, readTextAsync } from './scan';
import { Turns } from './turns';
import { precompiledValidators } from './validators';

function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

export function createNodeRuntime(): RuntimeEnvironment {
  const pool = createAnalysisPool();
  const turns = new Turns();
  return {
    ...(pool
      ? {
          analyseDocuments: (uri: string, docs: DocumentText[], priority?: { high: boolean }) =>
            pool.available ? pool.analyse(uri, docs, priority).catch(() => undefined) : Promise.resolve(undefined),
          dispose: () => pool.dispose(),
        }
      : {}),
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
        await readdir(dir);
      } catch {
        return [];
      }
      // Folder by folder without blocking: requests are answered while a large repository is listed
      // (turning thousands of paths into URIs takes a while too).
      const found: FoundYaml[] = [];
      for (const f of await findYamlFilesAsync([dir], true)) {
        if (found.length % 256 === 255) await turns.yield();
        found.push({ uri: pathToFileURL(f.path).href, template: f.template, ...(f.source ? { source: true } : {}) });
      }
      return found;
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
      yield: () => turns.yield(),
    },
    clock: { now: () => performance.now() },
    validators: precompiledValidators(),
  };
}
