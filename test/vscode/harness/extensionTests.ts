// The extension integration suite through code-server: the workbench URL's payload carries
// extensionDevelopmentPath + extensionTestsPath, so mocha (suite/index.ts) runs inside the real Node
// extension host next to the extension, exactly as @vscode/test-electron's runTests does on desktop.
// VS Code reports the result by calling window.codeAutomationExit(code), exposed here by Playwright.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { launchBrowser } from './browser';
import { collectLogs, startCodeServer } from './codeServer';
import { BUILD, FIXTURES, OUT, ROOT, elapsed, freshDir } from './paths';

/** Workbench chatter forwarded with the mocha output: kept in mocha.log, not echoed. */
const NOISE =
  /^(Ignoring fetching additional builtin|Updating additional builtin|Creating a socket|Resolving connection token|Resolved connection token|\[Service Worker\]|ChatSessionStore)/;

export interface ExtensionTestOptions {
  /** Packaged extension: installed into the fresh extensions dir, and that installed folder is the development path. */
  vsix?: string;
  /** Development path when no vsix is given (default: the checkout, which must be built). */
  devPath?: string;
  /** mocha --grep */
  grep?: string;
  timeoutMs?: number;
}

export async function runExtensionTests(opts: ExtensionTestOptions): Promise<number> {
  const t0 = Date.now();
  const out = freshDir(path.join(OUT, 'ext'));
  const suite = path.join(BUILD, 'suite', 'index.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} is missing: run node test/vscode/build.mjs first`);

  const cs = await startCodeServer({
    name: 'ext',
    ...(opts.vsix ? { vsix: [opts.vsix] } : {}),
    lifetimeSeconds: Math.ceil((opts.timeoutMs ?? 300_000) / 1000) + 60,
  });
  console.log(`[ext] code-server pid group ${cs.pgid} on ${cs.origin} (${elapsed(t0)})`);
  let devPath = opts.devPath ?? ROOT;
  if (opts.vsix) {
    const installed = fs.readdirSync(cs.extensionsDir).find((d) => /^tsb-authoring\.tsb-authoring-/.test(d));
    if (!installed)
      throw new Error(
        `the vsix did not install into ${cs.extensionsDir}: ${fs.readdirSync(cs.extensionsDir).join(', ')}`,
      );
    devPath = path.join(cs.extensionsDir, installed);
  }
  // The suite edits documents: it works on a copy of the fixtures.
  const ws = path.join(cs.runDir, 'ws');
  fs.cpSync(path.join(FIXTURES, 'integration'), ws, { recursive: true });
  const workspaceFile = path.join(ws, 'integration.code-workspace');
  // Read by suite/index.ts inside the extension host (same machine, same environment as the server).
  fs.writeFileSync(
    path.join(BUILD, 'suite', 'options.json'),
    JSON.stringify({ out, grep: opts.grep ?? null, workspace: ws }, null, 2),
  );

  const host = `127.0.0.1:${cs.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${host}${devPath}`],
    ['extensionTestsPath', `vscode-remote://${host}${suite}`],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `${cs.origin}/?workspace=${encodeURIComponent(workspaceFile)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const browser = await launchBrowser(cs.runDir, cs.env);
  let code: number | 'timeout' = 'timeout';
  try {
    const { page } = browser;
    let done!: (c: number) => void;
    const finished = new Promise<number>((r) => {
      done = r;
    });
    const lines: string[] = [];
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
      // mocha's spec reporter colours its marks (supports-color sees CI=true): plain text here.
      const line = util.format(...(Array.isArray(args) ? args : [args])).replace(/\x1b\[[0-9;]*m/g, '');
      lines.push(line);
      if (!NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction(
      'codeAutomationExit',
      (c: number, logs?: { relativePath: string; contents: string }[]) => {
        for (const l of logs ?? []) {
          const p = path.join(out, 'exit-logs', l.relativePath);
          fs.mkdirSync(path.dirname(p), { recursive: true });
          fs.writeFileSync(p, l.contents);
        }
        done(c);
      },
    );
    console.log(`[ext] dev path ${devPath}\n[ext] opening the workbench with the test payload`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), opts.timeoutMs ?? 300_000);
    });
    code = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    fs.writeFileSync(path.join(out, 'mocha.log'), lines.join('\n') + '\n');
    await page.screenshot({ path: path.join(out, 'workbench-after-tests.png') }).catch(() => undefined);
  } finally {
    fs.writeFileSync(
      path.join(out, 'browser.json'),
      JSON.stringify({ external: [...browser.external], consoleErrors: browser.consoleErrors }, null, 2),
    );
    await browser.close();
    await cs.stop();
    collectLogs(cs, out);
  }
  console.log(
    `[ext] finished: ${code === 'timeout' ? 'TIMED OUT' : `exit code ${code}`} after ${elapsed(t0)} (artifacts: ${path.relative(ROOT, out)})`,
  );
  return code === 0 ? 0 : 1;
}
