import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SchemaEntry } from '../../../schemas/src/types';
import { BUDGETS } from './budgets';
import {
  analyseDocumentAt,
  documentsToAnalyse,
  DEFAULT_MAX_FILE_SIZE,
  type AnalyseOptions,
  type FileAnalysis,
} from './fileAnalysis';
import { ParsedTrees, type ChunkData, type ChunkResult, type DocumentText } from './chunkResult';
import { fromData } from './chunkData';
import type { FailoverModel } from './model/failoverTypes';
import type { RuleId, Severity } from './problems';
import { SchemaRegistry } from './schema/registry';
import { applyVersion } from './schema/versions';
import { isSuppressed } from './suppression';
import type { Problem } from './types';
import type { Message } from './l10n/message';
import { render } from './l10n/translate';
import { parseConfig, emptyConfig, type ProjectConfig, CONFIG_FILE } from './workspace/config';
import { offsetRange, refRange } from './range';
import { holdsText } from './sameText';
import { Derive, type Checked } from './derive';
import { capped, configProblems, extras, relatedOf } from './reportedProblems';
import type { FileFacts } from './workspace/facts';
import { factsChange } from './fileFacts';
import type { ResolvedProject } from './workspace/resolved';
import { sourceKind } from './units/sources';
import type { Deployment } from './deployment';
import { drain } from './util/steps';
import { withParentValues } from './parentCandidates';
import { analyseEntrySteps, overBudgetSkip } from './fileEntry';
import { ruleSeverity } from './ruleSeverity';
import { holdsTsbObjects } from './tsbPresence';
import type {
  DiagnosticsOptions,
  FileEntry,
  ModelOptions,
  Prepared,
  ProjectOptions,
  UpdateOptions,
} from './projectTypes';

// The project: every YAML file's analysis and facts, the tsb.config.yaml files, and the cross-file
// results derived from them. Pure: the CLI and the language server feed it text; it never reads files.
// Updating a file re-analyses only that file's changed documents; cross-file results are recomputed
// lazily from the per-file facts (cheap plain data) the next time someone asks.

export class Project {
  readonly registry: SchemaRegistry;
  private readonly files = new Map<string, FileEntry>();
  private readonly configs = new Map<string, ProjectConfig>();
  private configTexts = new Map<string, string>();
  /** root -> URI of the config file (tsb.config.yaml, or the file given with --config). */
  private configUris = new Map<string, string>();
  private generation = 0;
  private staleReadsWhen: () => boolean = () => false;
  /** Deploy scripts, Makefiles and READMEs: the text that says where YAML files are applied. */
  private readonly sources = new Map<string, string>();
  private uriGeneration = 0;
  private readonly batch: boolean; // ProjectOptions.batch, read when the project is created
  /** Documents analysed in all files together (the per-project budget). */
  private documents = 0;
  /** The documents parsed again after release (hover, completion), least recently used first out. */
  private readonly trees = new ParsedTrees();
  /** The cross-file results and what they keep between derives. */
  private readonly derive = new Derive({
    facts: () => this.sortedFiles().map(([, f]) => f.facts),
    configFor: (uri) => this.configFor(uri),
    config: (root) => this.configs.get(root),
    sources: this.sources,
    version: () => this.generation,
    fileSetVersion: () => this.uriGeneration,
  });

  constructor(
    catalog: readonly SchemaEntry[] | SchemaRegistry,
    private options: ProjectOptions = {},
  ) {
    this.registry = catalog instanceof SchemaRegistry ? catalog : new SchemaRegistry(catalog);
    this.batch = options.batch === true;
  }

  /** Increases whenever anything that cross-file results depend on changes. */
  get version(): number {
    return this.generation;
  }

  setOptions(options: ProjectOptions): void {
    this.options = options;
    this.invalidate();
  }

  /** Sets (or with undefined removes) the tsb.config.yaml of a folder. */
  setConfig(rootUri: string, text: string | undefined, configUri?: string): ProjectConfig {
    const root = rootUri.replace(/\/$/, '');
    if (text === undefined) {
      this.configs.delete(root);
      this.configTexts.delete(root);
      this.configUris.delete(root);
      this.invalidate();
      return emptyConfig(root);
    }
    if (this.configTexts.get(root) === text) return this.configs.get(root)!;
    const cfg = parseConfig(root, text);
    this.uriGeneration++;
    this.configUris.set(root, configUri ?? `${root}/${CONFIG_FILE}`);
    this.configs.set(root, cfg);
    this.configTexts.set(root, text);
    this.invalidate();
    return cfg;
  }

  /** Does this folder hold a tsb.config.yaml? */
  hasConfig(rootUri: string): boolean {
    return this.configs.has(rootUri.replace(/\/$/, ''));
  }

  /** The config governing a file: the deepest folder with a tsb.config.yaml above it. */
  configFor(uri: string): ProjectConfig | undefined {
    let best: ProjectConfig | undefined;
    for (const [root, cfg] of this.configs) {
      if (uri.startsWith(root + '/') && (!best || root.length > best.rootUri.length)) best = cfg;
    }
    return best;
  }

  isIgnored(uri: string): boolean {
    const cfg = this.configFor(uri);
    if (!cfg) return false;
    const rel = decodeURIComponent(uri.slice(cfg.rootUri.length + 1));
    return cfg.ignore.some((m) => m(rel));
  }

  update(uri: string, text: string, version = 0, opts: UpdateOptions = {}): FileAnalysis {
    return this.commit(drain(this.prepare(uri, text, version, opts)));
  }

  /**
   * Analyses a file's text without changing the project yet: a generator that yields between
   * documents (the language server runs it in time slices); `commit` then stores the result.
   */
  *prepare(
    uri: string,
    text: string,
    version = 0,
    opts: UpdateOptions = {},
    seeds?: ReadonlyMap<string, ChunkResult>,
  ): Generator<void, Prepared> {
    if (this.holds(uri, text, opts)) return { uri, text, version, same: true };
    const others = this.documents - (this.files.get(uri)?.starts.length ?? 0);
    const overBudget = others >= BUDGETS.documentsPerProject && !opts.skip;
    if (overBudget) opts = { ...opts, skip: overBudgetSkip() };
    const entry = yield* analyseEntrySteps(
      uri,
      text,
      version,
      this.registry,
      this.analyseOptions(opts),
      this.files.get(uri)?.analysis,
      seeds,
      overBudget,
      this.batch,
    );
    return { uri, text, version, entry };
  }

  commit(p: Prepared): FileAnalysis {
    const prev = this.files.get(p.uri);
    if (p.same || !p.entry) {
      if (prev && holdsText(prev.analysis.doc, p.text)) {
        // Same text (an editor opening a file the scan already read): adopt the version, keep the results.
        if (prev.analysis.version !== p.version)
          prev.analysis = {
            ...prev.analysis,
            version: p.version,
            doc: TextDocument.create(p.uri, 'yaml', p.version, p.text),
          };
        return prev.analysis;
      }
      // The file changed since `prepare` looked: analyse now.
      return this.update(p.uri, p.text, p.version);
    }
    if (!prev) this.uriGeneration++;
    this.files.set(p.uri, p.entry);
    this.documents += p.entry.starts.length - (prev?.starts.length ?? 0);
    // A CI pipeline is YAML and also says where files are applied (its shell steps).
    if (sourceKind(p.uri) === 'ci') this.setSource(p.uri, p.text);
    // Only duplicate-resource reads specs, and only of objects defined twice: an edit inside the spec
    // of objects defined once keeps every cross-file result (a keystroke in a 10,000-document
    // workspace need not derive it all again).
    const change = prev?.signature && p.entry.signature ? factsChange(prev.signature, p.entry.signature) : 'other';
    if (change === 'other' || (change === 'specs' && !this.derive.definedOnce(p.uri))) this.invalidate();
    return p.entry.analysis;
  }

  /** The documents of a new text that `prepare` would have to analyse (the rest are reused). */
  documentsToAnalyse(uri: string, text: string, opts: UpdateOptions = {}): DocumentText[] {
    return this.holds(uri, text, opts)
      ? []
      : documentsToAnalyse(text, this.analyseOptions(opts), this.files.get(uri)?.analysis);
  }

  /** The project already holds this text of the file (nothing to analyse, only a version to adopt). */
  private holds(uri: string, text: string, opts: UpdateOptions): boolean {
    return !opts.skip && holdsText(this.files.get(uri)?.analysis.doc, text);
  }

  /** Turns documents analysed in worker threads into seeds for `prepare`. */
  adopt(uri: string, data: readonly ChunkData[]): Map<string, ChunkResult> {
    return new Map(data.map((d) => [d.text, fromData(uri, d, this.registry, this.trees)]));
  }

  /** Hover and completion while a huge file is still being analysed: only the document at `offset`. */
  documentAt(uri: string, doc: TextDocument, offset: number, opts: UpdateOptions = {}): FileAnalysis {
    return analyseDocumentAt(uri, doc, offset, this.registry, this.analyseOptions(opts), this.files.get(uri)?.analysis);
  }

  private analyseOptions(opts: UpdateOptions): AnalyseOptions {
    return {
      maxFileSize: this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      ...(opts.template ? { template: true } : {}),
      ...(opts.skip ? { skip: opts.skip } : {}),
      ...(opts.strictUtf8 ? { strictUtf8: true } : {}),
      ...(this.batch ? { batch: true } : {}),
      trees: this.trees,
    };
  }

  remove(uri: string): void {
    const prev = this.files.get(uri);
    if (prev) {
      this.files.delete(uri);
      this.documents -= prev.starts.length;
      this.uriGeneration++;
      this.invalidate();
    }
    if (sourceKind(uri) === 'ci') this.setSource(uri, undefined);
  }

  /** Is this file a deploy script, Makefile or Markdown file the project reads for deployment evidence? */
  static isSource(uri: string): boolean {
    // CI pipelines are YAML: the project reads them as YAML and as a source.
    const kind = sourceKind(uri);
    return kind !== undefined && kind !== 'ci';
  }

  /** Sets (or with undefined removes) the text of a deploy script, Makefile or README. */
  setSource(uri: string, text: string | undefined): void {
    if (text === undefined) {
      if (this.sources.delete(uri)) {
        this.uriGeneration++;
        this.invalidate();
      }
      return;
    }
    if (this.sources.get(uri) === text) return;
    if (!this.sources.has(uri)) this.uriGeneration++;
    this.sources.set(uri, text);
    this.invalidate();
  }

  sourceUris(): string[] {
    return [...this.sources.keys()];
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  analysis(uri: string): FileAnalysis | undefined {
    return this.files.get(uri)?.analysis;
  }

  facts(uri: string): FileFacts | undefined {
    return this.files.get(uri)?.facts;
  }

  /**
   * While `when()` holds (the language server is reading the workspace or checking it in slices),
   * hover, completion and navigation read the last complete resolved facts instead of recomputing them
   * on the spot: an answer now, at most one change late.
   */
  setStaleReads(when: () => boolean): void {
    this.staleReadsWhen = when;
  }

  /**
   * The resolved facts: of the project that governs `uri` (what features of that file may see), or of
   * every project together when no uri is given.
   */
  resolved(uri?: string): ResolvedProject {
    const d = this.derive.resolved(this.staleReadsWhen());
    if (uri !== undefined) {
      const own = d.groups.get(this.configFor(uri)?.rootUri ?? '');
      if (own) return own;
    }
    if (d.groups.size === 1) return d.groups.values().next().value!;
    return this.derive.merged(d);
  }

  /** The deployment of each project (one per tsb.config.yaml root, plus files under none), in root order. */
  deployments(): Deployment[] {
    const d = drain(this.derive.resolveSteps());
    return [...d.groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r.deployment);
  }

  /** The deployment units of the project that governs `uri` (of the whole project when omitted). */
  deployment(uri?: string): Deployment {
    return this.resolved(uri).deployment;
  }

  failoverModel(opts: ModelOptions = {}): FailoverModel {
    return this.checkedResults(opts.stale).model;
  }

  private checkedResults(stale = false): Checked {
    return this.derive.checkedResults(stale && this.staleReadsWhen());
  }

  /** The cross-file results are up to date (no derive needed before `diagnostics`). */
  get checked(): boolean {
    return this.derive.checked;
  }

  /** Every problem of one file (its own and cross-file ones), severities and suppressions applied. */
  diagnostics(uri: string, opts: DiagnosticsOptions = {}): Problem[] {
    const entry = this.files.get(uri);
    const cfgRoot = [...this.configUris].find(([, u]) => u === uri)?.[0];
    if (cfgRoot !== undefined) return this.configDiagnostics(cfgRoot);
    if (!entry) return [];
    const cfg = this.configFor(uri);
    const doc = entry.analysis.doc;
    const out: Problem[] = [];
    const push = (
      rule: RuleId,
      message: Message,
      range: Problem['range'],
      base: Partial<Problem>,
      severity?: Severity,
    ) => {
      const sev = ruleSeverity(rule, cfg, this.options.ruleSeverities, severity);
      if (!sev) return;
      if (isSuppressed(entry.suppressions, rule, range.start.line)) return;
      out.push({ rule, severity: sev, message: render(message), messageL10n: message, range, ...base });
    };
    const tsbVersion = cfg?.tsbVersion ?? this.options.tsbVersion;
    let withTsb: boolean | undefined;
    for (const raw of entry.analysis.problems) {
      const versioned = raw.versions ? applyVersion(raw, tsbVersion) : raw;
      if (!versioned) continue;
      const p = opts.crossFile === false ? versioned : withParentValues(versioned, entry, () => this.resolved(uri));
      if (p.onlyWithTsb && !(withTsb ??= this.holdsTsb(uri, opts.crossFile === false))) continue;
      const base = extras(p);
      if (p.relatedAt)
        base.related = [
          ...(base.related ?? []),
          ...p.relatedAt.map((r) => relatedOf({ uri, range: offsetRange(doc, r.start, r.end), message: r.message })),
        ];
      push(p.rule, p.message, offsetRange(doc, p.start, p.end), base, p.severity);
    }
    for (const p of opts.crossFile === false ? [] : (this.checkedResults(opts.stale).byUri.get(uri) ?? [])) {
      push(
        p.rule,
        p.message,
        refRange(p.ref),
        { ...(p.data ? { data: p.data } : {}), ...(p.related ? { related: p.related.map(relatedOf) } : {}) },
        p.severity,
      );
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return capped(out);
  }

  /** The project governing `uri` holds TSB files (Kubernetes checks that matter to TSB are reported there). */
  private holdsTsb(uri: string, ownOnly = false): boolean {
    if (ownOnly) {
      // Without the cross-file step: this file, or what the last complete results knew of the project.
      if (holdsTsbObjects(this.files.get(uri)?.facts)) return true;
      return holdsTsbObjects(this.derive.known()?.groups.get(this.configFor(uri)?.rootUri ?? ''));
    }
    return holdsTsbObjects(this.resolved(uri));
  }

  private configDiagnostics(root: string): Problem[] {
    return configProblems(
      this.configs.get(root)!,
      this.configTexts.get(root) ?? '',
      this.configUris.get(root) ?? `${root}/${CONFIG_FILE}`,
    );
  }

  private sortedFiles(): [string, FileEntry][] {
    return [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private invalidate(): void {
    this.derive.invalidate();
    this.generation++;
  }

  /**
   * Computes the cross-file results in steps (the language server runs them in time slices, so that
   * a large workspace never holds up requests); `diagnostics` and `failoverModel` then use them. If
   * the project changes meanwhile the results are not kept (the caller runs it again).
   */
  *deriveSteps(): Generator<void, void> {
    yield* this.derive.checkSteps();
  }
}
