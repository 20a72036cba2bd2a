// The composition root: owns the language client, the status item, the output channel and two
// disposal lifetimes — the extension's (context.subscriptions) and one server session's.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { FailoverPreviewPanel, type PreviewData } from './webview/panel';
import { ProjectSummaryPanel } from './webview/summaryPanel';
import {
  Commands,
  FailoverModelRequest,
  InferredConfigRequest,
  ModelChangedNotification,
  ProjectSummaryRequest,
  StatusNotification,
  type InferredConfig,
  type ProjectSummary,
} from '../../server/src/protocol';
import { createLanguageClient, CLIENT_NAME, RestartPolicy } from './languageClient';
import { StatusItem } from './statusItem';
import { TsbDocuments } from './tsbDocuments';

/** Bursts of notifications (a scan, a rename) end in one summary request. */
const SUMMARY_DEBOUNCE_MS = 200;

export class Ctx implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel(CLIENT_NAME);
  readonly status = new StatusItem();
  readonly tsbDocuments = new TsbDocuments();
  private client: LanguageClient | undefined;
  private session: vscode.Disposable[] = [];
  private readonly policy = new RestartPolicy(() => this.gaveUp());
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly extension: vscode.ExtensionContext) {
    extension.subscriptions.push(this.output, this.status, this.tsbDocuments, this);
  }

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const client = createLanguageClient(this.extension, this.output, this.policy);
    this.client = client;
    this.status.setState('starting');
    this.session.push(
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          this.status.setState('running');
          this.scheduleSummary(0);
        } else if (e.newState === State.Starting) this.status.setState('starting');
        else this.status.setState('stopped');
      }),
      client.onNotification(StatusNotification, () => this.scheduleSummary()),
      client.onNotification(ModelChangedNotification, () => {
        FailoverPreviewPanel.currentPanel?.scheduleRefresh();
        this.scheduleSummary();
      }),
    );
    try {
      await client.start();
    } catch (err) {
      this.status.setState('failed');
      this.output.appendLine(`Could not start the server: ${String((err as Error)?.message ?? err)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not start; see the "{0}" output.', CLIENT_NAME));
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    while (this.session.length) this.session.pop()?.dispose();
    if (client) {
      try {
        await client.stop(5000);
      } catch {
        /* already stopped or crashed */
      }
      await client.dispose().catch(() => undefined);
    }
    this.status.setState('stopped');
  }

  async restart(): Promise<void> {
    this.policy.reset();
    await this.stop();
    await this.start();
  }

  /** What the server inferred about where files are applied, as tsb.config.yaml text. */
  async requestInferredConfig(uri?: string): Promise<InferredConfig | null> {
    return this.runningClient().sendRequest(InferredConfigRequest, uri ? { uri } : {});
  }

  private runningClient(): LanguageClient {
    const client = this.client;
    if (!client || client.state !== State.Running)
      throw new Error(vscode.l10n.t('the TSB language server is not running (run "TSB: Restart Server")'));
    return client;
  }

  /** The failover model and the project's names, for the preview panel; throws a readable error when the server is down. */
  async requestFailoverModel(): Promise<PreviewData> {
    const client = this.runningClient();
    const [model, summary] = await Promise.all([
      client.sendRequest(FailoverModelRequest, {}),
      client.sendRequest(ProjectSummaryRequest, {}).catch(() => undefined),
    ]);
    return { model, ...(summary ? { hints: { project: summary.project, folders: summary.folders } } : {}) };
  }

  /** What the server found in the workspace. */
  async requestSummary(): Promise<ProjectSummary> {
    return this.runningClient().sendRequest(ProjectSummaryRequest, {});
  }

  /** Refreshes the status item and an open summary panel (debounced). */
  private scheduleSummary(delayMs = SUMMARY_DEBOUNCE_MS): void {
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = undefined;
      if (!this.running) return;
      this.requestSummary().then(
        (s) => {
          this.status.setSummary(s);
          void ProjectSummaryPanel.currentPanel?.push(s);
        },
        (e: unknown) =>
          this.output.appendLine(`Could not read the project summary: ${e instanceof Error ? e.message : String(e)}`),
      );
    }, delayMs);
  }

  private gaveUp(): void {
    this.status.setState('failed');
    const restart = vscode.l10n.t('Restart Server');
    const log = vscode.l10n.t('Show Log');
    void vscode.window
      .showErrorMessage(
        vscode.l10n.t('{0} crashed 5 times in 3 minutes and was not restarted.', CLIENT_NAME),
        restart,
        log,
      )
      .then((choice) => {
        if (choice === restart) void vscode.commands.executeCommand(Commands.restartServer);
        if (choice === log) this.output.show(true);
      });
  }

  dispose(): void {
    void this.stop();
  }
}
