// Which open documents hold TSB documents: the context key `tsb.tsbFiles` (paths) that the editor-title
// preview button's `when` clause reads (`resourcePath in tsb.tsbFiles`). Decided in the client from the
// text: instant when a file opens, also while the server starts, and the same rule as the server's
// ("tetrate" family: an apiVersion group under tetrate.io, whatever the case of the key).
import * as vscode from 'vscode';

export const TSB_FILES_CONTEXT = 'tsb.tsbFiles';

/** A document of the file declares an apiVersion in a *.tetrate.io group (top level or a List item). */
const TSB_API = /^[ \t-]*apiversion[ \t]*:[ \t]*["']?[a-z0-9.-]*tetrate\.io\/[\w.-]+/im;

export function hasTsbDocument(text: string): boolean {
  return TSB_API.test(text);
}

const isYaml = (d: vscode.TextDocument) => d.languageId === 'yaml' || /\.ya?ml$/i.test(d.uri.path);

export class TsbDocuments implements vscode.Disposable {
  private readonly paths = new Set<string>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];
  private published = '';

  constructor(private readonly delayMs = 250) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.later(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
    ];
    for (const d of vscode.workspace.textDocuments) this.check(d, false);
    this.publish();
  }

  has(uri: vscode.Uri): boolean {
    return this.paths.has(uri.fsPath);
  }

  private later(d: vscode.TextDocument): void {
    const key = d.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.check(d);
      }, this.delayMs),
    );
  }

  private check(d: vscode.TextDocument, publish = true): void {
    if (d.isClosed) return;
    const tsb = isYaml(d) && hasTsbDocument(d.getText());
    if (tsb) this.paths.add(d.uri.fsPath);
    else this.paths.delete(d.uri.fsPath);
    if (publish) this.publish();
  }

  private forget(d: vscode.TextDocument): void {
    clearTimeout(this.pending.get(d.uri.toString()));
    this.pending.delete(d.uri.toString());
    if (this.paths.delete(d.uri.fsPath)) this.publish();
  }

  private publish(): void {
    const list = [...this.paths].sort();
    const key = list.join('\n');
    if (key === this.published) return;
    this.published = key;
    void vscode.commands.executeCommand('setContext', TSB_FILES_CONTEXT, list);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
  }
}
