import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SchemaEntry } from '../../../schemas/src/types';
import { BUDGETS, capProblems, formatCount, LIMIT_SEVERITY } from './budgets';
import { analyseDocumentAt, analyseFile, analyseFileSteps, documentsToAnalyse, drain, DEFAULT_MAX_FILE_SIZE, type AnalyseOptions, type FileAnalysis } from './fileAnalysis';
import type { ChunkData, ChunkResult } from './chunkResult';
import { fromData, keepSummary } from './chunkData';
import { computeFailoverSteps } from './model/failover';
import type { FailoverModel } from './model/failoverTypes';
import { RULES, type RuleId, type Severity, type SeveritySetting } from './problems';
import { SchemaRegistry } from './schema/registry';
import { applyVersion } from './schema/versions';
import { isSuppressed, parseSuppressions, type Suppressions } from './suppression';
import type { Problem, ProblemRelated, RawProblem, RelatedInfo } from './types';
import { msg, type Message } from './l10n/message';
import { render } from './l10n/translate';
import { parseConfig, emptyConfig, type ProjectConfig, CONFIG_FILE } from './workspace/config';
import { crossFileSteps, type LocatedProblem } from './workspace/crossRules';
import { offsetRange, refRange } from './range';
import { holdsText } from './sameText';
import { emptyFacts, extractFactsSteps, factsSignature, sameFacts, type FactsSignature, type FileFacts } from './workspace/facts';
import { resolveProject, type ResolvedProject } from './workspace/resolved';
import { FileIndex } from './units/fileIndex';
import { inferDeployment } from './units/infer';
import { readSource, sourceKind, type SourceReading } from './units/sources';
import type { Deployment } from './units/types';

// The project: every YAML file's analysis and facts, the tsb.config.yaml files, and the cross-file
// results derived from them. Pure: the CLI and the language server feed it text; it never reads files.
// Updating a file re-analyses only that file's changed documents; cross-file results are recomputed
// lazily from the per-file facts (cheap plain data) the next time someone asks.

export interface ProjectOptions {
  maxFileSize?: number;
  /** Severity overrides from editor settings; tsb.config.yaml `rules` win over them. */
  ruleSeverities?: Record<string, SeveritySetting>;
  /** TSB version from editor settings (`tsb.version`); tsb.config.yaml `tsbVersion` wins over it. */
  tsbVersion?: string;
}

interface FileEntry {
  analysis: FileAnalysis;
  facts: FileFacts;
  signature: FactsSignature;
  suppressions: Suppressions;
}

export interface UpdateOptions {
  template?: boolean;
  skip?: Message;
  /** The text was decoded from UTF-8 strictly (read from disk): U+FFFD in it is a real character. */
  strictUtf8?: boolean;
}

/** A file analysed by `Project.prepare`, not yet stored. */
export interface Prepared {
  uri: string;
  text: string;
  version: number;
  /** The project already holds this text: commit only adopts the version. */
  same?: boolean;
  entry?: FileEntry;
}

/** The first stage of the cross-file results: facts with deployment applied (what hover and completion read). */
interface Resolved {
  /** One resolved project per tsb.config.yaml root ('' for files under none). */
  groups: Map<string, ResolvedProject>;
  /** Groups whose deployment could not be worked out (resolved with none), and why. */
  failed: Map<string, unknown>;
  /** The first file of each group (where a failure is reported). */
  first: Map<string, string>;
  /** All groups together, built only when asked for (multi-root workspaces). */
  merged?: ResolvedProject;
}

/** The second stage: the failover model and the cross-file problems. */
interface Checked {
  model: FailoverModel;
  byUri: Map<string, LocatedProblem[]>;
}

export interface DiagnosticsOptions {
  /** false: only the file's own problems (no cross-file step; what is known before the workspace is read). */
  crossFile?: boolean;
}

export class Project {
  readonly registry: SchemaRegistry;
  private readonly files = new Map<string, FileEntry>();
  private readonly configs = new Map<string, ProjectConfig>();
  private configTexts = new Map<string, string>();
  /** root -> URI of the config file (tsb.config.yaml, or the file given with --config). */
  private configUris = new Map<string, string>();
  private resolvedState: Resolved | undefined;
  private checkedState: Checked | undefined;
  /** The last complete results, kept after a change for readers that prefer an answer now (see `staleReads`). */
  private lastResolved: Resolved | undefined;
  private generation = 0;
  private staleReadsWhen: () => boolean = () => false;
  /** Deploy scripts, Makefiles and READMEs: the text that says where YAML files are applied. */
  private readonly sources = new Map<string, string>();
  private readonly readings = new Map<string, { text: string; index: FileIndex; reading: SourceReading }>();
  /** Per project root: the files paths in scripts resolve against, rebuilt when the set of files changes. */
  private readonly indexes = new Map<string, { generation: number; value: FileIndex }>();
  private uriGeneration = 0;
  /** Documents analysed in all files together (the per-project budget). */
  private documents = 0;

  constructor(catalog: readonly SchemaEntry[] | SchemaRegistry, private options: ProjectOptions = {}) {
    this.registry = catalog instanceof SchemaRegistry ? catalog : new SchemaRegistry(catalog);
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
  *prepare(uri: string, text: string, version = 0, opts: UpdateOptions = {}, seeds?: ReadonlyMap<string, ChunkResult>): Generator<void, Prepared> {
    if (this.holds(uri, text, opts)) return { uri, text, version, same: true };
    const others = this.documents - (this.files.get(uri)?.analysis.chunks.length ?? 0);
    const overBudget = others >= BUDGETS.documentsPerProject && !opts.skip;
    if (overBudget) {
      opts = { ...opts, skip: msg('The project already holds more than {count} YAML documents; this file is not analysed (a limit that keeps time and memory bounded).', { count: formatCount(BUDGETS.documentsPerProject) }) };
    }
    try {
      const analysis = yield* analyseFileSteps(uri, text, version, this.registry, this.analyseOptions(opts), this.files.get(uri)?.analysis, (r) => keepSummary(uri, r), seeds);
      if (overBudget) analysis.problems = analysis.problems.map((p) => ({ ...p, severity: LIMIT_SEVERITY }));
      const facts = yield* extractFactsSteps(analysis);
      return { uri, text, version, entry: { analysis, facts, signature: factsSignature(analysis), suppressions: parseSuppressions(text) } };
    } catch (err) {
      // Whatever failed stays in this file: it gets one internal-error, other files and the scan go on.
      const analysis = analyseFile(uri, text, version, this.registry, { ...this.analyseOptions(opts), skip: msg('Checking this file failed unexpectedly ({error}); please report it. Other files are unaffected.', { error: String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 160) }) });
      analysis.problems = analysis.problems.map((p) => ({ ...p, rule: 'internal-error' }));
      return { uri, text, version, entry: { analysis, facts: emptyFacts(uri), signature: factsSignature(analysis), suppressions: parseSuppressions('') } };
    }
  }

  commit(p: Prepared): FileAnalysis {
    const prev = this.files.get(p.uri);
    if (p.same || !p.entry) {
      if (prev && holdsText(prev.analysis.doc, p.text)) {
        // Same text (an editor opening a file the scan already read): adopt the version, keep the results.
        if (prev.analysis.version !== p.version) prev.analysis = { ...prev.analysis, version: p.version, doc: TextDocument.create(p.uri, 'yaml', p.version, p.text) };
        return prev.analysis;
      }
      // The file changed since `prepare` looked: analyse now.
      return this.update(p.uri, p.text, p.version);
    }
    if (!prev) this.uriGeneration++;
    this.files.set(p.uri, p.entry);
    this.documents += p.entry.analysis.chunks.length - (prev?.analysis.chunks.length ?? 0);
    // A CI pipeline is YAML and also says where files are applied (its shell steps).
    if (sourceKind(p.uri) === 'ci') this.setSource(p.uri, p.text);
    if (!prev || !sameFacts(prev.signature, p.entry.signature)) this.invalidate();
    return p.entry.analysis;
  }

  /** The documents of a new text that `prepare` would have to analyse (the rest are reused). */
  documentsToAnalyse(uri: string, text: string, opts: UpdateOptions = {}): string[] {
    return this.holds(uri, text, opts) ? [] : documentsToAnalyse(text, this.analyseOptions(opts), this.files.get(uri)?.analysis);
  }

  /** The project already holds this text of the file (nothing to analyse, only a version to adopt). */
  private holds(uri: string, text: string, opts: UpdateOptions): boolean {
    return !opts.skip && holdsText(this.files.get(uri)?.analysis.doc, text);
  }

  /** Turns documents analysed in worker threads into seeds for `prepare`. */
  adopt(uri: string, data: readonly ChunkData[]): Map<string, ChunkResult> {
    return new Map(data.map((d) => [d.text, fromData(uri, d, this.registry)]));
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
    };
  }

  remove(uri: string): void {
    const prev = this.files.get(uri);
    if (prev) {
      this.files.delete(uri);
      this.documents -= prev.analysis.chunks.length;
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
      if (this.sources.delete(uri)) { this.uriGeneration++; this.invalidate(); }
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
    const d = this.resolvedState ?? (this.lastResolved && this.staleReadsWhen() ? this.lastResolved : drain(this.resolveSteps()));
    if (uri !== undefined) {
      const own = d.groups.get(this.configFor(uri)?.rootUri ?? '');
      if (own) return own;
    }
    if (d.groups.size === 1) return d.groups.values().next().value!;
    if (!d.merged) {
      // Each file keeps its own project's deployment; files of different projects never meet.
      const keyOf = (u: string) => this.configFor(u)?.rootUri ?? '';
      const parts = new Map([...d.groups].map(([k, r]) => [k, r.deployment]));
      d.merged = resolveProject(this.sortedFiles().map(([, f]) => f.facts), mergeDeployments(parts, keyOf));
    }
    return d.merged;
  }

  /** The deployment of each project (one per tsb.config.yaml root, plus files under none), in root order. */
  deployments(): Deployment[] {
    const d = drain(this.resolveSteps());
    return [...d.groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r.deployment);
  }

  /** The deployment units of the project that governs `uri` (of the whole project when omitted). */
  deployment(uri?: string): Deployment {
    return this.resolved(uri).deployment;
  }

  failoverModel(): FailoverModel {
    return drain(this.checkSteps()).model;
  }

  /** The cross-file results are up to date (no derive needed before `diagnostics`). */
  get checked(): boolean {
    return this.checkedState !== undefined;
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
    const push = (rule: RuleId, message: Message, range: Problem['range'], base: Partial<Problem>, severity?: Severity) => {
      const sev = this.severity(rule, cfg, severity);
      if (!sev) return;
      if (isSuppressed(entry.suppressions, rule, range.start.line)) return;
      out.push({ rule, severity: sev, message: render(message), messageL10n: message, range, ...base });
    };
    const tsbVersion = cfg?.tsbVersion ?? this.options.tsbVersion;
    let withTsb: boolean | undefined;
    for (const raw of entry.analysis.problems) {
      const p = raw.versions ? applyVersion(raw, tsbVersion) : raw;
      if (!p) continue;
      if (p.onlyWithTsb && !(withTsb ??= this.holdsTsb(uri, opts.crossFile === false))) continue;
      const base = extras(p);
      if (p.relatedAt) base.related = [...(base.related ?? []), ...p.relatedAt.map((r) => relatedOf({ uri, range: offsetRange(doc, r.start, r.end), message: r.message }))];
      push(p.rule, p.message, offsetRange(doc, p.start, p.end), base, p.severity);
    }
    for (const p of opts.crossFile === false ? [] : drain(this.checkSteps()).byUri.get(uri) ?? []) {
      push(p.rule, p.message, refRange(p.ref), { ...(p.data ? { data: p.data } : {}), ...(p.related ? { related: p.related.map(relatedOf) } : {}) }, p.severity);
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    // A file with tens of thousands of problems lists the first ones and counts the rest in one more.
    return capProblems(out, BUDGETS.diagnosticsPerFile, 'file', (hidden, rule, severity, message) => ({ rule, severity, message: render(message), messageL10n: message, range: hidden[0]!.range }));
  }

  /** The project governing `uri` holds TSB files (Kubernetes checks that matter to TSB are reported there). */
  private holdsTsb(uri: string, ownOnly = false): boolean {
    if (ownOnly) {
      // Without the cross-file step: this file, or what the last complete results knew of the project.
      const f = this.files.get(uri)?.facts;
      if (f && f.tsb.length + f.installGateways.length + f.controlPlanes.length > 0) return true;
      const last = this.resolvedState ?? this.lastResolved;
      const g = last?.groups.get(this.configFor(uri)?.rootUri ?? '');
      return !!g && g.tsb.length + g.installGateways.length + g.controlPlanes.length > 0;
    }
    const r = this.resolved(uri);
    return r.tsb.length + r.installGateways.length + r.controlPlanes.length > 0;
  }

  private configDiagnostics(root: string): Problem[] {
    const cfg = this.configs.get(root)!;
    const text = this.configTexts.get(root) ?? '';
    const doc = TextDocument.create(this.configUris.get(root) ?? `${root}/${CONFIG_FILE}`, 'yaml', 0, text);
    const all: Problem[] = cfg.problems.map((p) => ({
      rule: p.rule, severity: p.severity ?? RULES.get(p.rule)?.severity ?? 'error', message: render(p.message), messageL10n: p.message,
      range: offsetRange(doc, p.start, p.end), ...extras(p),
    }));
    return capProblems(all, BUDGETS.diagnosticsPerFile, 'file', (hidden, rule, severity, message) => ({ rule, severity, message: render(message), messageL10n: message, range: hidden[0]!.range }));
  }

  private severity(rule: string, cfg: ProjectConfig | undefined, own?: Severity): Severity | undefined {
    const setting = cfg?.rules[rule] ?? this.options.ruleSeverities?.[rule];
    if (setting === 'off') return undefined;
    return setting ?? own ?? RULES.get(rule)?.severity ?? 'warning';
  }

  private sortedFiles(): [string, FileEntry][] {
    return [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private invalidate(): void {
    this.resolvedState = undefined;
    this.checkedState = undefined;
    this.generation++;
  }

  /**
   * Computes the cross-file results in steps (the language server runs them in time slices, so that
   * a large workspace never holds up requests); `diagnostics` and `failoverModel` then use them. If
   * the project changes meanwhile the results are not kept (the caller runs it again).
   */
  *deriveSteps(): Generator<void, void> {
    yield* this.checkSteps();
  }

  private *resolveSteps(): Generator<void, Resolved> {
    if (this.resolvedState) return this.resolvedState;
    const generation = this.generation;
    // Each tsb.config.yaml bounds a project: two example folders opened side by side, or checked in
    // one command, do not see each other's resources. Files under no config form one more project.
    const groups = new Map<string, FileFacts[]>();
    // In URI order, whatever order files arrived in (a scan analyses several at once): "first
    // definition" and "already claimed by" must not depend on timing, and match tsb-lint's order.
    for (const [uri, f] of this.sortedFiles()) {
      const key = this.configFor(uri)?.rootUri ?? '';
      const list = groups.get(key);
      if (list) list.push(f.facts);
      else groups.set(key, [f.facts]);
    }
    yield;
    const resolvedGroups = new Map<string, ResolvedProject>();
    const failed = new Map<string, unknown>();
    const first = new Map<string, string>();
    for (const [key, facts] of groups) {
      first.set(key, facts[0]!.uri);
      // A step that fails loses its own results only (reported once, on the group's first file, by checkSteps).
      try {
        resolvedGroups.set(key, this.resolveGroup(key === '' ? undefined : this.configs.get(key), facts));
      } catch (err) {
        failed.set(key, err);
        resolvedGroups.set(key, resolveProject([], NO_DEPLOYMENT));
      }
      yield;
    }
    const r: Resolved = { groups: resolvedGroups, failed, first };
    if (generation === this.generation) {
      this.resolvedState = r;
      this.lastResolved = r;
    }
    return r;
  }

  private *checkSteps(): Generator<void, Checked> {
    if (this.checkedState) return this.checkedState;
    const generation = this.generation;
    const resolved = yield* this.resolveSteps();
    const byUri = new Map<string, LocatedProblem[]>();
    const add = (p: LocatedProblem) => {
      const list = byUri.get(p.uri);
      if (list) list.push(p);
      else byUri.set(p.uri, [p]);
    };
    const models: FailoverModel[] = [];
    for (const [key, r] of resolved.groups) {
      // A cross-file step that fails loses its own results only: the file's own problems, the other
      // steps and the other projects are kept, and the failure is reported once, on the first file.
      const uri = resolved.first.get(key)!;
      const failed = (what: Message, err: unknown) => add({
        uri, rule: 'internal-error', ref: { uri, line: 0, character: 0, endLine: 0, endCharacter: 0 },
        message: msg('The {what} of this project failed unexpectedly ({error}); please report it. Checks of single files are unaffected.', { what, error: String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 160) }),
      });
      if (resolved.failed.has(key)) failed(msg('cross-file analysis'), resolved.failed.get(key));
      let model: FailoverModel;
      try {
        model = yield* computeFailoverSteps(r);
      } catch (err) {
        failed(msg('failover model'), err);
        model = { workspaces: [], clusters: [], placementsConfigured: false, notes: [] };
      }
      models.push(model);
      try {
        for (const p of yield* crossFileSteps(r, model)) add(p);
      } catch (err) {
        failed(msg('cross-file checks'), err);
      }
    }
    const c: Checked = { model: models.length === 1 ? models[0]! : mergeModels(models), byUri };
    if (generation === this.generation) this.checkedState = c;
    return c;
  }

  /** Facts of one project (a tsb.config.yaml root, or files under none) with its deployment inferred. */
  private resolveGroup(config: ProjectConfig | undefined, facts: FileFacts[]): ResolvedProject {
    const inGroup = (uri: string) => this.configFor(uri) === config;
    const index = this.fileIndex(config?.rootUri ?? '', config, facts, inGroup);
    const sources = [...this.sources].filter(([u]) => inGroup(u)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([uri, text]) => {
      let cached = this.readings.get(uri);
      if (!cached || cached.text !== text || cached.index !== index) {
        cached = { text, index, reading: readSource(uri, text, index) };
        this.readings.set(uri, cached);
      }
      return { uri, reading: cached.reading };
    });
    const deployment = inferDeployment({ files: index, facts, sources, ...(config ? { config } : {}) });
    return resolveProject(facts, deployment);
  }

  /** The files of one project (YAML and deploy sources) as the deployment reader sees them; paths resolve within its folder. */
  private fileIndex(key: string, config: ProjectConfig | undefined, facts: FileFacts[], inGroup: (uri: string) => boolean): FileIndex {
    const cached = this.indexes.get(key);
    if (cached?.generation === this.uriGeneration) return cached.value;
    const uris = [...facts.map((f) => f.uri), ...[...this.sources.keys()].filter(inGroup)];
    if (config) uris.push(`${config.rootUri}/${CONFIG_FILE}`);
    const value = new FileIndex(uris);
    this.indexes.set(key, { generation: this.uriGeneration, value });
    return value;
  }
}

function mergeDeployments(parts: Map<string, Deployment>, keyOf: (uri: string) => string): Deployment {
  const of = (uri: string) => parts.get(keyOf(uri));
  const all = [...parts.values()];
  return {
    units: all.flatMap((d) => d.units),
    notes: all.flatMap((d) => d.notes),
    unplaced: all.flatMap((d) => d.unplaced),
    configured: all.some((d) => d.configured),
    alternativeGroups: all.flatMap((d) => d.alternativeGroups),
    deploymentOf: (uri) => of(uri)?.deploymentOf(uri) ?? { clusters: [], placed: false, units: [] },
    relation: (a, b) => (keyOf(a) === keyOf(b) ? of(a)?.relation(a, b) ?? 'maybe' : 'never'),
    unitNames: (uri) => of(uri)?.unitNames(uri) ?? [],
  };
}

/** What a project whose deployment could not be worked out is resolved with: nothing placed, nothing related. */
const NO_DEPLOYMENT: Deployment = {
  units: [], notes: [], unplaced: [], configured: false, alternativeGroups: [],
  deploymentOf: () => ({ clusters: [], placed: false, units: [] }),
  relation: () => 'maybe',
  unitNames: () => [],
};

function extras(p: RawProblem): Partial<Problem> {
  return { ...(p.data ? { data: p.data } : {}), ...(p.related ? { related: p.related.map(relatedOf) } : {}) };
}

/** A related place as reported: its English text, and its message for other languages. */
function relatedOf(r: RelatedInfo): ProblemRelated {
  return { uri: r.uri, range: r.range, message: render(r.message), messageL10n: r.message };
}

function mergeModels(models: FailoverModel[]): FailoverModel {
  if (!models.length) return { workspaces: [], clusters: [], placementsConfigured: false, notes: [] };
  const notes = new Map<string, Message | undefined>();
  // A note about something missing holds for the merged model only if it holds for every part.
  models[0]!.notes.forEach((n, i) => { if (!notes.has(n) && models.every((m) => m.notes.includes(n))) notes.set(n, models[0]!.notesL10n?.[i]); });
  const notesL10n = [...notes.values()];
  return {
    workspaces: models.flatMap((m) => m.workspaces),
    clusters: [...new Set(models.flatMap((m) => m.clusters))].sort(),
    placementsConfigured: models.some((m) => m.placementsConfigured),
    notes: [...notes.keys()],
    ...(notesL10n.every((n) => n !== undefined) ? { notesL10n: notesL10n as Message[] } : {}),
  };
}
