import { identify, type Identity } from './parse/identify';
import { documentOutline, type ChunkSymbol } from './parse/outline';
import { parseChunk, type ParsedChunk } from './parse/parsedChunk';
import type { ResourceAnalysis } from './rules/analyseResource';
import type { Relocation } from './rules/fieldPaths';
import type { RawProblem } from './types';
import { shiftLines, withSharedEmpties, type FileFacts } from './workspace/facts';

// One YAML document's analysis. Its syntax tree is most of the server's memory (two thirds of the heap
// on a 10,000-document workspace) but only hover, completion and navigation in that document need it:
// once the document is analysed and its facts and outline taken, the tree is released, and parsed again
// on demand (the few documents in use stay parsed, least recently used first out, in their project's
// ParsedTrees).

export type { ChunkSymbol };

/** A document of a file to analyse, and the line of the file it starts on. */
export interface DocumentText {
  text: string;
  line: number;
}

/** A document's analysis as plain data: what a worker thread sends back (no syntax tree, no schema objects). */
export interface ChunkData {
  text: string;
  problems: RawProblem[];
  analyses: { identity: Identity; entryId?: string; problems: RawProblem[]; relocations?: Relocation[] }[];
  /** Absent: taken from the tree when first asked for (see ChunkResult.symbols). */
  symbols?: ChunkSymbol[];
  /** Facts for the file it was analysed for, lines counted from factsLine. */
  facts: FileFacts;
  /** The line of the file the document starts on, where its facts are read (absent: 0). */
  factsLine?: number;
  /** YAML nodes of the document, aliases expanded (what the per-file node budget counts). */
  nodes: number;
}

/** Documents kept parsed after use: a hover or completion session touches one or two. */
const WARM_LIMIT = 64;

/**
 * The documents of one project that are parsed again after release, most recently used last: past the
 * limit the oldest is released. Created with the project and dropped with it.
 */
export class ParsedTrees {
  private readonly warm = new Set<ChunkResult>();

  constructor(private readonly limit = WARM_LIMIT) {}

  /** `r` was just used: it moves to the end, and the oldest past the limit is released. */
  used(r: ChunkResult): void {
    this.warm.delete(r);
    this.warm.add(r);
    if (this.warm.size > this.limit) this.warm.values().next().value!.release();
  }

  forget(r: ChunkResult): void {
    this.warm.delete(r);
  }
}

export interface ChunkParts {
  /** The document's text (the cache key when a file is re-analysed). */
  text: string;
  /** undefined: created released (from a worker thread's results). */
  parsed: ParsedChunk | undefined;
  analyses: ResourceAnalysis[];
  /** Problems with offsets relative to the chunk. */
  problems: RawProblem[];
  /** Absent: taken from the tree when first asked for (see ChunkResult.symbols). */
  symbols?: ChunkSymbol[];
  /** YAML nodes of the document, aliases expanded. */
  nodes?: number;
  /** The file the facts were read for (a kustomization.yaml reads differently), and the facts. */
  uri: string;
  facts: FileFacts;
  /** The line the facts' lines count from (0: the document's first line; else where it was placed in its file). */
  factsLine?: number;
}

export class ChunkResult {
  private textValue: string;
  readonly problems: RawProblem[];
  readonly nodes: number;
  /** The file `facts` were read for. */
  readonly uri: string;
  /** What the document defines and references, lines relative to the document (see factsLine). */
  readonly facts: FileFacts;
  /** 0, or the line of the file `facts` were read at (a batch analysis reads them where they end up). */
  readonly factsLine: number;
  private tree: ParsedChunk | undefined;
  private resourceAnalyses: ResourceAnalysis[];
  private outline: ChunkSymbol[] | undefined;
  /** The facts moved to where the document starts in its file (kept: most edits move no other document). */
  private shifted: { delta: number; facts: FileFacts } | undefined;

  constructor(
    parts: ChunkParts,
    private readonly trees?: ParsedTrees,
  ) {
    this.textValue = parts.text;
    this.tree = parts.parsed;
    this.resourceAnalyses = parts.analyses;
    this.problems = parts.problems;
    this.outline = parts.symbols;
    this.nodes = parts.nodes ?? 0;
    this.uri = parts.uri;
    this.facts = withSharedEmpties(parts.facts);
    this.factsLine = parts.factsLine ?? 0;
  }

  /** The document's text (the cache key when a file is re-analysed). */
  get text(): string {
    return this.textValue;
  }

  /** Reads the text from `same` (equal characters, held elsewhere anyway) instead of its own copy. */
  shareText(same: string): void {
    if (same === this.textValue) this.textValue = same;
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
        return {
          ...a,
          identity: {
            ...a.identity,
            ...(id.apiVersionPair ? { apiVersionPair: id.apiVersionPair } : {}),
            ...(id.kindPair ? { kindPair: id.kindPair } : {}),
          },
        };
      });
      this.trees?.used(this);
    } else if (this.trees) {
      this.trees.used(this);
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

  /**
   * The document's outline. Documents that worker threads analysed for the workspace scan (but those of
   * files with many documents) take it only when an editor asks, parsing the document again if it was
   * released: a workspace keeps every document's analysis, outlines were a sixth of it, and most
   * scanned files are never opened.
   */
  get symbols(): ChunkSymbol[] {
    this.outline ??= documentOutline(this.parsed, this.resourceAnalyses);
    return this.outline;
  }

  /** Whether the outline is taken already (asking for it may parse the document). */
  get hasOutline(): boolean {
    return this.outline !== undefined;
  }

  /** Whether the syntax tree is in memory now. */
  get isParsed(): boolean {
    return this.tree !== undefined;
  }

  /** The facts with lines moved down by `delta` (where the document starts in its file). */
  factsAt(delta: number): FileFacts {
    if (delta === this.factsLine) return this.facts;
    if (this.shifted?.delta !== delta) this.shifted = { delta, facts: shiftLines(this.facts, delta - this.factsLine) };
    return this.shifted.facts;
  }

  /** Frees the tree (and the identities' references into it); `parsed` brings it back. */
  release(): void {
    if (!this.tree) return;
    this.tree = undefined;
    this.trees?.forget(this);
    this.resourceAnalyses = this.resourceAnalyses.map((a) => {
      const { apiVersionPair: _v, kindPair: _k, ...identity } = a.identity;
      return { ...a, identity };
    });
  }
}
