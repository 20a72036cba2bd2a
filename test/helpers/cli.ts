// tsb-lint as a process, for the CLI tests: temporary project folders (each a repository root, with a
// .git marker) and a runner that fails on a stack trace. Needs the built CLI (npm run build).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { repoRoot } from './repo';
import { environment } from './environment';
import { assertBuilt } from './built';

export const CLI = path.join(repoRoot(), 'server', 'out', 'cli.js');
export const SERVER = path.join(repoRoot(), 'server', 'out', 'serverMain.js');

const temps: string[] = [];
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A temporary folder holding `files`, with a .git marker (the repository root, where config lookup stops). */
export function project(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-cli-')));
  temps.push(dir);
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tsbLint(args: string[], cwd: string, bin = CLI, env: Record<string, string> = {}): Run {
  assertBuilt(bin);
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60000,
    env: environment(env),
  });
  assert.equal(r.error, undefined);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace on stderr');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
