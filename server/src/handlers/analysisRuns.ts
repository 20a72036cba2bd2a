// Where a file's analysis runs: many new documents in worker threads when the runtime has them, the rest
// here in time slices that let requests, notifications and editors' text in between.
import type { ChunkResult, Project, UpdateOptions } from '../engine/index';
import type { RuntimeEnvironment } from '../runtime';
import { type EditorFirst, runInSlices, type Priority } from './slices';

/** Fewer new documents than this are analysed in-thread (a message to a worker costs more than they do). */
const WORKER_MIN_DOCUMENTS = 8;

/**
 * Many new documents (opening a large file) and every file of a large workspace scan are analysed in
 * worker threads when the runtime has them; an edit of a document or two is quicker here, and so is a
 * small workspace (starting the workers would cost more than its files).
 */
export async function analyseInWorkers(
  project: Project,
  runtime: RuntimeEnvironment,
  uri: string,
  text: string,
  opts: UpdateOptions,
  priority: Priority,
  bulk = false,
): Promise<Map<string, ChunkResult> | undefined> {
  if (!runtime.analyseDocuments) return undefined;
  const texts = project.documentsToAnalyse(uri, text, opts);
  // A bulk of background work (the scan of a large workspace) goes to the workers whatever the size of
  // each file: the main thread stays free for requests, and its own garbage stays small.
  if (!texts.length || ((priority.high || !bulk) && texts.length < WORKER_MIN_DOCUMENTS)) return undefined;
  const data = await runtime.analyseDocuments(uri, texts, priority);
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
