// Where the real-VS-Code suites keep things. Everything lives under .e2e/ (gitignored) in the checkout.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(): string {
  // Bundled files run from .e2e/build/<dir>/, sources from test/vscode/<dir>/: walk up to package.json.
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'tsb-authoring')
      return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the tsb-authoring checkout above ${__dirname}`);
    dir = up;
  }
}

export const ROOT = process.env['TSB_ROOT'] ?? findRoot();
export const E2E = process.env['E2E_DIR'] ?? path.join(ROOT, '.e2e');
/** Pinned tools installed by test/vscode/install-code-server.sh. */
export const TOOLS = path.join(E2E, 'tools');
export const CODE_SERVER = path.join(TOOLS, 'node_modules', '.bin', 'code-server');
/** Bundles made by test/vscode/build.mjs. */
export const BUILD = path.join(E2E, 'build');
/** Screenshots, logs and results: what CI keeps as artifacts. */
export const OUT = path.join(E2E, 'out');
export const FIXTURES = path.join(ROOT, 'test', 'vscode', 'fixtures');
export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

/** A fresh, empty folder (removed first if present). */
export function freshDir(p: string): string {
  fs.rmSync(p, { recursive: true, force: true });
  fs.mkdirSync(p, { recursive: true });
  return p;
}

export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

export function elapsed(t0: number): string {
  return `${((Date.now() - t0) / 1000).toFixed(1)}s`;
}
