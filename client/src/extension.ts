// Activation and deactivation only; everything else hangs off the composition root (ctx.ts).
import type * as vscode from 'vscode';
import { registerCommands } from './commands/index';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  ctx = new Ctx(context);
  context.subscriptions.push(...registerCommands(ctx));
  await ctx.start();
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
