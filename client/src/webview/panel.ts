// Host side of the failover preview: one panel, created or revealed, restored after reload by a
// WebviewPanelSerializer. The model comes from the language server (getModel); the panel only
// forwards it by postMessage once the app says `ready`.
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { FailoverModel, SourceRef } from '../../../server/src/engine/model/failoverTypes';
import { buildShellHtml } from './html';
import {
  FAILOVER_PREVIEW_VIEW_TYPE, isAppToHostMessage, type AppToHostMessage, type HostToAppMessage,
} from './protocol';

export type GetModel = () => Promise<FailoverModel>;

export interface FailoverPreviewOptions {
  /** Debounce of refreshes triggered by edits, in ms. */
  debounceMs?: number;
  /** Refresh when a YAML document changes (default true). Set false if the caller drives update() itself. */
  followEdits?: boolean;
}

const DEFAULT_DEBOUNCE_MS = 300;

function extensionUriOf(ctx: vscode.ExtensionContext | vscode.Uri): vscode.Uri {
  return ctx instanceof vscode.Uri ? ctx : ctx.extensionUri;
}

export class FailoverPreviewPanel implements vscode.Disposable {
  static readonly viewType = FAILOVER_PREVIEW_VIEW_TYPE;
  private static current: FailoverPreviewPanel | undefined;

  /** The open panel, if any (for code lenses and model-changed notifications). */
  static get currentPanel(): FailoverPreviewPanel | undefined {
    return FailoverPreviewPanel.current;
  }

  /** Opens the panel beside the editor, or reveals it when already open. */
  static createOrShow(ctx: vscode.ExtensionContext | vscode.Uri, getModel: GetModel, options: FailoverPreviewOptions = {}): FailoverPreviewPanel {
    const existing = FailoverPreviewPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.scheduleRefresh(0);
      return existing;
    }
    const extensionUri = extensionUriOf(ctx);
    const panel = vscode.window.createWebviewPanel(
      FailoverPreviewPanel.viewType,
      'Failover Preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      FailoverPreviewPanel.webviewOptions(extensionUri),
    );
    return new FailoverPreviewPanel(panel, extensionUri, getModel, options);
  }

  /** Called by the serializer after a reload; the app restores its what-if from its own state. */
  static revive(panel: vscode.WebviewPanel, ctx: vscode.ExtensionContext | vscode.Uri, getModel: GetModel, options: FailoverPreviewOptions = {}): FailoverPreviewPanel {
    FailoverPreviewPanel.current?.dispose();
    const extensionUri = extensionUriOf(ctx);
    panel.webview.options = FailoverPreviewPanel.webviewOptions(extensionUri);
    return new FailoverPreviewPanel(panel, extensionUri, getModel, options);
  }

  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'out', 'webview')],
      // The app keeps its state with setState, so the DOM need not stay alive while hidden.
      retainContextWhenHidden: false,
    };
  }

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private version = 0;
  /** Sequence of getModel calls, so a slow answer never overwrites a newer one. */
  private requestSeq = 0;
  private deliveredSeq = 0;
  private lastModel: FailoverModel | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly debounceMs: number;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly getModel: GetModel,
    options: FailoverPreviewOptions,
  ) {
    FailoverPreviewPanel.current = this;
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    panel.webview.html = this.html();

    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidChangeViewState((e) => {
        // Hidden webviews are torn down (retainContextWhenHidden false); the app says `ready` again when shown.
        if (!e.webviewPanel.visible) this.ready = false;
      }),
    );
    if (options.followEdits ?? true) {
      const isYaml = (d: vscode.TextDocument) => d.languageId === 'yaml' || /\.ya?ml$/i.test(d.uri.path);
      this.disposables.push(
        vscode.workspace.onDidChangeTextDocument((e) => { if (isYaml(e.document) && e.contentChanges.length) this.scheduleRefresh(); }),
        vscode.workspace.onDidSaveTextDocument((d) => { if (isYaml(d)) this.scheduleRefresh(); }),
        vscode.workspace.onDidCreateFiles(() => this.scheduleRefresh()),
        vscode.workspace.onDidDeleteFiles(() => this.scheduleRefresh()),
        vscode.workspace.onDidRenameFiles(() => this.scheduleRefresh()),
      );
    }
  }

  /** Pushes a model computed elsewhere (e.g. on a server "model changed" notification). */
  update(model: FailoverModel): void {
    this.deliveredSeq = ++this.requestSeq; // any getModel still in flight is older than this
    this.lastModel = model;
    this.post({ type: 'model', model, version: ++this.version });
  }

  /** Asks the server for the model now and pushes it. Errors reach the app as an `error` message. */
  async refresh(): Promise<void> {
    const seq = ++this.requestSeq;
    try {
      const model = await this.getModel();
      if (this.disposed || seq < this.deliveredSeq) return;
      this.deliveredSeq = seq;
      this.lastModel = model;
      this.post({ type: 'model', model, version: ++this.version });
    } catch (e) {
      if (this.disposed || seq < this.deliveredSeq) return;
      this.post({ type: 'error', message: `Could not compute the failover model: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  /** Debounced refresh, for bursts of edits. */
  scheduleRefresh(delayMs = this.debounceMs): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, delayMs);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (FailoverPreviewPanel.current === this) FailoverPreviewPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  private post(message: HostToAppMessage): void {
    // Before `ready` nothing is sent: the app may not be listening yet. The last model is kept and
    // goes out when it says `ready` (followed by a fresh request).
    if (!this.ready) return;
    void this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    if (!isAppToHostMessage(raw)) return; // untrusted input: ignore anything malformed
    const msg: AppToHostMessage = raw;
    switch (msg.type) {
      case 'ready': {
        this.ready = true;
        // Paint at once with what we have, then fetch a fresh model (after a reload the app shows
        // its persisted copy until the answer comes).
        if (this.lastModel) this.post({ type: 'model', model: this.lastModel, version: ++this.version });
        void this.refresh();
        break;
      }
      case 'requestModel':
        void this.refresh();
        break;
      case 'reveal':
        void this.reveal(msg.source);
        break;
    }
  }

  private knownUris(): Set<string> {
    const uris = new Set<string>();
    const add = (s: SourceRef | undefined) => { if (s) uris.add(s.uri); };
    for (const ws of this.lastModel?.workspaces ?? []) {
      add(ws.source); add(ws.settingSource);
      for (const g of ws.gateways) { add(g.selectorSource); for (const i of g.installs) add(i.source); }
      for (const c of ws.candidates) { add(c.source); for (const w of c.workloads) add(w.source); }
      for (const e of ws.excluded) add(e.source);
    }
    return uris;
  }

  private async reveal(source: SourceRef): Promise<void> {
    // Only open files the model points at: a compromised webview must not open arbitrary URIs.
    if (!this.knownUris().has(source.uri)) return;
    try {
      const uri = vscode.Uri.parse(source.uri, true);
      const document = await vscode.workspace.openTextDocument(uri);
      const range = document.validateRange(new vscode.Range(source.line, source.character, source.endLine, source.endCharacter));
      const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn
        ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
      await vscode.window.showTextDocument(document, { viewColumn: column, selection: range, preserveFocus: false });
    } catch (e) {
      void vscode.window.showWarningMessage(`TSB: could not open ${source.uri}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const base = vscode.Uri.joinPath(this.extensionUri, 'client', 'out', 'webview');
    return buildShellHtml({
      cspSource: webview.cspSource,
      nonce: crypto.randomBytes(16).toString('base64url'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(base, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(base, 'main.css')).toString(),
    });
  }
}

/** Restores the panel after a reload (register during activation). */
export class FailoverPreviewSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly ctx: vscode.ExtensionContext | vscode.Uri,
    private readonly getModel: GetModel,
    private readonly options: FailoverPreviewOptions = {},
  ) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, _state: unknown): Promise<void> {
    // The app restores its own state (what-if, last model) with vscode.getState.
    FailoverPreviewPanel.revive(panel, this.ctx, this.getModel, this.options);
  }
}
