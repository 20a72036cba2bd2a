import { ChunkResult, type ChunkData, type ParsedTrees } from './chunkResult';
import { analyseChunk } from './fileAnalysis';
import type { ResourceAnalysis } from './rules/analyseResource';
import type { SchemaRegistry } from './schema/registry';

// Documents analysed in another thread: the worker turns each into plain data (structured-clonable:
// no syntax tree, schema entries by id) and the project turns the data back into released analyses,
// exactly as if it had analysed the documents itself and released their trees.

/**
 * `line`: where the document starts in its file. Its facts are read there, so that the file's facts
 * are these very objects rather than a copy moved down (half the facts' memory in a large workspace).
 */
export function analyseToData(
  uri: string,
  text: string,
  registry: SchemaRegistry,
  line = 0,
  /** Without it, the receiving thread takes the outline from the text if an editor asks for it. */
  outline = false,
): ChunkData {
  const r = analyseChunk(uri, text, registry, undefined, { line, outline });
  r.release();
  return {
    text,
    problems: r.problems,
    analyses: r.summaries.map((a) => ({
      identity: a.identity,
      ...(a.entry ? { entryId: a.entry.id } : {}),
      problems: a.problems,
      ...(a.relocations ? { relocations: a.relocations } : {}),
    })),
    ...(outline ? { symbols: r.symbols } : {}),
    facts: r.facts,
    ...(line ? { factsLine: line } : {}),
    nodes: r.nodes,
  };
}

export function fromData(uri: string, data: ChunkData, registry: SchemaRegistry, trees?: ParsedTrees): ChunkResult {
  const analyses: ResourceAnalysis[] = data.analyses.map((a) => {
    const entry = a.entryId ? registry.entry(a.entryId) : undefined;
    return {
      identity: a.identity,
      ...(entry ? { entry } : {}),
      problems: a.problems,
      ...(a.relocations ? { relocations: a.relocations } : {}),
    };
  });
  return new ChunkResult(
    {
      text: data.text,
      parsed: undefined,
      analyses,
      problems: data.problems,
      ...(data.symbols ? { symbols: data.symbols } : {}),
      nodes: data.nodes,
      uri,
      facts: data.facts,
      ...(data.factsLine ? { factsLine: data.factsLine } : {}),
    },
    trees,
  );
}
