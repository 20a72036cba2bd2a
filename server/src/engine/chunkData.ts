import { ChunkResult, type ChunkData } from './chunkResult';
import { analyseChunk } from './fileAnalysis';
import type { ResourceAnalysis } from './rules/analyseResource';
import type { SchemaRegistry } from './schema/registry';
import { cacheDocumentFacts, documentFacts, type FileFacts } from './workspace/facts';

// Documents analysed in another thread: the worker turns each into plain data (structured-clonable:
// no syntax tree, schema entries by id) and the project turns the data back into released analyses,
// exactly as if it had analysed the documents itself and released their trees.

/**
 * What is kept of a newly analysed document: its facts for `uri` are taken (and cached with it), then its
 * syntax tree is released (features parse it again on demand), so memory holds trees only for documents in use.
 */
export function keepSummary(uri: string, r: ChunkResult): FileFacts {
  const facts = documentFacts(uri, r);
  r.release();
  return facts;
}

export function analyseToData(uri: string, text: string, registry: SchemaRegistry): ChunkData {
  const r = analyseChunk(text, registry);
  const facts = keepSummary(uri, r);
  return {
    text,
    problems: r.problems,
    analyses: r.summaries.map((a) => ({ identity: a.identity, ...(a.entry ? { entryId: a.entry.id } : {}), problems: a.problems, ...(a.relocations ? { relocations: a.relocations } : {}) })),
    symbols: r.symbols,
    facts,
    nodes: r.nodes,
  };
}

export function fromData(uri: string, data: ChunkData, registry: SchemaRegistry): ChunkResult {
  const analyses: ResourceAnalysis[] = data.analyses.map((a) => {
    const entry = a.entryId ? registry.entry(a.entryId) : undefined;
    return { identity: a.identity, ...(entry ? { entry } : {}), problems: a.problems, ...(a.relocations ? { relocations: a.relocations } : {}) };
  });
  const result = new ChunkResult(data.text, undefined, analyses, data.problems, data.symbols, data.nodes);
  cacheDocumentFacts(uri, result, data.facts);
  return result;
}
