// In-process LSP: the real server (startServer + Node runtime) and a protocol client over a pair of
// PassThrough streams in one process. Tests speak the real protocol and wait for events, never sleep.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type PublishDiagnosticsParams,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/server';
import type { RuntimeEnvironment } from '../../server/src/runtime';
import { createNodeRuntime } from '../../server/src/node/runtime';
import { StatusNotification, type Settings, type StatusParams } from '../../server/src/protocol';
import { within, WAIT_MS } from './within';
import { fileUri } from './workspace';

export type Mode = 'pull' | 'push';

export interface HarnessOptions {
  root: string;
  mode: Mode;
  settings?: Partial<Settings>;
  /** Leave out the workspace/configuration capability (settings come from initializationOptions). */
  noConfiguration?: boolean;
  /** Wraps the server's Node runtime (to observe or hold its yields between slices of analysis). */
  runtime?: (node: RuntimeEnvironment) => RuntimeEnvironment;
  /** Pull mode: leave out workspace.diagnostics.refreshSupport (a client like Neovim 0.10). */
  noRefreshSupport?: boolean;
  /** Answer workspace/diagnostic/refresh the way Neovim 0.12 does: with a workspace-wide pull. */
  workspacePullOnRefresh?: boolean;
  /** The client's display language, sent at initialize (VS Code sends `zh-cn` for Simplified Chinese). */
  locale?: string;
  /** Bound of every wait for an event or an answer, in ms (default WAIT_MS). */
  waitMs?: number;
  /** How long an opened file waits for the project's check before its own problems are shown alone (0: never). */
  ownDiagnosticsAfterMs?: number;
}

type Waiter<T> = { test: (v: T) => boolean; resolve: (v: T) => void };

export class LspHarness {
  readonly client: ProtocolConnection;
  readonly logs: string[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams>();
  /** Every publish, in arrival order (the client connection allows one handler per method). */
  readonly publishLog: PublishDiagnosticsParams[] = [];
  refreshes = 0;
  status: StatusParams | undefined;
  /** Workspace pulls sent by `workspacePull` and not answered yet. */
  workspacePending = 0;
  /** The most workspace pulls ever waiting for an answer at once. */
  maxWorkspacePending = 0;
  /** Every workspace pull sent, to wait for all of their answers. */
  readonly workspacePulls: Promise<WorkspaceDiagnosticReport>[] = [];
  /** The latest workspace report per file (what a client shows for closed files), and its result ids. */
  readonly workspaceItems = new Map<string, Diagnostic[]>();
  readonly workspaceResultIds = new Map<string, string>();
  private workspaceWaiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private publishWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private refreshWaiters: (() => void)[] = [];
  private statusWaiters: Waiter<StatusParams>[] = [];
  private readonly streams: PassThrough[];
  /** The bound of every wait; a test may lower it once the events it expects have come. */
  waitMs: number;

  constructor(readonly options: HarnessOptions) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    this.streams = [toServer, toClient];
    this.waitMs = options.waitMs ?? WAIT_MS;
    const server = createConnection(
      ProposedFeatures.all,
      new StreamMessageReader(toServer),
      new StreamMessageWriter(toClient),
    );
    startServer(
      server,
      options.runtime ? options.runtime(createNodeRuntime()) : createNodeRuntime(),
      options.ownDiagnosticsAfterMs === undefined ? {} : { ownDiagnosticsAfterMs: options.ownDiagnosticsAfterMs },
    );
    this.client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const settings = { diagnosticsDelay: 0, ...options.settings };
    this.client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    this.client.onRequest('client/registerCapability', () => null);
    this.client.onRequest('workspace/codeLens/refresh', () => null);
    this.client.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      if (options.workspacePullOnRefresh) this.workspacePull().catch(() => undefined);
      const w = this.refreshWaiters;
      this.refreshWaiters = [];
      for (const f of w) f();
      return null;
    });
    this.client.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      this.publishLog.push(p);
      this.publishWaiters = this.publishWaiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.client.onNotification(StatusNotification.method, (p: StatusParams) => {
      this.status = p;
      this.statusWaiters = this.statusWaiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.client.listen();
  }

  static async start(options: HarnessOptions): Promise<LspHarness> {
    const h = new LspHarness(options);
    await h.initialize();
    return h;
  }

  uri(rel: string): string {
    return fileUri(this.options.root, rel);
  }

  private async initialize(): Promise<void> {
    const capabilities: ClientCapabilities = {
      workspace: {
        ...(this.options.noConfiguration ? {} : { configuration: true }),
        didChangeWatchedFiles: { dynamicRegistration: true },
        codeLens: { refreshSupport: true },
        workspaceFolders: true,
        ...(this.options.mode === 'pull' && !this.options.noRefreshSupport
          ? { diagnostics: { refreshSupport: true } }
          : {}),
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: true } },
        publishDiagnostics: { versionSupport: true },
        ...(this.options.mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    await within(
      this.client.sendRequest('initialize', {
        processId: null,
        rootUri: fileUri(this.options.root),
        workspaceFolders: [{ uri: fileUri(this.options.root), name: path.basename(this.options.root) }],
        capabilities,
        ...(this.options.locale ? { locale: this.options.locale } : {}),
        initializationOptions: this.options.noConfiguration
          ? { settings: { diagnosticsDelay: 0, ...this.options.settings } }
          : {},
      }),
      'the answer to initialize',
      this.waitMs,
    );
    await this.client.sendNotification('initialized', {});
  }

  text(rel: string): string {
    return this.texts.get(rel) ?? fs.readFileSync(path.join(this.options.root, rel), 'utf8');
  }

  async open(rel: string, text?: string): Promise<void> {
    const t = text ?? fs.readFileSync(path.join(this.options.root, rel), 'utf8');
    this.versions.set(rel, 1);
    this.texts.set(rel, t);
    await this.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: this.uri(rel), languageId: 'yaml', version: 1, text: t },
    });
  }

  /** Replaces the whole text with one incremental change (a range covering the document). */
  async change(rel: string, text: string): Promise<void> {
    const old = this.text(rel);
    const lines = old.split('\n');
    const version = (this.versions.get(rel) ?? 1) + 1;
    this.versions.set(rel, version);
    this.texts.set(rel, text);
    await this.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri(rel), version },
      contentChanges: [
        {
          range: {
            start: { line: 0, character: 0 },
            end: { line: lines.length - 1, character: lines[lines.length - 1]!.length },
          },
          text,
        },
      ],
    });
  }

  async close(rel: string): Promise<void> {
    this.texts.delete(rel);
    await this.client.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(rel) } });
  }

  version(rel: string): number {
    return this.versions.get(rel) ?? 0;
  }

  async pull(rel: string): Promise<Diagnostic[]> {
    const r = await within(
      this.client.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
        textDocument: { uri: this.uri(rel) },
      }),
      `the diagnostic report of ${rel}`,
      this.waitMs,
    );
    if (r.kind !== 'full') throw new Error('expected a full report');
    return r.items;
  }

  /**
   * A workspace-wide pull as Neovim 0.12 sends one: with the result ids it has, never cancelled. Its report
   * updates `workspaceItems`; `workspacePending` counts the pulls not answered yet.
   */
  workspacePull(): Promise<WorkspaceDiagnosticReport> {
    const p = this.sendWorkspacePull();
    this.workspacePulls.push(p);
    return p;
  }

  private async sendWorkspacePull(): Promise<WorkspaceDiagnosticReport> {
    this.workspacePending++;
    this.maxWorkspacePending = Math.max(this.maxWorkspacePending, this.workspacePending);
    try {
      const previousResultIds = [...this.workspaceResultIds].map(([uri, value]) => ({ uri, value }));
      const report = await within(
        this.client.sendRequest<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds }),
        'the workspace diagnostic report',
        this.waitMs,
      );
      for (const item of report.items) {
        if (item.kind === 'full') this.workspaceItems.set(item.uri, item.items);
        if (item.resultId) this.workspaceResultIds.set(item.uri, item.resultId);
        else this.workspaceResultIds.delete(item.uri);
      }
      return report;
    } finally {
      this.workspacePending--;
      const w = this.workspaceWaiters;
      this.workspaceWaiters = [];
      for (const f of w) f();
    }
  }

  /** Resolves once the workspace items of a file satisfy `test` (checked after each answered workspace pull). */
  waitForWorkspaceItems(rel: string, test: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const wait = async () => {
      for (;;) {
        const have = this.workspaceItems.get(uri) ?? [];
        if (test(have)) return have;
        await new Promise<void>((resolve) => this.workspaceWaiters.push(resolve));
      }
    };
    return within(
      wait(),
      () =>
        `workspace items of ${rel} that pass the test; last seen: ${JSON.stringify(brief(this.workspaceItems.get(uri) ?? []))}`,
      this.waitMs,
    );
  }

  /** Resolves with the next (or current) publish for a file that satisfies `test`. */
  waitForPublish(
    rel: string,
    test: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const have = this.published.get(uri);
    if (have && test(have.diagnostics, have)) return Promise.resolve(have.diagnostics);
    const published = new Promise<Diagnostic[]>((resolve) => {
      this.publishWaiters.push({
        test: (p) => p.uri === uri && test(p.diagnostics, p),
        resolve: (p) => resolve(p.diagnostics),
      });
    });
    return within(
      published,
      () =>
        `a publish for ${rel} that passes the test; last published: ${JSON.stringify(brief(this.published.get(uri)?.diagnostics ?? []))}`,
      this.waitMs,
    );
  }

  waitForRefresh(): Promise<void> {
    return within(
      new Promise<void>((resolve) => this.refreshWaiters.push(resolve)),
      `a workspace/diagnostic/refresh request (${this.refreshes} so far)`,
      this.waitMs,
    );
  }

  waitForStatus(test: (s: StatusParams) => boolean): Promise<StatusParams> {
    if (this.status && test(this.status)) return Promise.resolve(this.status);
    const status = new Promise<StatusParams>((resolve) => this.statusWaiters.push({ test, resolve }));
    return within(
      status,
      () => `a tsb/status notification that passes the test; last: ${JSON.stringify(this.status)}`,
      this.waitMs,
    );
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return within(this.client.sendRequest<R>(method, params), `the answer to ${method}`, this.waitMs);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.client.sendNotification(method, params);
  }

  async dispose(): Promise<void> {
    await within(this.client.sendRequest('shutdown'), 'the answer to shutdown', this.waitMs);
    this.client.dispose();
    for (const s of this.streams) s.end();
  }
}

/** Compact view of diagnostics for exact assertions: `line:col-line:col rule`. */
export function brief(ds: Diagnostic[]): string[] {
  return ds.map(
    (d) =>
      `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}`,
  );
}
