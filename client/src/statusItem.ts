// The status bar item: what the server found ("TSB: 3 clusters inferred from deploy.sh · 41 files ·
// 2 errors"), from tsb/projectSummary; a click opens the project summary.
import * as vscode from 'vscode';
import { Commands, type ProjectSummary } from '../../server/src/protocol';
import { missingItems, placementText, problemsText, summaryHeadline } from './summaryText';

/** Markdown-escapes text (names from the workspace must not become links or emphasis). */
const esc = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, (c) => `\\${c}`);

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tsb.status', vscode.StatusBarAlignment.Left, 10);
  private state: ServerState = 'starting';
  private summary: ProjectSummary | undefined;

  constructor() {
    this.item.name = 'TSB';
    this.render();
    this.item.show();
  }

  setState(state: ServerState): void {
    this.state = state;
    if (state !== 'running') this.summary = undefined;
    this.render();
  }

  setSummary(summary: ProjectSummary): void {
    this.summary = summary;
    this.render();
  }

  /** The text shown (for tests and the log). */
  get text(): string {
    return this.item.text;
  }

  private render(): void {
    const s = this.summary;
    this.item.backgroundColor = undefined;
    switch (this.state) {
      case 'starting':
        this.item.text = `$(sync~spin) ${t('TSB: starting\u2026')}`;
        this.item.tooltip = t('The TSB language server is starting.');
        this.item.command = Commands.showOutput;
        break;
      case 'stopped':
      case 'failed':
        this.item.text = `$(circle-slash) ${t('TSB: stopped')}`;
        this.item.tooltip =
          this.state === 'failed'
            ? t(
                'The TSB language server stopped after repeated crashes. Click for its log; run "TSB: Restart Server" to start it.',
              )
            : t('The TSB language server is stopped. Click for its log; run "TSB: Restart Server" to start it.');
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        this.item.command = Commands.showOutput;
        break;
      case 'running': {
        this.item.command = Commands.showSummary;
        if (!s) {
          this.item.text = `$(sync~spin) ${t('TSB: reading the workspace\u2026')}`;
          this.item.tooltip = t(
            'The TSB language server is reading the YAML files of the workspace. Click for the project summary.',
          );
          break;
        }
        const icon = s.scanning
          ? '$(sync~spin)'
          : s.problems.errors
            ? '$(error)'
            : s.problems.warnings
              ? '$(warning)'
              : '$(check)';
        this.item.text = `${icon} ${summaryHeadline(s, t)}`;
        // Text from the workspace (names) is escaped: the tooltip renders markdown, with theme icons only.
        const md = new vscode.MarkdownString(undefined, true);
        md.isTrusted = false;
        md.appendMarkdown(`**${esc(t('Where files are applied: {0}', placementText(s, t)))}**\n\n`);
        md.appendMarkdown(
          `${esc(t('{0} YAML files, {1} with TSB documents', s.files, s.tsbFiles))} · ${esc(problemsText(s, t, true))}\n\n`,
        );
        for (const m of missingItems(s, t)) md.appendMarkdown(`$(warning) ${esc(m)}\n\n`);
        md.appendMarkdown(esc(t('Click for the project summary.')));
        this.item.tooltip = md;
        break;
      }
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
