// Drives the real yaml-language-server (devDependency) over stdio, configured as the README tells
// users of other editors to configure it: `yaml.schemas` maps schemas/tsb.schema.json to *.yaml.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { within } from './within';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export class YamlLs {
  private readonly child: ChildProcess;
  private readonly conn: ProtocolConnection;
  private readonly waiting = new Map<string, (d: Diagnostic[]) => void>();
  private version = 0;

  constructor(
    readonly root: string,
    readonly settings: Record<string, unknown>,
  ) {
    const bin = path.join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
    this.child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.conn = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) =>
        i.section === 'yaml' ? settings : i.section === 'http' ? { proxy: '', proxyStrictSSL: false } : {},
      ),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const w = this.waiting.get(p.uri);
      if (w) {
        this.waiting.delete(p.uri);
        w(p.diagnostics);
      }
    });
    this.conn.listen();
  }

  async start(): Promise<void> {
    await within(
      this.conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(this.root).href,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
          textDocument: { publishDiagnostics: {} },
        },
        workspaceFolders: null,
      }),
      'the answer of yaml-language-server to initialize',
    );
    await this.conn.sendNotification('initialized', {});
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: this.settings } });
  }

  /** Opens a document and waits (bounded) for its diagnostics. */
  diagnostics(file: string, text: string, timeoutMs = 30_000): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(uri);
        reject(new Error(`no diagnostics from yaml-language-server for ${file} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(uri, (d) => {
        clearTimeout(timer);
        void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
        resolve(d);
      });
      void this.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version: ++this.version, text },
      });
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.conn.sendNotification('exit').catch(() => undefined);
    } finally {
      this.conn.dispose();
      this.child.kill();
    }
  }
}
