// The LanguageClient: which documents, how the server starts, how settings are answered, and what
// happens when the server crashes (bounded restarts, then tell the user).
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { readSettings } from './config';

export const CLIENT_ID = 'tsb';
export const CLIENT_NAME = 'TSB Language Server';

/** At most `max` restarts within `windowMs`; then the server stays down and the user is told. */
export class RestartPolicy implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(
    private readonly onGiveUp: () => void,
    private readonly max = 5,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few write errors are transient; many mean the pipe is gone.
    return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const t = this.now();
    while (this.restarts.length && t - this.restarts[0]! > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.max) {
      this.onGiveUp();
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts.push(t);
    return { action: CloseAction.Restart, handled: true };
  }

  /** A manual restart starts a fresh budget. */
  reset(): void {
    this.restarts.length = 0;
  }
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  policy: RestartPolicy,
): LanguageClient {
  const module = context.asAbsolutePath('server/out/serverMain.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: {
      // The server also registers its own watcher when the client supports it; events are idempotent.
      // YAML, and the scripts, Makefiles and READMEs that say where it is applied.
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{*.{yaml,yml,sh,bash,zsh,md,markdown,mk},Makefile,makefile,GNUmakefile}',
      ),
      configurationSection: SETTINGS_SECTION,
    },
    outputChannel: output,
    errorHandler: policy,
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: {
      workspace: {
        // Answer workspace/configuration for our section with normalised, typed values.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) =>
            item.section === SETTINGS_SECTION
              ? readSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
              : result[i],
          );
        },
      },
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
