// Host side shared by the two webview panels (failover preview, project summary): the CSP shell, the
// `ready` handshake, the display language, and the actions the app may ask for. Every message from the
// webview is untrusted: it is validated (protocol.ts), files are opened only when the data shown names
// them, new files are created only inside a workspace folder and never over an existing one.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { SourceRef } from '../../../server/src/engine/index';
import { WRITE_CONFIG_COMMAND } from '../../../server/src/protocol';
import { buildShellHtml } from './html';
import {
  isAppToHostMessage,
  type AppCommand,
  type AppToHostMessage,
  type HostToAppMessage,
  type WebviewView,
} from './protocol';

export interface PanelOptions {
  /** Debounce of refreshes triggered by edits, in ms. */
  debounceMs?: number;
  /** Refresh when a YAML document changes (default true). Set false if the caller drives refreshes itself. */
  followEdits?: boolean;
}

const DEFAULT_DEBOUNCE_MS = 300;

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'out', 'webview')],
    // The app keeps its state with setState, so the DOM need not stay alive while hidden.
    retainContextWhenHidden: false,
  };
}

/** Whether a command is registered right now (tsb.writeConfig comes from another part of the extension). */
export async function hasCommand(id: string): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(id);
}

export abstract class WebviewHost<T> implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private version = 0;
  /** Sequence of loads, so a slow answer never overwrites a newer one. */
  private requestSeq = 0;
  private deliveredSeq = 0;
  protected last: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  protected disposed = false;
  private readonly debounceMs: number;

  protected constructor(
    protected readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly view: WebviewView,
    options: PanelOptions,
  ) {
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
        vscode.workspace.onDidChangeTextDocument((e) => {
          if (isYaml(e.document) && e.contentChanges.length) this.scheduleRefresh();
        }),
        vscode.workspace.onDidSaveTextDocument((d) => {
          if (isYaml(d)) this.scheduleRefresh();
        }),
        vscode.workspace.onDidCreateFiles(() => this.scheduleRefresh()),
        vscode.workspace.onDidDeleteFiles(() => this.scheduleRefresh()),
        vscode.workspace.onDidRenameFiles(() => this.scheduleRefresh()),
      );
    }
  }

  /** Asks for fresh data. */
  protected abstract load(): Promise<T>;
  /** The message that carries the data to the app. */
  protected abstract message(data: T, version: number): Promise<HostToAppMessage> | HostToAppMessage;
  /** URIs the data names: the only files the app may open, and folders it may create files next to. */
  protected abstract uris(data: T | undefined): Set<string>;
  /** What the app shows when the data cannot be fetched. */
  protected abstract errorText(e: unknown): string;
  protected abstract onDisposed(): void;

  /** Asks for the data now and pushes it. Errors reach the app as an `error` message. */
  async refresh(): Promise<void> {
    const seq = ++this.requestSeq;
    try {
      const data = await this.load();
      if (this.disposed || seq < this.deliveredSeq) return;
      this.deliveredSeq = seq;
      this.last = data;
      this.post(await this.message(data, ++this.version));
    } catch (e) {
      if (this.disposed || seq < this.deliveredSeq) return;
      this.post({ type: 'error', message: this.errorText(e) });
    }
  }

  /** Pushes data computed elsewhere. */
  async push(data: T): Promise<void> {
    this.deliveredSeq = ++this.requestSeq; // any load still in flight is older than this
    this.last = data;
    this.post(await this.message(data, ++this.version));
  }

  /** Debounced refresh, for bursts of edits. */
  scheduleRefresh(delayMs = this.debounceMs): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delayMs);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
    this.scheduleRefresh(0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onDisposed();
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  protected post(message: HostToAppMessage): void {
    // Before `ready` nothing is sent: the app may not be listening yet. The last data is kept and goes
    // out when it says `ready` (followed by a fresh request).
    if (!this.ready) return;
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (!isAppToHostMessage(raw)) return; // untrusted input: ignore anything malformed
    const msg: AppToHostMessage = raw;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        // The display language first, then what we have, then a fresh load (after a reload the app
        // shows its persisted copy until the answer comes).
        this.post({ type: 'locale', bundle: vscode.l10n.bundle ?? null, language: vscode.env.language });
        if (this.last !== undefined) this.post(await this.message(this.last, ++this.version));
        void this.refresh();
        break;
      case 'requestModel':
        void this.refresh();
        break;
      case 'reveal':
        await this.revealSource(msg.source);
        break;
      case 'openLocation':
        await this.revealSource({ uri: msg.uri, line: msg.line, character: 0, endLine: msg.line, endCharacter: 0 });
        break;
      case 'copy':
        await vscode.env.clipboard.writeText(msg.text);
        this.post({ type: 'notice', message: vscode.l10n.t('Copied to the clipboard.') });
        break;
      case 'createFile':
        await this.createFile(msg.path, msg.text, msg.near);
        break;
      case 'command':
        await this.runCommand(msg.command);
        break;
    }
  }

  private async runCommand(command: AppCommand): Promise<void> {
    if (command === WRITE_CONFIG_COMMAND && !(await hasCommand(command))) {
      this.post({
        type: 'notice',
        message: vscode.l10n.t('Writing tsb.config.yaml is not available in this version.'),
      });
      return;
    }
    await vscode.commands.executeCommand(command);
  }

  private async revealSource(source: SourceRef): Promise<void> {
    // Only open files the data points at: a compromised webview must not open arbitrary URIs.
    if (!this.uris(this.last).has(source.uri)) return;
    try {
      const uri = vscode.Uri.parse(source.uri, true);
      const document = await vscode.workspace.openTextDocument(uri);
      const range = document.validateRange(
        new vscode.Range(source.line, source.character, source.endLine, source.endCharacter),
      );
      await vscode.window.showTextDocument(document, {
        viewColumn: this.editorColumn(uri),
        selection: range,
        preserveFocus: false,
      });
    } catch (e) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('TSB: could not open {0}: {1}', source.uri, e instanceof Error ? e.message : String(e)),
      );
    }
  }

  private editorColumn(uri: vscode.Uri): vscode.ViewColumn {
    return (
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One)
    );
  }

  /**
   * Creates `path` (already checked: relative, YAML, no `..`) in the folder of `near` when the data names
   * that file, else in the first workspace folder, and opens it with the text unsaved, for review. An
   * existing file is opened instead, never overwritten; the text then goes to the clipboard.
   */
  private async createFile(path: string, text: string, near: string | undefined): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    let base: vscode.Uri | undefined;
    if (near && this.uris(this.last).has(near)) base = vscode.Uri.joinPath(vscode.Uri.parse(near, true), '..');
    base ??= folders[0]?.uri;
    if (
      !base ||
      !folders.some((f) => base!.toString() === f.uri.toString() || base!.toString().startsWith(`${f.uri.toString()}/`))
    ) {
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
      await vscode.window.showTextDocument(doc, { viewColumn: this.editorColumn(doc.uri) });
      return;
    }
    const target = vscode.Uri.joinPath(base, ...path.split('/'));
    const exists = await vscode.workspace.fs.stat(target).then(
      () => true,
      () => false,
    );
    if (exists) {
      await vscode.env.clipboard.writeText(text);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), {
        viewColumn: this.editorColumn(target),
      });
      this.post({
        type: 'notice',
        message: vscode.l10n.t('{0} already exists: it is open, and the YAML is on the clipboard.', path),
      });
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { ignoreIfExists: true });
    edit.insert(target, new vscode.Position(0, 0), text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      this.post({ type: 'notice', message: vscode.l10n.t('Could not create {0}.', path) });
      return;
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), {
      viewColumn: this.editorColumn(target),
    });
    this.post({ type: 'notice', message: vscode.l10n.t('Created {0}: review it and save.', path) });
  }

  private html(): string {
    const webview = this.panel.webview;
    const base = vscode.Uri.joinPath(this.extensionUri, 'client', 'out', 'webview');
    return buildShellHtml({
      cspSource: webview.cspSource,
      nonce: crypto.randomBytes(16).toString('base64url'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(base, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(base, 'main.css')).toString(),
      view: this.view,
      lang: vscode.env.language,
      title: this.panel.title,
    });
  }
}
