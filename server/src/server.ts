// The LSP glue: a ServerSession owns the connection, the documents, the project, the settings, the
// diagnostics and the workspace sync; the analysis is the engine's and every feature is a pure provider
// in engine/features. The same session runs under Node (node/serverMain.ts) and in the in-process tests.
import {
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type NotificationType,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseToData, createProject, toLocale, type Locale, type Project } from './engine/index';
import { DiagnosticsController, type DiagnosticsMode } from './handlers/diagnostics';
import { registerFeatures } from './handlers/features';
import { guardNotification, type Logger } from './handlers/guard';
import { ProjectChanges, type ProjectChange } from './handlers/projectChanges';
import { OneInFlight } from './handlers/refresh';
import { Debouncer, settlesWithin } from './handlers/scheduler';
import { SettingsStore } from './handlers/settings';
import { registerTsbRequests } from './handlers/tsbRequests';
import { WARM_UP } from './handlers/warmUp';
import { WorkspaceSync } from './handlers/workspaceSync';
import {
  DEFAULT_SETTINGS,
  ModelChangedNotification,
  StatusNotification,
  type InitializationOptions,
  type Settings,
} from './protocol';
import type { RuntimeEnvironment } from './runtime';

const MIB = 1024 * 1024;

/** What the client said it can do (initialize), read once. */
interface ClientAbilities {
  /** workspace/codeLens/refresh */
  refreshLenses: boolean;
  /** Watched files can be registered dynamically. */
  watchDynamically: boolean;
  snippets: boolean;
  /** workspace/didChangeWorkspaceFolders */
  folderEvents: boolean;
}

export interface ServerOptions {
  /**
   * How long a file opened for the first time waits for the whole project's check before its own
   * problems are shown alone (the cross-file ones follow the check). Default OWN_FIRST_MS.
   */
  ownDiagnosticsAfterMs?: number;
}

/** A check that takes longer than this shows an opened file's own problems first. */
const OWN_FIRST_MS = 200;

export function startServer(
  connection: Connection,
  runtime: RuntimeEnvironment,
  options: ServerOptions = {},
): ServerSession {
  const session = new ServerSession(connection, runtime, options);
  session.listen();
  return session;
}

export class ServerSession {
  readonly documents = new TextDocuments(TextDocument);
  readonly project: Project;
  readonly sync: WorkspaceSync;
  /** The one update path and the project-changed event. */
  readonly changes: ProjectChanges;
  readonly logger: Logger;
  private settingsStore: SettingsStore | undefined;
  private diagnostics: DiagnosticsController | undefined;
  private settings: Settings = DEFAULT_SETTINGS;
  private folders: string[] = [];
  /** The initial scan, queued at initialize: `initialized` waits for it. */
  private scan: Promise<void> = Promise.resolve();
  private lastStatus = '';
  private client: ClientAbilities = {
    refreshLenses: false,
    watchDynamically: false,
    snippets: true,
    folderEvents: false,
  };
  private initializeReceived = false;
  private shuttingDown = false;
  /** The client's display language (`initialize` params.locale): what the server says is in it. */
  private locale: Locale = 'en';
  /** Releases every query held until the settings are read. */
  private settingsRead: () => void = () => undefined;
  private readonly settle: Debouncer;
  private readonly lenses: OneInFlight;

  private readonly ownFirstMs: number;

  constructor(
    private readonly connection: Connection,
    private readonly runtime: RuntimeEnvironment,
    options: ServerOptions = {},
  ) {
    this.ownFirstMs = options.ownDiagnosticsAfterMs ?? OWN_FIRST_MS;
    // After shutdown the connection may be closed: nothing we send then may throw into a timer.
    const say = (f: (m: string) => void) => (m: string) => {
      if (!this.shuttingDown) {
        try {
          f(m);
        } catch {
          /* closed */
        }
      }
    };
    this.logger = {
      error: say((m) => connection.console.error(m)),
      warn: say((m) => connection.console.warn(m)),
      info: say((m) => connection.console.info(m)),
      log: say((m) => connection.console.log(m)),
    };
    this.project = createProject({}, runtime.validators);
    this.sync = new WorkspaceSync(this.project, runtime, this.logger);
    this.sync.waitFor(
      new Promise<void>((resolve) => {
        this.settingsRead = resolve;
      }),
    );
    this.changes = new ProjectChanges(this.project, this.sync, () => this.settingsStore?.generation ?? 0);
    this.lenses = new OneInFlight(
      () => connection.sendRequest(CodeLensRefreshRequest.type),
      () => !this.shuttingDown,
    );
    this.settle = new Debouncer(
      runtime,
      (isCurrent) => this.settleJob(isCurrent),
      (err) => this.logger.error(`Updating diagnostics failed: ${String((err as Error)?.stack ?? err)}`),
    );
    this.sync.onDidChange(() => this.settle.trigger(this.settings.diagnosticsDelay));
  }

  listen(): void {
    const { connection, runtime, logger, sync } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(guardNotification(logger, 'initialized', () => this.initialized()));
    connection.onDidChangeConfiguration(
      guardNotification(logger, 'configuration', async (params) => {
        this.settingsStore?.invalidate(params.settings);
        await this.applySettings();
        this.settle.trigger(0);
      }),
    );
    // Opening a document is not typing: its diagnostics are due at once, even while a scan or a check
    // runs (the content change that follows it would otherwise wait for the typing delay).
    this.documents.onDidOpen(() => this.settle.trigger(0));
    this.documents.onDidChangeContent((e) => sync.didChange(runtime.normaliseUri(e.document.uri), e.document));
    this.documents.onDidClose((e) => {
      this.changes.closedFileChanged();
      void sync.didClose(runtime.normaliseUri(e.document.uri));
    });
    connection.onDidChangeWatchedFiles(
      guardNotification(logger, 'watched files', async (params) => {
        this.changes.closedFileChanged();
        await sync.didChangeWatchedFiles(
          params.changes.map((c) => ({
            uri: runtime.normaliseUri(c.uri),
            type:
              c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed',
          })),
        );
      }),
    );
    const ready = () => this.initializeReceived;
    registerTsbRequests({
      connection,
      project: this.project,
      sync,
      changes: this.changes,
      runtime,
      logger,
      initialized: ready,
      folders: () => this.folders,
      diagnostics: () => this.diagnostics,
      locale: () => this.locale,
    });
    registerFeatures({
      connection,
      project: this.project,
      sync,
      runtime,
      logger,
      initialized: ready,
      enabled: () => this.settings.enable,
      snippets: () => this.client.snippets,
      locale: () => this.locale,
    });
    connection.onShutdown(() => {
      this.shuttingDown = true;
      this.changes.stop();
      this.settle.dispose();
      this.diagnostics?.stop();
    });
    connection.onExit(() => runtime.dispose?.());
    this.documents.listen(connection);
    connection.listen();
  }

  private notify<P>(type: NotificationType<P>, params: P): void {
    if (!this.shuttingDown) this.connection.sendNotification(type, params).catch(() => undefined);
  }

  /**
   * The settle job (debounced after every change): brings the project up to date, which tells the
   * project-changed subscribers, then publishes to push clients and updates the status.
   */
  private async settleJob(isCurrent: () => boolean): Promise<void> {
    const { sync } = this;
    const current = () => isCurrent() && !this.shuttingDown;
    await sync.initialized;
    const diagnostics = this.diagnostics;
    if (!current() || !diagnostics) return;
    if (sync.scanPending) {
      // The workspace is still being read: editors' files first, with their own problems; then,
      // once every file is in, the cross-file ones.
      await sync.flush();
      if (!current()) return;
      if (sync.scanPending && diagnostics.mode === 'push') await diagnostics.publishOwn(isCurrent);
    }
    const push = diagnostics.mode === 'push' && !sync.scanPending;
    if (push) await sync.flush();
    const updated = this.changes.update({ isCurrent: current });
    // A check that takes a while: a file opened for the first time (nothing published for it yet) shows
    // its own problems meanwhile; the cross-file ones follow the check. Files already published keep
    // their diagnostics until then (no flicker on edits).
    if (push && current() && !(await settlesWithin(updated, this.ownFirstMs, this.runtime)) && !this.project.checked)
      await diagnostics.publishOwn(isCurrent, { unpublishedOnly: true });
    if (!(await updated)) return;
    if (diagnostics.mode === 'push') await diagnostics.publish(isCurrent);
    // Changed meanwhile (files read from disk): the next run counts, not a check of the project now.
    if (!isCurrent() || !this.project.checked) return;
    const status = diagnostics.status();
    if (JSON.stringify(status) !== this.lastStatus) {
      this.lastStatus = JSON.stringify(status);
      this.notify(StatusNotification, status);
    }
  }

  /** Cross-file results changed: the failover preview reloads its model, code lenses refresh. */
  private crossFileChanged(change: ProjectChange): void {
    if (!change.crossFile) return;
    this.notify(ModelChangedNotification, { version: change.version });
    if (this.client.refreshLenses) this.lenses.request();
  }

  private async warmUpHere(): Promise<void> {
    for (const text of WARM_UP) {
      await this.runtime.timer.yield();
      if (this.shuttingDown) return;
      try {
        analyseToData('file:///warm-up.yaml', text, this.project.registry);
      } catch {
        /* only a warm-up */
      }
    }
  }

  private async applySettings(): Promise<void> {
    if (!this.settingsStore) return;
    const s = await this.settingsStore.get();
    this.settings = s;
    this.diagnostics?.setEnabled(s.enable);
    this.project.setOptions({
      ruleSeverities: s.rules as Record<string, never>,
      maxFileSize: s.maxFileSize * MIB,
      ...(s.version ? { tsbVersion: s.version } : {}),
    });
    if (this.sync.setMaxFileSize(s.maxFileSize)) await this.sync.rescan();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const { connection, runtime, logger } = this;
    this.initializeReceived = true;
    this.locale = toLocale(params.locale);
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    // Pull only when the client can also be asked to re-pull (workspace/diagnostic/refresh): without it a
    // change in one file would never reach the others (Neovim 0.10 pulls but cannot be refreshed).
    const canPull = caps.textDocument?.diagnostic !== undefined;
    const canRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    const mode: DiagnosticsMode =
      init.diagnosticsMode === 'pull' || init.diagnosticsMode === 'push'
        ? init.diagnosticsMode
        : canPull && canRefresh
          ? 'pull'
          : 'push';
    this.settingsStore = new SettingsStore(connection, caps.workspace?.configuration === true, init.settings, logger);
    this.diagnostics = new DiagnosticsController({
      connection,
      project: this.project,
      sync: this.sync,
      settings: this.settingsStore,
      runtime,
      logger,
      mode,
      canRefresh,
      changes: this.changes,
      locale: this.locale,
      ownFirstMs: this.ownFirstMs,
    });
    // Subscribed after the diagnostics: a pull client is asked to re-pull before the preview and lenses hear.
    this.changes.onDidChange((change) => this.crossFileChanged(change));
    if (mode === 'pull') this.diagnostics.registerPull();
    this.client = {
      refreshLenses: caps.workspace?.codeLens?.refreshSupport === true,
      watchDynamically: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
      folderEvents: caps.workspace?.workspaceFolders === true,
    };
    this.folders = (params.workspaceFolders ?? []).map((f) => runtime.normaliseUri(f.uri));
    if (!this.folders.length && params.rootUri) this.folders = [runtime.normaliseUri(params.rootUri)];
    const why =
      init.diagnosticsMode === mode
        ? 'as initializationOptions.diagnosticsMode asks'
        : canPull && !canRefresh
          ? 'the client pulls but cannot be asked to re-pull'
          : canPull
            ? 'the client pulls and can be asked to re-pull'
            : 'the client does not pull';
    logger.info(
      `TSB language server: ${mode} diagnostics (${why}), ${this.folders.length} workspace folder(s), messages in ${this.locale}.`,
    );
    // Queued now, run once the settings are read (after `initialized`): every query waits for it, even
    // one that arrives while `initialized` is still registering watchers.
    this.scan = this.sync.addFolders(this.folders);
    // This thread's analysis code gets ready while the client finishes starting, one document per turn:
    // the files editors open are analysed here, and cold code made the first file and hovers slow.
    void this.warmUpHere();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '/'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        ...(mode === 'pull'
          ? { diagnosticProvider: { identifier: 'tsb', interFileDependencies: true, workspaceDiagnostics: true } }
          : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'tsb-language-server' },
    };
  }

  private async initialized(): Promise<void> {
    const { connection, runtime, logger, sync } = this;
    if (this.client.watchDynamically) {
      // YAML, and the scripts, Makefiles and READMEs that say where it is applied.
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{yaml,yml,sh,bash,zsh,md,markdown,mk}' },
          { globPattern: '**/{Makefile,makefile,GNUmakefile}' },
        ],
      });
    }
    // The getter throws for clients without workspace folder support.
    if (this.client.folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guardNotification(logger, 'workspace folders', async (e) => {
          const removed = e.removed.map((f) => runtime.normaliseUri(f.uri));
          this.folders = [
            ...this.folders.filter((f) => !removed.includes(f)),
            ...e.added.map((f) => runtime.normaliseUri(f.uri)),
          ];
          sync.removeFolders(removed);
          await sync.addFolders(e.added.map((f) => runtime.normaliseUri(f.uri)));
        }),
      );
    }
    try {
      await this.applySettings();
    } finally {
      this.settingsRead();
    }
    await this.scan;
  }
}
