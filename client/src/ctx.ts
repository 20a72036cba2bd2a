// The composition root: owns the language client, the status item, the output channel and two
// disposal lifetimes — the extension's (context.subscriptions) and one server session's.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { FailoverPreviewPanel } from './webview/panel';
import {
  FailoverModelRequest, InferredConfigRequest, ModelChangedNotification, StatusNotification, type FailoverModel, type InferredConfig,
} from '../../server/src/protocol';
import { createLanguageClient, CLIENT_NAME, RestartPolicy } from './languageClient';
import { StatusItem } from './statusItem';

export class Ctx implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel(CLIENT_NAME);
  readonly status = new StatusItem();
  private client: LanguageClient | undefined;
  private session: vscode.Disposable[] = [];
  private readonly policy = new RestartPolicy(() => this.gaveUp());

  constructor(readonly extension: vscode.ExtensionContext) {
    extension.subscriptions.push(this.output, this.status, this);
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
        if (e.newState === State.Running) this.status.setState('running');
        else if (e.newState === State.Starting) this.status.setState('starting');
        else this.status.setState('stopped');
      }),
      client.onNotification(StatusNotification, (s) => this.status.setCounts(s)),
      client.onNotification(ModelChangedNotification, () => FailoverPreviewPanel.currentPanel?.scheduleRefresh()),
    );
    try {
      await client.start();
    } catch (err) {
      this.status.setState('failed');
      this.output.appendLine(`Could not start the server: ${String((err as Error)?.message ?? err)}`);
      void vscode.window.showErrorMessage(`${CLIENT_NAME} could not start; see the "${CLIENT_NAME}" output.`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
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
    const client = this.client;
    if (!client || client.state !== State.Running) throw new Error('the TSB language server is not running (run "TSB: Restart Server")');
    return client.sendRequest(InferredConfigRequest, uri ? { uri } : {});
  }

  /** The failover model, for the preview panel; throws a readable error when the server is down. */
  async requestFailoverModel(): Promise<FailoverModel> {
    const client = this.client;
    if (!client || client.state !== State.Running) throw new Error('the TSB language server is not running (run "TSB: Restart Server")');
    return client.sendRequest(FailoverModelRequest, {});
  }

  private gaveUp(): void {
    this.status.setState('failed');
    void vscode.window.showErrorMessage(`${CLIENT_NAME} crashed 5 times in 3 minutes and was not restarted.`, 'Restart Server', 'Show Log').then((choice) => {
      if (choice === 'Restart Server') void vscode.commands.executeCommand('tsb.restartServer');
      if (choice === 'Show Log') this.output.show(true);
    });
  }

  dispose(): void {
    void this.stop();
  }
}
