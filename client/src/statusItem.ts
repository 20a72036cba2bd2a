// The status bar item: server state and the project's problem counts (from tsb/status).
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tsb.status', vscode.StatusBarAlignment.Left, 10);
  private state: ServerState = 'starting';
  private counts: StatusParams | undefined;

  constructor() {
    this.item.name = 'TSB';
    this.item.command = 'tsb.showOutput';
    this.render();
    this.item.show();
  }

  setState(state: ServerState): void {
    this.state = state;
    if (state !== 'running') this.counts = undefined;
    this.render();
  }

  setCounts(counts: StatusParams): void {
    this.counts = counts;
    this.render();
  }

  private render(): void {
    const c = this.counts;
    this.item.backgroundColor = undefined;
    switch (this.state) {
      case 'starting':
        this.item.text = '$(sync~spin) TSB';
        this.item.tooltip = 'TSB language server is starting';
        break;
      case 'stopped':
      case 'failed':
        this.item.text = '$(circle-slash) TSB';
        this.item.tooltip = this.state === 'failed'
          ? 'TSB language server stopped after repeated crashes. Run "TSB: Restart Server".'
          : 'TSB language server is stopped. Run "TSB: Restart Server".';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'running':
        this.item.text = c && (c.errors || c.warnings) ? `$(error) ${c.errors} $(warning) ${c.warnings} TSB` : '$(check) TSB';
        this.item.tooltip = c
          ? `TSB: ${c.errors} error(s), ${c.warnings} warning(s), ${c.infos} note(s) in ${c.filesWithProblems} of ${c.files} YAML file(s). Click for the server log.`
          : 'TSB language server is running. Click for the server log.';
        break;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
