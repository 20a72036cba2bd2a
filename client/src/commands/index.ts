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
  'tsb.showOutput': (ctx) => () => ctx.output.show(true),
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
