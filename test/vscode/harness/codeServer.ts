// Starts a hermetic code-server for one suite: its own XDG/TMP/HOME folders under .e2e/run/<name>/, a
// fresh user-data-dir and extensions dir, 127.0.0.1 on a random free port, its own session and process
// group (setsid through `detached`), bounded by coreutils `timeout`, and the whole group killed on stop()
// or when this process exits.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER, E2E, FIXTURES, freshDir } from './paths';

export interface CodeServerOptions {
  /** Names the run folder .e2e/run/<name>. */
  name: string;
  /** .vsix files to install into the fresh extensions dir before the server starts. */
  vsix?: string[];
  /** Hard bound on the server's lifetime, in seconds (it is killed earlier by stop()). */
  lifetimeSeconds?: number;
  extraArgs?: string[];
}

export interface CodeServer {
  port: number;
  origin: string;
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  /** Environment for child processes that must stay inside runDir (the browser). */
  env: NodeJS.ProcessEnv;
  pgid: number;
  stop(): Promise<void>;
}

const live = new Set<number>();

function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // Whatever happens to the runner, the server group does not outlive it.
  process.on('exit', () => {
    for (const g of live) killGroup(g, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      for (const g of live) killGroup(g, 'SIGKILL');
      process.exit(130);
    });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

export function hermeticEnv(runDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // No inherited editor/IPC state, no gallery, everything written under runDir.
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_)/.test(k)) delete env[k];
  Object.assign(env, {
    HOME: path.join(runDir, 'home'),
    XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache'),
    TMPDIR: path.join(runDir, 'tmp'),
    EXTENSIONS_GALLERY: '{}',
    NO_PROXY: '127.0.0.1,localhost',
  });
  for (const k of ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'TMPDIR'])
    fs.mkdirSync(env[k]!, { recursive: true });
  return env;
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(`${CODE_SERVER} is missing: run test/vscode/install-code-server.sh (or .ci/vscode.sh) first`);
  }
  hookExit();
  const runDir = freshDir(path.join(E2E, 'run', opts.name));
  const env = hermeticEnv(runDir);
  const userDataDir = path.join(runDir, 'user');
  const extensionsDir = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, 'settings.json'), path.join(userDataDir, 'User', 'settings.json'));
  const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const vsix of opts.vsix ?? []) {
    const r = spawnSync(CODE_SERVER, [...dirs, '--install-extension', vsix], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }

  const logFile = path.join(runDir, 'code-server.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const log = fs.openSync(logFile, 'w');
    const args = [
      String(opts.lifetimeSeconds ?? 900),
      CODE_SERVER,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...dirs,
      ...(opts.extraArgs ?? []),
    ];
    // detached: the child calls setsid(), so its pid is the process group id of the whole server tree.
    const child = spawn('timeout', args, { env, cwd: runDir, detached: true, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const pgid = child.pid!;
    live.add(pgid);
    // .ci/vscode.sh's trap kills any group still recorded here, should this runner itself be killed.
    const pgidFile = path.join(runDir, 'pgid');
    fs.writeFileSync(pgidFile, String(pgid));
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    const stop = async (): Promise<void> => {
      if (!live.has(pgid)) return;
      killGroup(pgid, 'SIGTERM');
      for (let i = 0; i < 20 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 100));
      killGroup(pgid, 'SIGKILL');
      live.delete(pgid);
      fs.rmSync(pgidFile, { force: true });
    };
    const deadline = Date.now() + 30_000;
    while (!exited && Date.now() < deadline) {
      if ((await get(`${origin}/healthz`)) === 200) {
        return { port, origin, runDir, userDataDir, extensionsDir, logFile, env, pgid, stop };
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await stop();
    const text = fs.readFileSync(logFile, 'utf8');
    if (attempt < 3 && /EADDRINUSE/.test(text)) continue; // lost the port race: try another one
    throw new Error(`code-server did not become healthy on ${origin}:\n${text.slice(-3000)}`);
  }
}

/** Whether any process is left in the group (Linux /proc; elsewhere, assume not). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Copies VS Code's own logs (extension host, output channels such as the language server's) for artifacts. */
export function collectLogs(cs: CodeServer, to: string): void {
  const logs = path.join(cs.userDataDir, 'logs');
  fs.mkdirSync(to, { recursive: true });
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(to, 'vscode-logs'), { recursive: true });
  if (fs.existsSync(cs.logFile)) fs.copyFileSync(cs.logFile, path.join(to, 'code-server.log'));
}
