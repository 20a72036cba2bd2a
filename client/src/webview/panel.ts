// Host side of the failover preview: one panel, created or revealed, restored after reload by a
// WebviewPanelSerializer. The model and the project hints come from the language server (getModel);
// the panel only forwards them by postMessage once the app says `ready`.
import * as vscode from 'vscode';
import type { FailoverModel, SourceRef } from '../../../server/src/engine/index';
import { WRITE_CONFIG_COMMAND } from '../../../server/src/protocol';
import { hasCommand, WebviewHost, webviewOptions, type PanelOptions } from './host';
import { FAILOVER_PREVIEW_VIEW_TYPE, type HostToAppMessage, type ProjectHints } from './protocol';

export interface PreviewData {
  model: FailoverModel;
  /** The project's own names, for advice (absent when the server could not say). */
  hints?: Omit<ProjectHints, 'canWriteConfig'>;
}

export type GetModel = () => Promise<PreviewData>;
export type FailoverPreviewOptions = PanelOptions;

function extensionUriOf(ctx: vscode.ExtensionContext | vscode.Uri): vscode.Uri {
  return ctx instanceof vscode.Uri ? ctx : ctx.extensionUri;
}

export class FailoverPreviewPanel extends WebviewHost<PreviewData> {
  static readonly viewType = FAILOVER_PREVIEW_VIEW_TYPE;
  private static current: FailoverPreviewPanel | undefined;

  /** The open panel, if any (for code lenses and model-changed notifications). */
  static get currentPanel(): FailoverPreviewPanel | undefined {
    return FailoverPreviewPanel.current;
  }

  /** Opens the panel beside the editor, or reveals it when already open. */
  static createOrShow(
    ctx: vscode.ExtensionContext | vscode.Uri,
    getModel: GetModel,
    options: FailoverPreviewOptions = {},
  ): FailoverPreviewPanel {
    const existing = FailoverPreviewPanel.current;
    if (existing) {
      existing.reveal();
      return existing;
    }
    const extensionUri = extensionUriOf(ctx);
    const panel = vscode.window.createWebviewPanel(
      FailoverPreviewPanel.viewType,
      vscode.l10n.t('Failover Preview'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new FailoverPreviewPanel(panel, extensionUri, getModel, options);
  }

  /** Called by the serializer after a reload; the app restores its what-if from its own state. */
  static revive(
    panel: vscode.WebviewPanel,
    ctx: vscode.ExtensionContext | vscode.Uri,
    getModel: GetModel,
    options: FailoverPreviewOptions = {},
  ): FailoverPreviewPanel {
    FailoverPreviewPanel.current?.dispose();
    const extensionUri = extensionUriOf(ctx);
    panel.webview.options = webviewOptions(extensionUri);
    return new FailoverPreviewPanel(panel, extensionUri, getModel, options);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly getModel: GetModel,
    options: FailoverPreviewOptions,
  ) {
    super(panel, extensionUri, 'preview', options);
    FailoverPreviewPanel.current = this;
  }

  protected load(): Promise<PreviewData> {
    return this.getModel();
  }

  protected async message(data: PreviewData, version: number): Promise<HostToAppMessage> {
    const canWriteConfig = await hasCommand(WRITE_CONFIG_COMMAND);
    return {
      type: 'model',
      model: data.model,
      version,
      ...(data.hints ? { hints: { ...data.hints, canWriteConfig } } : {}),
    };
  }

  protected errorText(e: unknown): string {
    return vscode.l10n.t('Could not compute the failover model: {0}', e instanceof Error ? e.message : String(e));
  }

  protected onDisposed(): void {
    if (FailoverPreviewPanel.current === this) FailoverPreviewPanel.current = undefined;
  }

  protected uris(data: PreviewData | undefined): Set<string> {
    const uris = new Set<string>();
    const add = (s: SourceRef | undefined) => {
      if (s) uris.add(s.uri);
    };
    for (const ws of data?.model.workspaces ?? []) {
      add(ws.source);
      add(ws.settingSource);
      for (const g of ws.gateways) {
        add(g.selectorSource);
        for (const i of g.installs) add(i.source);
      }
      for (const c of ws.candidates) {
        add(c.source);
        for (const w of c.workloads) add(w.source);
      }
      for (const e of ws.excluded) {
        add(e.source);
        for (const w of e.workloads ?? []) add(w.source);
      }
    }
    for (const g of data?.hints?.project.gateways ?? []) uris.add(g.uri);
    return uris;
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
