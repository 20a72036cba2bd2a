// Where a file's analysis runs: the scan of a large workspace in worker threads when the runtime has
// them; everything else (the files editors show, small workspaces) here, in time slices that let
// requests, notifications and editors' text in between.
import type { ChunkResult, Project, UpdateOptions } from '../engine/index';
import type { RuntimeEnvironment } from '../runtime';
import { type EditorFirst, runInSlices, type Priority } from './slices';

/**
 * Every file of a large workspace scan (`bulk`) goes to the worker threads whatever its size, so that
 * the main thread stays free for requests and its own garbage stays small. A file an editor shows is
 * analysed here: this thread's code is warm (it analyses every edit) where a worker's starts cold, and
 * on two cores this thread alone opened a 1,000-document file in about half the time the workers took
 * (5,000 documents: 0.8×), the workers slowing it down even when they only took a share.
 */
export async function analyseInWorkers(
  project: Project,
  runtime: RuntimeEnvironment,
  uri: string,
  text: string,
  opts: UpdateOptions,
  priority: Priority,
  bulk: boolean,
): Promise<Map<string, ChunkResult> | undefined> {
  if (!runtime.analyseDocuments || !bulk || priority.high) return undefined;
  const docs = project.documentsToAnalyse(uri, text, opts);
  if (!docs.length) return undefined;
  const data = await runtime.analyseDocuments(uri, docs, priority);
  return data ? project.adopt(uri, data) : undefined;
}

/**
 * Runs an analysis in slices of about SLICE_MS, letting requests and notifications in between;
 * background work (the scan) also waits while an editor's text is analysed.
 */
export async function analyseInSlices<T>(
  runtime: RuntimeEnvironment,
  editors: EditorFirst,
  steps: Generator<void, T>,
  priority: Priority,
): Promise<T> {
  // Never stopped, so it always ends with the generator's result.
  return (await runInSlices(runtime, steps, {
    between: () => editors.wait(priority),
    background: !priority.high,
  })) as T;
}
