// startServer(connection, runtime): the LSP glue. It owns the documents, the project and the
// wiring; the analysis is the engine's and every feature is a pure provider in engine/features.
// The same function runs under Node (node/serverMain.ts) and in the in-process tests.
import {
  CodeLensRefreshRequest, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeResult, type NotificationType,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, createProject, inferredConfig, localizeModel, toLocale, type Locale } from './engine/index';
import { registerFeatures } from './handlers/features';
import { DiagnosticsController, type DiagnosticsMode } from './handlers/diagnostics';
import { guard, guardNotification } from './handlers/guard';
import { Debouncer } from './handlers/scheduler';
import { SettingsStore } from './handlers/settings';
import { WorkspaceSync } from './handlers/workspaceSync';
import { projectSummary } from './handlers/projectSummary';
import {
  DEFAULT_SETTINGS, FailoverModelRequest, InferredConfigRequest, ModelChangedNotification, ProjectSummaryRequest, StatusNotification,
  type InitializationOptions, type ProjectSummary, type Settings, type StatusParams,
} from './protocol';
import type { RuntimeEnvironment } from './runtime';

const MIB = 1024 * 1024;

/** A few documents of the common kinds: analysing them loads their validators and compiles the analysis code. */
const WARM_UP = [
  'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: o\n  tenant: t\n  name: w\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n',
  'apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  name: s\nspec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: ew\n        labels: {app: ew}\n',
  'apiVersion: gateway.tsb.tetrate.io/v2\nkind: Group\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  name: g\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n  configMode: BRIDGED\n',
  'apiVersion: traffic.tsb.tetrate.io/v2\nkind: Group\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  name: g\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n',
  'apiVersion: gateway.tsb.tetrate.io/v2\nkind: IngressGateway\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\n  name: i\nspec:\n  workloadSelector:\n    namespace: ns\n    labels: {app: i}\n  http:\n    - name: web\n      hostname: a.example.com\n      port: 80\n      routing:\n        rules:\n          - route:\n              host: ns/a.ns.svc.cluster.local\n',
  'apiVersion: traffic.tsb.tetrate.io/v2\nkind: ServiceRoute\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\n  name: r\nspec:\n  service: ns/a.ns.svc.cluster.local\n  subsets:\n    - name: v1\n      labels: {version: v1}\n      weight: 100\n',
  'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: i\n  namespace: ns\nspec:\n  kubeSpec:\n    service:\n      type: LoadBalancer\n',
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  namespace: ns\n  labels: {app: a}\nspec:\n  selector: {app: a}\n  ports: [{name: http, port: 8080}]\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  namespace: ns\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers:\n        - name: a\n          image: a:1\n',
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels: {istio-injection: enabled}\n',
];

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  let shuttingDown = false;
  // After shutdown the connection may be closed: nothing we send then may throw into a timer.
  const say = (f: (m: string) => void) => (m: string) => { if (!shuttingDown) { try { f(m); } catch { /* closed */ } } };
  const logger = {
    error: say((m) => connection.console.error(m)), warn: say((m) => connection.console.warn(m)),
    info: say((m) => connection.console.info(m)), log: say((m) => connection.console.log(m)),
  };
  const notify = <P>(type: NotificationType<P>, params: P) => {
    if (!shuttingDown) connection.sendNotification(type, params).catch(() => undefined);
  };
  const documents = new TextDocuments(TextDocument);
  const project = createProject({}, runtime.validators);
  const sync = new WorkspaceSync(project, runtime, logger);
  let settingsStore: SettingsStore | undefined;
  let diagnostics: DiagnosticsController | undefined;
  let current: Settings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let scan: Promise<void> = Promise.resolve();
  let lastVersion = -1;
  let lastSettings = -1;
  let closedFilesChanged = false;
  let lastStatus = '';
  let canRefreshLenses = false;
  let watchDynamically = false;
  let snippets = true;
  let folderEvents = false;
  let initializeReceived = false;
  /** The client's display language (`initialize` params.locale): what the server says is in it. */
  let locale: Locale = 'en';
  let initialized: () => void = () => undefined;
  sync.waitFor(new Promise<void>((resolve) => { initialized = resolve; }));

  const settle = new Debouncer(runtime, async (isCurrent) => {
    await sync.initialized;
    if (!isCurrent() || !diagnostics || shuttingDown) return;
    if (sync.scanPending) {
      // The workspace is still being read: editors' files first, with their own problems; then,
      // once every file is in, the cross-file ones.
      await sync.flush();
      if (!isCurrent() || shuttingDown) return;
      if (sync.scanPending && diagnostics.mode === 'push') await diagnostics.publishOwn(isCurrent);
    }
    await sync.ready;
    if (!isCurrent() || shuttingDown) return;
    await sync.flush();
    // Edited again while a slice of analysis ran: the newer run publishes.
    if (!isCurrent() || shuttingDown) return;
    // Cross-file results in slices: requests are answered in between.
    await sync.derive();
    if (!isCurrent() || shuttingDown) return;
    announce();
    if (diagnostics.mode === 'push') await diagnostics.publish(isCurrent);
    if (!isCurrent()) return;
    const status: StatusParams = diagnostics.status();
    if (JSON.stringify(status) !== lastStatus) {
      lastStatus = JSON.stringify(status);
      notify(StatusNotification, status);
    }
  }, (err) => logger.error(`Updating diagnostics failed: ${String((err as Error)?.stack ?? err)}`));

  /**
   * Tells clients when cross-file results may have changed: a pull client re-pulls (refresh), the
   * preview and code lenses update. Runs after any flush that changed the project, including the one
   * a pull for the edited document causes, so other files refresh without waiting for the debounce.
   */
  function announce(): boolean {
    // Settings (rule severities, enable) and a closed file's own text change diagnostics without
    // changing the project's cross-file version; open documents are pulled by the client itself.
    const settingsGeneration = settingsStore?.generation ?? 0;
    if (!diagnostics || shuttingDown) return false;
    if (project.version === lastVersion && settingsGeneration === lastSettings && !closedFilesChanged) return false;
    closedFilesChanged = false;
    const projectChanged = project.version !== lastVersion;
    lastVersion = project.version;
    lastSettings = settingsGeneration;
    diagnostics.projectChanged();
    if (!projectChanged) return true;
    notify(ModelChangedNotification, { version: lastVersion });
    if (canRefreshLenses) refreshLenses();
    return true;
  }

  // One code lens refresh in flight at a time (a client slow to answer never collects a queue of them).
  let lensRefreshing = false;
  let lensAgain = false;
  function refreshLenses(): void {
    if (lensRefreshing) { lensAgain = true; return; }
    lensRefreshing = true;
    connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined).finally(() => {
      lensRefreshing = false;
      if (lensAgain && !shuttingDown) { lensAgain = false; refreshLenses(); }
    });
  }

  sync.onDidChange(() => settle.trigger(current.diagnosticsDelay));

  async function applySettings(): Promise<void> {
    if (!settingsStore) return;
    current = await settingsStore.get();
    diagnostics?.setEnabled(current.enable);
    project.setOptions({ ruleSeverities: current.rules as Record<string, never>, maxFileSize: current.maxFileSize * MIB, ...(current.version ? { tsbVersion: current.version } : {}) });
    if (sync.setMaxFileSize(current.maxFileSize)) await sync.rescan();
  }

  connection.onInitialize((params): InitializeResult => {
    initializeReceived = true;
    locale = toLocale(params.locale);
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    // Pull only when the client can also be asked to re-pull (workspace/diagnostic/refresh): without it a
    // change in one file would never reach the others (Neovim 0.10 pulls but cannot be refreshed).
    const canPull = caps.textDocument?.diagnostic !== undefined;
    const canRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    const mode: DiagnosticsMode = init.diagnosticsMode === 'pull' || init.diagnosticsMode === 'push'
      ? init.diagnosticsMode
      : canPull && canRefresh ? 'pull' : 'push';
    settingsStore = new SettingsStore(connection, caps.workspace?.configuration === true, init.settings, logger);
    diagnostics = new DiagnosticsController(connection, project, sync, settingsStore, runtime, logger, mode, canRefresh, announce);
    diagnostics.locale = locale;
    if (mode === 'pull') diagnostics.registerPull();
    canRefreshLenses = caps.workspace?.codeLens?.refreshSupport === true;
    watchDynamically = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    folders = (params.workspaceFolders ?? []).map((f) => runtime.normaliseUri(f.uri));
    if (!folders.length && params.rootUri) folders = [runtime.normaliseUri(params.rootUri)];
    const why = init.diagnosticsMode === mode ? 'as initializationOptions.diagnosticsMode asks' : canPull && !canRefresh ? 'the client pulls but cannot be asked to re-pull' : canPull ? 'the client pulls and can be asked to re-pull' : 'the client does not pull';
    logger.info(`TSB language server: ${mode} diagnostics (${why}), ${folders.length} workspace folder(s), messages in ${locale}.`);
    // Queued now, run once the settings are read (after `initialized`): every query waits for it, even
    // one that arrives while `initialized` is still registering watchers.
    scan = sync.addFolders(folders);
    // Worker threads get ready while the client finishes starting (the first file opened needs them).
    runtime.warmUp?.(WARM_UP);
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
        ...(mode === 'pull' ? { diagnosticProvider: { identifier: 'tsb', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'tsb-language-server' },
    };
  });

  connection.onInitialized(guardNotification(logger, 'initialized', async () => {
    if (watchDynamically) {
      // YAML, and the scripts, Makefiles and READMEs that say where it is applied.
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml,sh,bash,zsh,md,markdown,mk}' }, { globPattern: '**/{Makefile,makefile,GNUmakefile}' }],
      });
    }
    // The getter throws for clients without workspace folder support.
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(guardNotification(logger, 'workspace folders', async (e) => {
        const removed = e.removed.map((f) => runtime.normaliseUri(f.uri));
        folders = [...folders.filter((f) => !removed.includes(f)), ...e.added.map((f) => runtime.normaliseUri(f.uri))];
        sync.removeFolders(removed);
        await sync.addFolders(e.added.map((f) => runtime.normaliseUri(f.uri)));
      }));
    }
    try {
      await applySettings();
    } finally {
      initialized();
    }
    await scan;
  }));

  connection.onDidChangeConfiguration(guardNotification(logger, 'configuration', async (params) => {
    settingsStore?.invalidate(params.settings);
    await applySettings();
    settle.trigger(0);
  }));

  documents.onDidChangeContent((e) => sync.didChange(runtime.normaliseUri(e.document.uri), e.document));
  documents.onDidClose((e) => { closedFilesChanged = true; void sync.didClose(runtime.normaliseUri(e.document.uri)); });

  connection.onDidChangeWatchedFiles(guardNotification(logger, 'watched files', async (params) => {
    closedFilesChanged = true;
    await sync.didChangeWatchedFiles(params.changes.map((c) => ({
      uri: runtime.normaliseUri(c.uri),
      type: c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed',
    })));
  }));

  connection.onRequest(InferredConfigRequest, guard(logger, InferredConfigRequest.method, null, async (params) => {
    await sync.settled();
    const uri = params.uri ? runtime.normaliseUri(params.uri) : undefined;
    const folder = (uri ? folders.filter((f) => uri.startsWith(f + '/')).sort((a, b) => b.length - a.length)[0] : undefined) ?? folders[0];
    if (!folder) return null;
    const configUri = `${folder.replace(/\/$/, '')}/${CONFIG_FILE}`;
    return { uri: configUri, text: inferredConfig(project.deployment(configUri), folder.replace(/\/$/, '')), exists: project.hasConfig(folder.replace(/\/$/, '')) };
  }, () => initializeReceived));

  connection.onRequest(FailoverModelRequest, guard(logger, FailoverModelRequest.method, { workspaces: [], clusters: [], placementsConfigured: false, notes: [] }, async () => {
    await sync.settled();
    await sync.derive();
    return localizeModel(project.failoverModel(), locale);
  }, () => initializeReceived));

  const noSummary: ProjectSummary = {
    version: -1, folders: [], files: 0, tsbFiles: 0, scanning: false,
    problems: { errors: 0, warnings: 0, infos: 0, files: 0, filesWithProblems: 0 },
    configs: [], placementsConfigured: false, clusters: [], unplaced: [], inferenceNotes: [], notes: [], units: [],
    project: { organizations: [], tenants: [], workspaces: [], namespaces: [], gateways: [] },
  };
  connection.onRequest(ProjectSummaryRequest, guard(logger, ProjectSummaryRequest.method, noSummary, async () => {
    await sync.settled();
    await sync.derive();
    if (!diagnostics) return noSummary;
    return projectSummary({
      project, folders, knownUris: sync.knownUris(), configs: sync.configFiles(), status: diagnostics.status(), scanning: sync.isScanning, locale,
    });
  }, () => initializeReceived));

  registerFeatures({ connection, project, sync, runtime, logger, enabled: () => current.enable, snippets: () => snippets, initialized: () => initializeReceived, locale: () => locale });

  connection.onShutdown(() => {
    shuttingDown = true;
    settle.dispose();
    diagnostics?.stop();
  });
  documents.listen(connection);
  connection.listen();
}
