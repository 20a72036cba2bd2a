import type { ChunkResult, FileAnalysis } from './fileAnalysis';
import {
  emptyFacts,
  FACT_LISTS,
  shiftLines,
  withSharedEmpties,
  type FileFacts,
  type TsbObjectFact,
} from './workspace/facts';
import { documentFacts } from './workspace/extractFacts';

// A file's facts are its documents' facts (taken when each document is analysed), moved to the line
// each document starts at: an edit re-extracts only the documents it touched; the others are shifted.

/** A document's facts for the file `uri` (read again only if it was analysed for another file). */
function factsOf(uri: string, result: ChunkResult): FileFacts {
  return result.uri === uri ? result.facts : documentFacts(uri, result.text, result.parsed.resources, result.analyses);
}

/** A file's facts from its documents' facts, shifted to their lines; a generator that yields now and then (see analyseFileSteps). */
export function* extractFactsSteps(file: FileAnalysis): Generator<void, FileFacts> {
  // One document (most files): its facts are the file's, not copied.
  if (file.chunks.length === 1) return withSharedEmpties(yield* factsAtItsLine(file, file.chunks[0]!, 1));
  const facts = emptyFacts(file.uri);
  let n = 0;
  for (const chunk of file.chunks) {
    const part = yield* factsAtItsLine(file, chunk, ++n);
    for (const k of FACT_LISTS) {
      for (const x of part[k]) (facts[k] as unknown[]).push(x);
    }
    if (part.kustomizeNamespace) facts.kustomizeNamespace = part.kustomizeNamespace;
  }
  return withSharedEmpties(facts);
}

/** The facts of the file's `n`-th document, at the line it starts on. */
function* factsAtItsLine(
  file: FileAnalysis,
  chunk: FileAnalysis['chunks'][number],
  n: number,
): Generator<void, FileFacts> {
  const delta = chunk.start === 0 ? 0 : file.doc.positionAt(chunk.start).line;
  if (chunk.result.uri !== file.uri) {
    const part = factsOf(file.uri, chunk.result);
    yield;
    return delta !== 0 ? shiftLines(part, delta) : part;
  }
  if (n % 256 === 0) yield;
  // The shifted copy is kept by the document: an edit that adds no line leaves every other
  // document's copy valid (and identical, which makes comparing the file's facts cheap).
  return chunk.result.factsAt(delta);
}

export interface FactsSignature {
  parts: { facts: FileFacts; line: number }[];
}

/** Per-document facts and their start lines: comparing two signatures is cheap when few documents changed. */
export function factsSignature(file: FileAnalysis): FactsSignature {
  return {
    parts: file.chunks.map((c) => ({
      facts: factsOf(file.uri, c.result),
      line: c.start === 0 ? 0 : file.doc.positionAt(c.start).line,
    })),
  };
}

/**
 * How a file's facts changed between two signatures: not at all, in the spec hashes of TSB objects only
 * (an edit inside a spec that changes nothing else the cross-file steps read: a displayName, a
 * description, a route's timeout), or otherwise.
 */
export function factsChange(a: FactsSignature, b: FactsSignature): 'none' | 'specs' | 'other' {
  if (a.parts.length !== b.parts.length) return 'other';
  let change: 'none' | 'specs' = 'none';
  for (let i = 0; i < a.parts.length; i++) {
    const x = a.parts[i]!;
    const y = b.parts[i]!;
    if (x.line !== y.line) return 'other';
    if (x.facts === y.facts) continue;
    const before = JSON.stringify(x.facts);
    const after = JSON.stringify(y.facts);
    if (before === after) continue;
    if (JSON.stringify(withoutSpecs(x.facts)) !== JSON.stringify(withoutSpecs(y.facts))) return 'other';
    change = 'specs';
  }
  return change;
}

function withoutSpecs(f: FileFacts): FileFacts {
  return { ...f, tsb: f.tsb.map(({ specHash: _, ...rest }) => rest as TsbObjectFact) };
}
