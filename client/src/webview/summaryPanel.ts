// Host side of the project summary: what the server found, what it inferred and from where, what is
// missing; one panel, created or revealed, restored after a reload. Same webview bundle as the preview.
import * as vscode from 'vscode';
import { WRITE_CONFIG_COMMAND, type ProjectSummary } from '../../../server/src/protocol';
import { summaryUris } from './app/summaryView';
import { hasCommand, WebviewHost, webviewOptions, type PanelOptions } from './host';
import { PROJECT_SUMMARY_VIEW_TYPE, type HostToAppMessage } from './protocol';

export type GetSummary = () => Promise<ProjectSummary>;

export class ProjectSummaryPanel extends WebviewHost<ProjectSummary> {
  private static current: ProjectSummaryPanel | undefined;

  static get currentPanel(): ProjectSummaryPanel | undefined {
    return ProjectSummaryPanel.current;
  }

  static createOrShow(
    extensionUri: vscode.Uri,
    getSummary: GetSummary,
    options: PanelOptions = {},
  ): ProjectSummaryPanel {
    const existing = ProjectSummaryPanel.current;
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PROJECT_SUMMARY_VIEW_TYPE,
      vscode.l10n.t('TSB Project Summary'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      webviewOptions(extensionUri),
    );
    return new ProjectSummaryPanel(panel, extensionUri, getSummary, options);
  }

  static revive(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    getSummary: GetSummary,
    options: PanelOptions = {},
  ): ProjectSummaryPanel {
    ProjectSummaryPanel.current?.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    return new ProjectSummaryPanel(panel, extensionUri, getSummary, options);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly getSummary: GetSummary,
    options: PanelOptions,
  ) {
    // The summary follows the server's notifications (the caller refreshes it), not every keystroke.
    super(panel, extensionUri, 'summary', { followEdits: false, ...options });
    ProjectSummaryPanel.current = this;
  }

  protected load(): Promise<ProjectSummary> {
    return this.getSummary();
  }

  protected async message(summary: ProjectSummary, version: number): Promise<HostToAppMessage> {
    return { type: 'summary', summary, version, canWriteConfig: await hasCommand(WRITE_CONFIG_COMMAND) };
  }

  protected errorText(e: unknown): string {
    return vscode.l10n.t('Could not read the project summary: {0}', e instanceof Error ? e.message : String(e));
  }

  protected onDisposed(): void {
    if (ProjectSummaryPanel.current === this) ProjectSummaryPanel.current = undefined;
  }

  protected uris(summary: ProjectSummary | undefined): Set<string> {
    return summary ? summaryUris(summary) : new Set();
  }
}

export class ProjectSummarySerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly getSummary: GetSummary,
  ) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    ProjectSummaryPanel.revive(panel, this.extensionUri, this.getSummary);
  }
}
