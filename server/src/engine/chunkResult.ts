import { identify, type Identity } from './parse/identify';
import type { FileFacts } from './workspace/facts';
import { parseChunk, type ParsedChunk } from './parse/parsedChunk';
import type { ResourceAnalysis } from './rules/analyseResource';
import type { RawProblem } from './types';
import type { Relocation } from './rules/fieldWalk';

// One YAML document's analysis. Its syntax tree is most of the server's memory (two thirds of the heap
// on a 10,000-document workspace) but only hover, completion and navigation in that document need it:
// once the document is analysed and its facts and outline taken, the tree is released, and parsed again
// on demand (the few documents in use stay parsed, least recently used first out).

/** An outline entry, with offsets relative to the document (positions are computed when asked). */
export interface ChunkSymbol {
  name: string;
  detail: string;
  kind: number;
  start: number;
  end: number;
  selStart: number;
  selEnd: number;
  children?: ChunkSymbol[];
}

/** A document's analysis as plain data: what a worker thread sends back (no syntax tree, no schema objects). */
export interface ChunkData {
  text: string;
  problems: RawProblem[];
  analyses: { identity: Identity; entryId?: string; problems: RawProblem[]; relocations?: Relocation[] }[];
  symbols: ChunkSymbol[];
  /** Facts for the file it was analysed for, lines relative to the document. */
  facts: FileFacts;
  /** YAML nodes of the document, aliases expanded (what the per-file node budget counts). */
  nodes: number;
}

/** Documents kept parsed after use: a hover or completion session touches one or two. */
const WARM_LIMIT = 64;
const warm = new Set<ChunkResult>();

export class ChunkResult {
  private tree: ParsedChunk | undefined;
  private resourceAnalyses: ResourceAnalysis[];

  constructor(
    /** The document's text (the cache key when a file is re-analysed). */
    readonly text: string,
    /** undefined: created released (from a worker thread's results). */
    parsed: ParsedChunk | undefined,
    analyses: ResourceAnalysis[],
    /** Problems with offsets relative to the chunk. */
    readonly problems: RawProblem[],
    readonly symbols: ChunkSymbol[],
    /** YAML nodes of the document, aliases expanded. */
    readonly nodes = 0,
  ) {
    this.tree = parsed;
    this.resourceAnalyses = analyses;
  }

  /** The syntax tree and resources, parsed again if they were released. */
  get parsed(): ParsedChunk {
    let tree = this.tree;
    if (!tree) {
      tree = parseChunk(this.text);
      this.tree = tree;
      // Identities point at their apiVersion/kind keys: take those from the new tree.
      this.resourceAnalyses = this.resourceAnalyses.map((a, i) => {
        const node = tree!.resources[i]?.node;
        if (!node) return a;
        const id = identify(node);
        return { ...a, identity: { ...a.identity, ...(id.apiVersionPair ? { apiVersionPair: id.apiVersionPair } : {}), ...(id.kindPair ? { kindPair: id.kindPair } : {}) } };
      });
      warm.add(this);
      if (warm.size > WARM_LIMIT) warm.values().next().value!.release();
    } else if (warm.has(this)) {
      warm.delete(this);
      warm.add(this);
    }
    return tree;
  }

  /** Per resource: identity, schema entry and problems (identities hold tree nodes while parsed). */
  get analyses(): ResourceAnalysis[] {
    if (!this.tree) void this.parsed;
    return this.resourceAnalyses;
  }

  /** Identities, entries and problems as they are, without parsing (identities lack tree nodes when released). */
  get summaries(): ResourceAnalysis[] {
    return this.resourceAnalyses;
  }

  /** Whether the syntax tree is in memory now. */
  get isParsed(): boolean {
    return this.tree !== undefined;
  }

  /** Frees the tree (and the identities' references into it); `parsed` brings it back. */
  release(): void {
    if (!this.tree) return;
    this.tree = undefined;
    warm.delete(this);
    this.resourceAnalyses = this.resourceAnalyses.map((a) => {
      const { apiVersionPair: _v, kindPair: _k, ...identity } = a.identity;
      return { ...a, identity };
    });
  }
}
