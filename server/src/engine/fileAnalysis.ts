import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUDGETS, capRawProblems, formatCount, limitProblem } from './budgets';
import { documents, type Chunk } from './parse/chunks';
import { findTemplateMarker, PLACEHOLDER_NOTICE } from './parse/templates';
import { msg, type Message } from './l10n/message';
import { ChunkResult, type ChunkParts, type DocumentText, type ParsedTrees } from './chunkResult';
import { documentOutline } from './parse/outline';
import { parseChunk, type Resource } from './parse/parsedChunk';
import { analyseResource, type ResourceAnalysis } from './rules/analyseResource';
import type { SchemaRegistry } from './schema/registry';
import type { RawProblem } from './types';
import { ownText } from './util/ownText';
import { drain } from './util/steps';
import { emptyFacts } from './workspace/facts';
import { documentFacts } from './workspace/extractFacts';

// One file, analysed per YAML document: each document's parse and single-document problems are
// cached by the document's text, so an edit re-parses and re-validates only the documents it touched.

export { ChunkResult };

export interface PlacedChunk {
  start: number;
  result: ChunkResult;
}

export interface AnalysedResource {
  resource: Resource;
  analysis: ResourceAnalysis;
  /** Offset of the chunk in the file: resource node ranges are relative to it. */
  offset: number;
}

export interface FileAnalysis {
  uri: string;
  version: number;
  doc: TextDocument;
  chunks: PlacedChunk[];
  /** Why the file was not analysed (templated, binary, too large); then chunks is empty. */
  skipped?: Message;
  /** Single-file problems with absolute offsets. */
  problems: RawProblem[];
}

export interface AnalyseOptions {
  maxFileSize: number;
  /** The caller knows the file is a template (e.g. it sits in a Helm chart's templates/). */
  template?: boolean;
  /** The caller already knows the file cannot be analysed (read as binary, too large, not UTF-8). */
  skip?: Message;
  /**
   * The text was decoded from UTF-8 strictly (the CLI and the server's disk reads): a U+FFFD in it is a
   * real character, not the trace of a lenient decoder, so the not-UTF-8 heuristic does not apply.
   */
  strictUtf8?: boolean;
  /**
   * The project's parsed documents: with them, each newly analysed document releases its tree once its
   * facts and outline are taken, and trees parsed again on demand are kept there, least recently used
   * first out. Without them (one-off analyses) documents keep their trees.
   */
  trees?: ParsedTrees;
  /**
   * Only the problems and facts will be kept (a batch run: see ProjectOptions.batch): no outline is
   * built, and each document's facts are read at the lines where it starts in the file.
   */
  batch?: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export function skipReason(text: string, opts: AnalyseOptions): Message | undefined {
  if (opts.skip) return opts.skip;
  if (text.length > opts.maxFileSize) {
    return msg('This file is {size} MiB, above the {limit} MiB limit (setting tsb.maxFileSize); it is not analysed.', {
      size: (text.length / 1048576).toFixed(1),
      limit: (opts.maxFileSize / 1048576).toFixed(0),
    });
  }
  if (text.includes('\u0000')) return NOT_TEXT;
  if (!opts.strictUtf8 && text.includes('\uFFFD') && (text.match(/\uFFFD/g)?.length ?? 0) > 8) return NOT_UTF8;
  if (opts.template) return msg('This file is a Helm chart template; render it (helm template) to check the result.');
  return undefined;
}

/** Shared with the readers of files (the CLI, the server's disk reads): the same words for the same cause. */
export const NOT_TEXT = msg('This file holds binary data (NUL bytes); it is not analysed.');
export const NOT_UTF8 = msg('This file is not valid UTF-8 text; it is not analysed.');

const TEMPLATE_NOT_YAML = msg(
  'This file contains template expressions ({{ … }}, %{ … }, ${ … }) and is not YAML as written, so it is not analysed. Check the rendered output instead.',
);

function skipped(uri: string, version: number, doc: TextDocument, text: string, reason: Message): FileAnalysis {
  const nl = text.indexOf('\n');
  return {
    uri,
    version,
    doc,
    chunks: [],
    skipped: reason,
    problems: [
      { rule: 'file-skipped', message: reason, start: 0, end: Math.min(nl === -1 ? text.length : nl, 200) || 0 },
    ],
  };
}

export function analyseFile(
  uri: string,
  text: string,
  version: number,
  registry: SchemaRegistry,
  opts: AnalyseOptions,
  previous?: FileAnalysis,
): FileAnalysis {
  return drain(analyseFileSteps(uri, text, version, registry, opts, previous));
}

/**
 * The same analysis as a generator that yields after each document, so that the language server can
 * answer other requests between slices of a huge file (a 300k-line file takes seconds).
 */
export function* analyseFileSteps(
  uri: string,
  text: string,
  version: number,
  registry: SchemaRegistry,
  opts: AnalyseOptions,
  previous?: FileAnalysis,
  /** Documents already analysed elsewhere (worker threads), by text. */
  seeds?: ReadonlyMap<string, ChunkResult>,
): Generator<void, FileAnalysis> {
  const doc = TextDocument.create(uri, 'yaml', version, text);
  const reason = skipReason(text, opts);
  if (reason) return skipped(uri, version, doc, text, reason);
  const reuse = new Map<string, ChunkResult>();
  for (const c of previous?.chunks ?? []) reuse.set(c.result.text, c.result);
  for (const [t, r] of seeds ?? []) reuse.set(t, r);
  const chunks: PlacedChunk[] = [];
  const problems: RawProblem[] = [];
  let n = 0;
  const budget = fileBudget();
  let noticed = false;
  for (const c of documents(parseTextOf(text))) {
    const over = budget.before(c);
    if (over) {
      problems.push(over);
      break;
    }
    let result = reuse.get(c.text);
    if (!result) {
      // Facts are read at the line the document starts on, so the file keeps them as they are (no moved copy).
      result = analyseChunk(uri, c.text, registry, opts.trees, {
        line: c.start === 0 ? 0 : doc.positionAt(c.start).line,
        outline: !opts.batch,
      });
      if (opts.trees) result.release();
      reuse.set(c.text, result);
      yield;
    } else {
      // A document the workers analysed for the file's first analysis reads its text from the file's
      // (the same characters, kept by the file anyway) rather than keeping the copy the workers sent
      // back. Only the first: a later text would stay held by documents that outlive it.
      if (!previous && seeds?.get(c.text) === result) result.shareText(c.text);
      if (++n % 256 === 0) yield; // reused documents are cheap, but a file can hold tens of thousands
    }
    chunks.push({ start: c.start, result });
    budget.after(result);
    for (const p of result.problems) {
      // The placeholder notice is said once per file.
      if (p.rule === 'file-skipped' && p.message.key === PLACEHOLDER_NOTICE.key) {
        if (noticed) continue;
        noticed = true;
      }
      problems.push({
        ...p,
        start: p.start + c.start,
        end: p.end + c.start,
        ...(p.relatedAt
          ? { relatedAt: p.relatedAt.map((r) => ({ ...r, start: r.start + c.start, end: r.end + c.start })) }
          : {}),
      });
    }
  }
  // Template expressions are fine inside values; a file they make unreadable as YAML (Helm control
  // structures, `{{ include }}` blocks) is skipped rather than drowned in syntax errors.
  if (problems.some((p) => p.rule === 'yaml-syntax' && p.severity !== 'warning') && findTemplateMarker(text) !== -1) {
    return skipped(uri, version, doc, text, TEMPLATE_NOT_YAML);
  }
  return { uri, version, doc, chunks, problems };
}

/**
 * The per-file budgets on documents and on YAML nodes (aliases expanded): once one is spent, the rest
 * of the file is not analysed and one notice, at the first document left out, says so.
 */
function fileBudget(): { before(c: Chunk): RawProblem | undefined; after(r: ChunkResult): void } {
  let docs = 0;
  let nodes = 0;
  const lineEnd = (c: Chunk) => c.start + Math.max(1, c.text.search(/\r?\n|$/));
  return {
    before(c) {
      if (++docs > BUDGETS.documentsPerFile) {
        return limitProblem(
          msg(
            'This file has more than {count} YAML documents; this one and the rest are not checked (a limit that keeps time and memory bounded).',
            { count: formatCount(BUDGETS.documentsPerFile) },
          ),
          c.start,
          lineEnd(c),
        );
      }
      if (nodes > BUDGETS.nodesPerFile) {
        return limitProblem(
          msg(
            'The documents above hold more than {count} YAML nodes (aliases expanded); this one and the rest are not checked (a limit that keeps time and memory bounded).',
            { count: formatCount(BUDGETS.nodesPerFile) },
          ),
          c.start,
          lineEnd(c),
        );
      }
      return undefined;
    },
    after(r) {
      nodes += r.nodes;
    },
  };
}

/** The texts of the documents of `text` that `previous` cannot supply (what is left to analyse), or none if the file is skipped. */
export function documentsToAnalyse(text: string, opts: AnalyseOptions, previous?: FileAnalysis): DocumentText[] {
  if (skipReason(text, opts)) return [];
  const known = new Set((previous?.chunks ?? []).map((c) => c.result.text));
  const out = new Map<string, number>();
  // Lines counted as the file's analysis counts them (parseTextOf keeps every offset).
  const lines = TextDocument.create('', 'yaml', 0, text);
  let docs = 0;
  for (const c of documents(parseTextOf(text))) {
    if (++docs > BUDGETS.documentsPerFile) break;
    if (!known.has(c.text) && !out.has(c.text)) out.set(c.text, lines.positionAt(c.start).line);
  }
  return [...out].map(([text, line]) => ({ text, line }));
}

/**
 * A lone CR is a line break for YAML 1.2 and for positions (TextDocument), but not for the yaml
 * package: turn it into LF for parsing. Same length, so every offset stays valid.
 */
function parseTextOf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * Only the document around `offset`, analysed (or reused from `previous`) as a one-document file:
 * enough for hover and completion at that offset while the whole file is still being analysed.
 */
export function analyseDocumentAt(
  uri: string,
  doc: TextDocument,
  offset: number,
  registry: SchemaRegistry,
  opts: AnalyseOptions,
  previous?: FileAnalysis,
): FileAnalysis {
  const text = doc.getText();
  const skipped = skipReason(text, opts);
  if (skipped) return { uri, version: doc.version, doc, chunks: [], skipped, problems: [] };
  let found: { start: number; text: string } | undefined;
  for (const c of documents(parseTextOf(text))) {
    if (c.start > offset) break;
    found = c;
  }
  if (!found) return { uri, version: doc.version, doc, chunks: [], problems: [] };
  const same = previous?.chunks.find((c) => c.start === found!.start && c.result.text === found!.text);
  const result = same?.result ?? analyseChunk(uri, found.text, registry, opts.trees);
  return { uri, version: doc.version, doc, chunks: [{ start: found.start, result }], problems: [] };
}

/**
 * One document analysed for the file `uri`: problems, outline and facts (its tree kept until released).
 * `at.line`: read the facts there (where the document starts in its file); `at.outline` false: no
 * outline (a batch run).
 */
export function analyseChunk(
  uri: string,
  text: string,
  registry: SchemaRegistry,
  trees?: ParsedTrees,
  at: { line?: number; outline?: boolean } = {},
): ChunkResult {
  // Not a view into the file's text: the analysis may be kept after the file's text is replaced.
  text = ownText(text);
  let parts: Omit<ChunkParts, 'uri' | 'facts'>;
  try {
    parts = analyseParsedChunk(text, registry, at.outline ?? true);
  } catch (err) {
    // Whatever went wrong stays in this document: the file's other documents, other files and the scan go on.
    return new ChunkResult(
      {
        text,
        parsed: undefined,
        analyses: [],
        problems: [internalError(err, 0)],
        symbols: [],
        uri,
        facts: emptyFacts(uri),
      },
      trees,
    );
  }
  // Outside the guard above: a failure here is the file's (reported once, on the file, by the project).
  const line = at.line ?? 0;
  const facts = documentFacts(uri, text, parts.parsed!.resources, parts.analyses, line);
  return new ChunkResult({ ...parts, uri, facts, factsLine: line }, trees);
}

function internalError(err: unknown, at: number): RawProblem {
  return {
    rule: 'internal-error',
    message: msg(
      'Checking this document failed unexpectedly ({error}); please report it. Other documents are unaffected.',
      {
        error: String((err as Error)?.message ?? err)
          .split('\n')[0]!
          .slice(0, 160),
      },
    ),
    start: at,
    end: at + 1,
  };
}

function analyseParsedChunk(
  text: string,
  registry: SchemaRegistry,
  outline: boolean,
): Omit<ChunkParts, 'uri' | 'facts'> {
  const parsed = parseChunk(text);
  const problems: RawProblem[] = [...parsed.syntax];
  const analyses: ResourceAnalysis[] = [];
  // A document that does not parse is reported by its syntax errors alone: schema findings on a
  // half-read tree would be noise (the parser's recovery guesses). Warnings do not count.
  const broken = parsed.syntax.some((p) => p.rule === 'yaml-syntax' && p.severity !== 'warning');
  for (const res of parsed.resources) {
    if (broken) {
      analyses.push({ identity: { group: '', family: 'other' }, problems: [] });
      continue;
    }
    try {
      const a = analyseResource(res, text, registry);
      analyses.push(a);
      for (const p of a.problems) problems.push(p);
    } catch (err) {
      analyses.push({ identity: { group: '', family: 'other' }, problems: [] });
      problems.push(internalError(err, res.node.range?.[0] ?? 0));
    }
  }
  // Past the budget, the problems listed are the first ones in the document.
  const kept =
    problems.length > BUDGETS.problemsPerDocument
      ? capRawProblems(
          problems.sort((a, b) => a.start - b.start),
          BUDGETS.problemsPerDocument,
        )
      : problems;
  return {
    text,
    parsed,
    analyses,
    problems: kept,
    ...(outline ? { symbols: documentOutline(parsed, analyses) } : {}),
    nodes: parsed.nodes,
  };
}
