// Analyses one file's text into what the Project keeps of it (analysis, facts, suppressions); a failure
// is confined to that file as one internal-error.
import { BUDGETS, formatCount, LIMIT_SEVERITY } from './budgets';
import { analyseFile, analyseFileSteps, type AnalyseOptions, type FileAnalysis } from './fileAnalysis';
import type { ChunkResult } from './chunkResult';
import { msg, type Message } from './l10n/message';
import type { SchemaRegistry } from './schema/registry';
import { parseSuppressions } from './suppression';
import { emptyFacts } from './workspace/facts';
import { extractFactsSteps, factsSignature } from './fileFacts';
import type { FileEntry } from './projectTypes';

/** Why a file is not analysed once the project holds its budget of documents. */
export function overBudgetSkip(): Message {
  return msg(
    'The project already holds more than {count} YAML documents; this file is not analysed (a limit that keeps time and memory bounded).',
    { count: formatCount(BUDGETS.documentsPerProject) },
  );
}

/** A file's entry, in steps (yields between documents); over budget, its problems get the limit severity. */
export function* analyseEntrySteps(
  uri: string,
  text: string,
  version: number,
  registry: SchemaRegistry,
  options: AnalyseOptions,
  previous: FileAnalysis | undefined,
  seeds: ReadonlyMap<string, ChunkResult> | undefined,
  overBudget: boolean,
): Generator<void, FileEntry> {
  try {
    const analysis = yield* analyseFileSteps(uri, text, version, registry, options, previous, seeds);
    if (overBudget) analysis.problems = analysis.problems.map((p) => ({ ...p, severity: LIMIT_SEVERITY }));
    const facts = yield* extractFactsSteps(analysis);
    return { analysis, facts, signature: factsSignature(analysis), suppressions: parseSuppressions(text) };
  } catch (err) {
    // Whatever failed stays in this file: it gets one internal-error, other files and the scan go on.
    const analysis = analyseFile(uri, text, version, registry, {
      ...options,
      skip: msg('Checking this file failed unexpectedly ({error}); please report it. Other files are unaffected.', {
        error: String((err as Error)?.message ?? err)
          .split('\n')[0]!
          .slice(0, 160),
      }),
    });
    analysis.problems = analysis.problems.map((p) => ({ ...p, rule: 'internal-error' }));
    return {
      analysis,
      facts: emptyFacts(uri),
      signature: factsSignature(analysis),
      suppressions: parseSuppressions(''),
    };
  }
}
