// Analyses one file's text into what the Project keeps of it (analysis, facts, suppressions); a failure
// is confined to that file as one internal-error.
import { BUDGETS, formatCount, LIMIT_SEVERITY } from './budgets';
import { analyseFile, analyseFileSteps, type AnalyseOptions, type FileAnalysis } from './fileAnalysis';
import type { ChunkResult } from './chunkResult';
import { msg, type Message } from './l10n/message';
import type { SchemaRegistry } from './schema/registry';
import { parseSuppressions, type Suppressions } from './suppression';
import { emptyFacts, type FileFacts } from './workspace/facts';
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
  /** Keep only what diagnostics and the cross-file step read (see ProjectOptions.batch). */
  batch = false,
): Generator<void, FileEntry> {
  try {
    const analysis = yield* analyseFileSteps(uri, text, version, registry, options, previous, seeds);
    if (overBudget) analysis.problems = analysis.problems.map((p) => ({ ...p, severity: LIMIT_SEVERITY }));
    const facts = yield* extractFactsSteps(analysis);
    const suppressions = parseSuppressions(text);
    if (batch) return reportOnly(analysis, facts, suppressions);
    return { analysis, facts, signature: factsSignature(analysis), suppressions, starts: startsOf(analysis) };
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
    if (batch) return reportOnly(analysis, emptyFacts(uri), parseSuppressions(''));
    return {
      analysis,
      facts: emptyFacts(uri),
      signature: factsSignature(analysis),
      suppressions: parseSuppressions(''),
      starts: startsOf(analysis),
    };
  }
}

function startsOf(analysis: FileAnalysis): number[] {
  return analysis.chunks.map((c) => c.start);
}

/**
 * The entry without its documents: the file's problems (absolute offsets), its text for positions,
 * its facts and suppressions. The documents' results (outline, per-resource analyses, their own copies
 * of problems and facts) are most of what a file costs once analysed, and only editing features read them.
 */
function reportOnly(analysis: FileAnalysis, facts: FileFacts, suppressions: Suppressions): FileEntry {
  return { analysis: { ...analysis, chunks: [] }, facts, suppressions, starts: startsOf(analysis) };
}
