// Diagnostics for open and closed files, pull or push depending on the client.
// Pull (clients that can also be asked to re-pull): textDocument/diagnostic for open files and
// workspace/diagnostic for closed ones, with result ids so unchanged files cost nothing, and a refresh
// request whenever cross-file results may have changed. A workspace pull is answered at once with what
// changed since the client's result ids, never held: clients that re-pull on a timer (VS Code, every
// 2 s) and clients that pull once per refresh (Neovim 0.12) both get their answer, and nothing piles up.
// Refreshes follow the project-changed event; at most one is in flight, changes meanwhile are announced
// by one more after it.
// Push: the settle job publishes every file whose diagnostics changed; a run overtaken by a newer
// edit stops, and an open document edited since the flush is skipped (never a stale publish).
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { toDiagnostic, type Locale, type Problem, type Project } from '../engine/index';
import type { StatusParams } from '../protocol';
import type { RuntimeEnvironment } from '../runtime';
import { cancelled, guard, type Logger } from './guard';
import type { ProjectChanges } from './projectChanges';
import { OneInFlight } from './refresh';
import { settlesWithin } from './scheduler';
import { pacer } from './slices';
import type { SettingsStore } from './settings';
import type { WorkspaceSync } from './workspaceSync';

export type DiagnosticsMode = 'pull' | 'push';

/** Longest stretch of computing and sending diagnostics for many files before requests get in. */
const YIELD_MS = 10;
/** Diagnostics messages written and not yet taken by the client, at most. */
const MAX_QUEUED_SENDS = 32;

export interface DiagnosticsOptions {
  connection: Connection;
  project: Project;
  sync: WorkspaceSync;
  settings: SettingsStore;
  runtime: RuntimeEnvironment;
  logger: Logger;
  mode: DiagnosticsMode;
  /** The client can be asked to re-pull (workspace/diagnostic/refresh). */
  canRefresh: boolean;
  /** The project's one update path and its changed event (a pull brings the project up to date through it). */
  changes: ProjectChanges;
  /** The language of messages: the client's display language, fixed at initialize. */
  locale: Locale;
  /** A first pull waits this long for the project's check before it answers the file's own problems. */
  ownFirstMs: number;
}

/** Shared by every file without problems; frozen, so that nothing adds to it by mistake. */
const NO_DIAGNOSTICS = Object.freeze([]) as unknown as Diagnostic[];

interface Computed {
  /** What the items were computed from: settings, project and file generations. */
  stamp: string;
  /** Result id: changes only when the items do, so a re-pull after an unrelated change is answered Unchanged. */
  id: string;
  items: Diagnostic[];
  json: string;
}

export class DiagnosticsController {
  private readonly cache = new Map<string, Computed>();
  /** uri -> result id last pushed */
  private readonly published = new Map<string, string>();
  private enabled = true;
  private stopped = false;
  /** Bumped by each workspace pull: an older one still waiting for the project to settle answers empty. */
  private workspacePulls = 0;
  /** Closed files a workspace report gave problems for: only these need an explicit empty report later. */
  private readonly reportedProblems = new Set<string>();
  private counter = 0;
  // Result ids are unique to this server process: a restarted server never matches an old id.
  private readonly epoch = Date.now().toString(36);
  private readonly connection: Connection;
  private readonly project: Project;
  private readonly sync: WorkspaceSync;
  private readonly settings: SettingsStore;
  private readonly runtime: RuntimeEnvironment;
  private readonly logger: Logger;
  private readonly changes: ProjectChanges;
  private readonly locale: Locale;
  readonly mode: DiagnosticsMode;
  private readonly canRefresh: boolean;
  private readonly ownFirstMs: number;

  constructor(o: DiagnosticsOptions) {
    this.connection = o.connection;
    this.project = o.project;
    this.sync = o.sync;
    this.settings = o.settings;
    this.runtime = o.runtime;
    this.logger = o.logger;
    this.changes = o.changes;
    this.locale = o.locale;
    this.mode = o.mode;
    this.canRefresh = o.canRefresh;
    this.ownFirstMs = o.ownFirstMs;
    // Pull clients re-pull when anything that decides diagnostics changed (push clients get the settle job's publish).
    if (o.mode === 'pull' && o.canRefresh) {
      const refresh = new OneInFlight(
        () => this.connection.languages.diagnostics.refresh(),
        () => !this.stopped,
      );
      o.changes.onDidChange(() => refresh.request());
    }
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
  }

  private stamp(uri: string): string {
    return `${this.enabled ? 1 : 0}.${this.settings.generation}.${this.project.version}.${this.sync.generation(uri)}`;
  }

  /**
   * A file's own diagnostics (no cross-file step): what is published for an editor's file while the
   * workspace is still being read.
   */
  computeOwn(uri: string): Computed {
    const stamp = `own.${this.enabled ? 1 : 0}.${this.settings.generation}.${this.sync.generation(uri)}`;
    return this.computeIn(this.ownCache, uri, stamp, () => this.project.diagnostics(uri, { crossFile: false }));
  }

  private readonly ownCache = new Map<string, Computed>();

  /**
   * Push mode, while the workspace is read or the project is checked: publish the open files' own
   * diagnostics (with `unpublishedOnly`, only for files nothing was published for yet).
   */
  async publishOwn(isCurrent: () => boolean, options: { unpublishedOnly?: boolean } = {}): Promise<void> {
    for (const uri of this.sync.openUris()) {
      if (!isCurrent()) return;
      if (options.unpublishedOnly && this.published.has(uri)) continue;
      const doc = this.sync.openDocument(uri);
      const analysed = this.project.analysis(uri);
      if (!doc || !analysed || analysed.version !== doc.version || this.project.isIgnored(uri)) continue;
      const c = this.computeOwn(uri);
      if (this.published.get(uri) === c.id) continue;
      this.published.set(uri, c.id);
      await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: c.items });
    }
  }

  /** Diagnostics of one file, recomputed only when something it depends on changed (the caller waits for `sync.settled()`). */
  compute(uri: string): Computed {
    return this.computeIn(this.cache, uri, this.stamp(uri), () => this.project.diagnostics(uri));
  }

  private computeIn(cache: Map<string, Computed>, uri: string, stamp: string, problems: () => Problem[]): Computed {
    const hit = cache.get(uri);
    if (hit && hit.stamp === stamp) return hit;
    const list = this.enabled ? problems() : [];
    // Most files have no problems: they share one empty list and its text (a workspace keeps one per file).
    const items = list.length ? list.map((p) => toDiagnostic(p, this.locale)) : NO_DIAGNOSTICS;
    const json = items.length ? JSON.stringify(items) : '[]';
    if (hit && hit.json === json) {
      hit.stamp = stamp;
      return hit;
    }
    const fresh = { stamp, id: `${this.epoch}.${++this.counter}`, items, json };
    cache.set(uri, fresh);
    return fresh;
  }

  registerPull(): void {
    this.connection.languages.diagnostics.on(
      guard<DocumentDiagnosticParams, DocumentDiagnosticReport, DiagnosticServerCancellationData>(
        this.logger,
        'textDocument/diagnostic',
        { kind: DocumentDiagnosticReportKind.Full, items: [] },
        async (params) => {
          const uri = this.runtime.normaliseUri(params.textDocument.uri);
          if (this.sync.scanPending) {
            // The workspace is still being read: the file's own problems now; the end of the scan asks
            // the client to pull again (refresh) for the cross-file ones.
            await this.sync.initialized;
            await this.sync.flush();
            if (this.sync.scanPending && this.project.analysis(uri)) {
              const own = this.computeOwn(uri);
              if (params.previousResultId === own.id)
                return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: own.id };
              return { kind: DocumentDiagnosticReportKind.Full, resultId: own.id, items: own.items };
            }
          }
          // Cross-file changes this flush brings are announced at once: other files refresh without
          // waiting for the debounce.
          const first = params.previousResultId === undefined && this.canRefresh && !this.sync.scanPending;
          if (first) await this.sync.flush();
          const updated = this.changes.update();
          if (first) {
            // First pull of a file and a check that takes a while: its own problems now; the refresh
            // that follows the check brings the cross-file ones.
            if (
              !(await settlesWithin(updated, this.ownFirstMs, this.runtime)) &&
              !this.project.checked &&
              this.project.analysis(uri)
            ) {
              const own = this.computeOwn(uri);
              return { kind: DocumentDiagnosticReportKind.Full, resultId: own.id, items: own.items };
            }
          }
          await updated;
          const c = this.compute(uri);
          if (params.previousResultId === c.id) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: c.id };
          return { kind: DocumentDiagnosticReportKind.Full, resultId: c.id, items: c.items };
        },
      ),
    );
    this.connection.languages.diagnostics.onWorkspace(
      guard<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, DiagnosticServerCancellationData>(
        this.logger,
        'workspace/diagnostic',
        { items: [] },
        (params, token) =>
          this.workspaceReport(
            new Map(params.previousResultIds.map((p) => [this.runtime.normaliseUri(p.uri), p.value])),
            token,
          ),
      ),
    );
  }

  /**
   * Closed files only (the client prefers document pulls for open ones), and only what differs from the
   * client's result ids: unchanged files are left out, and so are clean files the client never heard of.
   * Answered as soon as the project has settled; a newer workspace pull makes an older waiting one
   * answer empty at once (so a client that never cancels cannot pile requests up).
   */
  private async workspaceReport(
    previous: Map<string, string>,
    token: CancellationToken,
  ): Promise<WorkspaceDiagnosticReport> {
    const mine = ++this.workspacePulls;
    await this.changes.update({ announce: false });
    if (this.stopped || mine !== this.workspacePulls) return { items: [] };
    if (token.isCancellationRequested) throw cancelled<DiagnosticServerCancellationData>();
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const known = new Set(this.sync.knownUris());
    const pace = pacer(this.runtime, YIELD_MS);
    for (const uri of known) {
      if (this.sync.isOpen(uri)) continue;
      // Changed meanwhile (files read from disk): bring the check up to date in slices first, rather
      // than run it whole on the spot for this file.
      if (!this.project.checked) {
        await this.changes.update({ announce: false });
        if (this.stopped || mine !== this.workspacePulls) return { items: [] };
      }
      const c = this.compute(uri);
      const before = previous.get(uri);
      if (before === c.id) continue;
      if (!c.items.length && before === undefined && !this.reportedProblems.has(uri)) continue;
      if (c.items.length) this.reportedProblems.add(uri);
      else this.reportedProblems.delete(uri);
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, resultId: c.id, version: null, items: c.items });
      await pace();
    }
    for (const uri of previous.keys()) {
      if (known.has(uri) || this.sync.isOpen(uri)) continue;
      this.reportedProblems.delete(uri);
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
    }
    return { items };
  }

  /** Shutdown: no more refresh requests; workspace pulls still waiting answer empty. */
  stop(): void {
    this.stopped = true;
  }

  /** Push mode: publish every file whose diagnostics changed since the last publish. */
  async publish(isCurrent: () => boolean): Promise<void> {
    const known = this.sync.knownUris();
    // The project changed since the check (files read from disk: the run that follows publishes
    // them): stop, rather than check the whole project again for each file still to publish.
    const version = this.project.version;
    const current = () => isCurrent() && this.project.version === version;
    // Sent without waiting for each write (they stay in order), at most MAX_QUEUED_SENDS at a time: a
    // rename can change hundreds of files.
    const sends: Promise<void>[] = [];
    const pace = pacer(this.runtime, YIELD_MS);
    for (const uri of known) {
      if (!current()) return;
      const doc = this.sync.openDocument(uri);
      const analysed = this.project.analysis(uri);
      // Edited since the flush: its diagnostics would describe old text; the next run publishes it.
      if (doc && analysed && analysed.version !== doc.version) continue;
      const c = this.compute(uri);
      if (this.published.get(uri) !== c.id) {
        this.published.set(uri, c.id);
        sends.push(
          this.connection.sendDiagnostics({ uri, ...(doc ? { version: doc.version } : {}), diagnostics: c.items }),
        );
        // A short queue of written messages: an answer to a request is never stuck behind megabytes of them.
        if (sends.length >= MAX_QUEUED_SENDS) await Promise.all(sends.splice(0));
      }
      // Thousands of files after a scan: requests get in every few milliseconds.
      await pace();
    }
    await Promise.all(sends);
    const live = new Set(known);
    for (const uri of [...this.published.keys()]) {
      if (live.has(uri) || !current()) continue;
      this.published.delete(uri);
      this.cache.delete(uri);
      await this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** Problem counts over the whole project, for the status bar. */
  status(): StatusParams {
    const s: StatusParams = { errors: 0, warnings: 0, infos: 0, files: 0, filesWithProblems: 0 };
    for (const uri of this.sync.knownUris()) {
      s.files++;
      const items = this.compute(uri).items;
      if (items.length) s.filesWithProblems++;
      for (const d of items) {
        if (d.severity === 1) s.errors++;
        else if (d.severity === 2) s.warnings++;
        else s.infos++;
      }
    }
    return s;
  }
}
