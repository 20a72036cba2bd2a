// A minimal LSP client over stdio for the benchmark: Content-Length framing, requests with ids,
// server-to-client requests answered (workspace/configuration, registrations, progress), and
// notifications observed with timestamps. No dependency beyond Node.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CLK_TCK = 100; // Linux USER_HZ; /proc/<pid>/stat times are in these ticks

/** CPU seconds (user + system) of a process so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime = field 14, stime = field 15
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** Resident memory now (VmRSS) and its peak so far (VmHWM), in MiB. */
export function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, hwm: NaN };
  }
}

export const now = () => performance.now();

export class LspClient {
  /**
   * @param {string[]} command  argv: [node, script, ...args]
   * @param {object} opts  { settings: (section) => value, cwd, env, log }
   */
  constructor(command, opts = {}) {
    this.opts = opts;
    this.spawnedAt = now();
    this.proc = spawn(command[0], command.slice(1), {
      cwd: opts.cwd,
      env: { ...process.env, ...(opts.env ?? {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.pid = this.proc.pid;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.notifications = [];
    this.stderr = '';
    this.exited = false;
    this.configRequests = 0;
    this.buf = Buffer.alloc(0);
    this.proc.stdout.on('data', (d) => this.onData(d));
    this.proc.stderr.on('data', (d) => {
      if (this.stderr.length < 20000) this.stderr += d.toString();
    });
    this.exitPromise = new Promise((resolve) =>
      this.proc.on('exit', (code, signal) => {
        this.exited = true;
        for (const p of this.pending.values())
          p.reject(
            new Error(
              `server exited (${code ?? signal}) with a request pending: ${p.method}\n${this.stderr.slice(-2000)}`,
            ),
          );
        this.pending.clear();
        resolve({ code, signal });
      }),
    );
    this.proc.stdin.on('error', () => {});
  }

  onData(d) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString('ascii');
      const len = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.onMessage(JSON.parse(body), now());
    }
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  onMessage(msg, t) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.resolve({ error: msg.error, t, sentAt: p.sentAt });
      else p.resolve({ result: msg.result, t, sentAt: p.sentAt });
      return;
    }
    if (msg.id !== undefined) {
      this.onServerRequest(msg, t);
      return;
    }
    const n = { method: msg.method, params: msg.params, t };
    if (msg.method === 'textDocument/publishDiagnostics' || msg.method.startsWith('tsb/')) this.notifications.push(n);
    for (const l of [...this.listeners]) l(n);
  }

  onServerRequest(msg, t) {
    let result = null;
    if (msg.method === 'workspace/configuration') {
      this.configRequests++;
      result = (msg.params?.items ?? []).map((it) => this.opts.settings?.(it.section, it.scopeUri) ?? null);
    } else if (msg.method === 'workspace/workspaceFolders') {
      result = this.opts.workspaceFolders ?? null;
    }
    // client/registerCapability, window/workDoneProgress/create, workspace/diagnostic/refresh,
    // window/showMessageRequest: acknowledged with null.
    this.send({ id: msg.id, result });
    for (const l of [...this.listeners]) l({ method: msg.method, params: msg.params, t, request: true });
  }

  /** Sends a request; resolves with { result | error, t (response time), sentAt }. */
  request(method, params) {
    const id = this.nextId++;
    const sentAt = now();
    const p = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method, sentAt }));
    this.send({ id, method, params });
    return p;
  }

  notify(method, params) {
    this.send({ method, params });
    return now();
  }

  /** Resolves with the first message (notification or server request) for which pred returns true. */
  waitFor(pred, timeoutMs, what = 'message') {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(l);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const l = (n) => {
        let ok = false;
        try {
          ok = pred(n);
        } catch {
          ok = false;
        }
        if (ok) {
          clearTimeout(timer);
          this.listeners.delete(l);
          resolve(n);
        }
      };
      this.listeners.add(l);
      this.exitPromise.then(() => {
        if (this.listeners.has(l)) {
          clearTimeout(timer);
          this.listeners.delete(l);
          reject(new Error(`server exited while waiting for ${what}\n${this.stderr.slice(-2000)}`));
        }
      });
    });
  }

  cpu() {
    return cpuSeconds(this.pid);
  }

  memory() {
    return memory(this.pid);
  }

  async shutdown() {
    if (this.exited) return;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 3000))]);
      this.notify('exit', null);
    } catch {
      /* exited */
    }
    const t = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await this.exitPromise;
    clearTimeout(t);
  }
}

/** The client capabilities of a VS Code-like client; pull = also textDocument.diagnostic. */
export function clientCapabilities(pull) {
  return {
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { dynamicRegistration: true, didSave: true },
      publishDiagnostics: {
        relatedInformation: true,
        versionSupport: true,
        codeDescriptionSupport: true,
        dataSupport: true,
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    },
    window: { workDoneProgress: true },
  };
}

export const fileUri = (path) => pathToFileURL(path).href;
