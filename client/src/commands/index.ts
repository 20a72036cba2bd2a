// The command table: one entry per command, each a factory over the context. The preview command
// is registered by the webview module (with its panel serializer).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { registerFailoverPreview, registerProjectSummary } from '../webview/register';
import { Commands } from '../../../server/src/protocol';

type Factory = (ctx: Ctx) => (...args: unknown[]) => unknown;

export const COMMANDS: Record<string, Factory> = {
  [Commands.restartServer]: (ctx) => async () => {
    await ctx.restart();
    if (ctx.running) void vscode.window.setStatusBarMessage(vscode.l10n.t('TSB language server restarted'), 3000);
  },
  [Commands.showOutput]: (ctx) => () => ctx.output.show(true),
  [Commands.writeConfig]: (ctx) => async (uri?: unknown) => {
    const given = typeof uri === 'string' ? uri : vscode.window.activeTextEditor?.document.uri.toString();
    const inferred = await ctx.requestInferredConfig(given);
    if (!inferred) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a folder first: tsb.config.yaml goes at the root of a workspace folder.'),
      );
      return;
    }
    const target = vscode.Uri.parse(inferred.uri);
    if (inferred.exists) {
      // Never overwrite the user's file: show what was inferred beside it.
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: inferred.text });
      await vscode.window.showTextDocument(doc, { preview: false });
      void vscode.window.showInformationMessage(
        vscode.l10n.t('tsb.config.yaml already exists; this is what the repository says, to compare with it.'),
      );
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { ignoreIfExists: true });
    edit.insert(target, new vscode.Position(0, 0), inferred.text);
    if (!(await vscode.workspace.applyEdit(edit))) return;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  },
};

export function registerCommands(ctx: Ctx): vscode.Disposable[] {
  return [
    ...Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx))),
    // tsb.showFailoverPreview: the panel asks the server for the model through the context.
    registerFailoverPreview(ctx.extension, () => ctx.requestFailoverModel()),
    // tsb.showSummary: what the server found, inferred and misses.
    registerProjectSummary(ctx.extension, () => ctx.requestSummary()),
  ];
}
