// Node entry of the language server: `tsb-language-server --stdio` for any LSP editor, or
// `--node-ipc` as vscode-languageclient starts it (TransportKind.ipc). createConnection picks the
// transport from the command line (--stdio, --node-ipc, --socket=N, --pipe=NAME).
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { FramingGuard } from './framing';
import { createNodeRuntime } from './runtime';
import { startServer } from '../server';
import { packageInfo } from './version';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${packageInfo().version}\n`);
} else if (args.includes('--help') || !args.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) {
  process.stderr.write('Usage: tsb-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exitCode = args.includes('--help') ? 0 : 2;
} else {
  // stdio: messages pass a guard that drops absurd Content-Length headers instead of waiting forever.
  // Other transports are created by the library from the command line as before.
  let connection: Connection;
  if (args.includes('--stdio')) {
    const input = process.stdin.pipe(new FramingGuard((m) => process.stderr.write(`tsb-language-server: ${m}\n`)));
    connection = createConnection(ProposedFeatures.all, input, process.stdout);
  } else {
    connection = createConnection(ProposedFeatures.all);
  }
  // Nothing may reach stdout but protocol messages (stdio transport): route console.* to the client log.
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
  installCrashHandlers(connection);
  startServer(connection, createNodeRuntime());
}

/**
 * A promise rejected with nobody listening is a bug in one piece of work, not in the server's state:
 * it is logged (the client's output, or stderr when the connection is gone) and the server carries on,
 * where Node would otherwise end the process and the editor lose every feature. An exception thrown
 * out of a callback may have left state half-updated, so it is logged to stderr (which reaches the
 * client's output too) and the process ends with an error; the client restarts the server.
 */
function installCrashHandlers(connection: Connection): void {
  const text = (err: unknown) => String((err as Error)?.stack ?? err);
  process.on('unhandledRejection', (reason) => {
    const message = `tsb-language-server: unhandled promise rejection (the server keeps running): ${text(reason)}`;
    try {
      connection.console.error(message);
    } catch {
      process.stderr.write(`${message}\n`);
    }
  });
  process.on('uncaughtException', (err) => {
    process.stderr.write(`tsb-language-server: uncaught exception, exiting: ${text(err)}\n`);
    process.exit(1);
  });
}
