// Shared pieces of the robustness suite: the fuzz inputs (re-exported from fuzzInputs), the range
// invariant, a CLI runner, temporary projects and a bound on computations that may hang.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { catalog, Project, type Problem, type ProjectOptions } from '../../server/src/engine/index';
import { SchemaRegistry } from '../../server/src/engine/schema/registry';
import { environment } from '../helpers/environment';

/** The repository root: tests are bundled into test/out/robustness/ or elsewhere and run from the root. */
export const ROOT = (() => {
  const fromOut = path.resolve(__dirname, '../../..');
  return fs.existsSync(path.join(fromOut, 'server', 'src', 'node', 'cli.ts')) ? fromOut : process.cwd();
})();
export const CLI = path.join(ROOT, 'server', 'out', 'cli.js');

let sharedRegistry: SchemaRegistry | undefined;
export function newProject(options?: ProjectOptions): Project {
  sharedRegistry ??= new SchemaRegistry(catalog);
  return new Project(sharedRegistry, options);
}

export * from './fuzzInputs';
export { sharedDir } from '../helpers/shared';

// ---- invariants ----
/** Every range lies inside the document: 0 <= line < lineCount, character <= line length, start <= end. */
export function rangeViolations(text: string, problems: readonly Problem[]): string[] {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.length);
  // vscode-languageserver-textdocument treats \r, \n and \r\n as line breaks; a range may end just
  // after the last character of a line (character === length).
  const bad: string[] = [];
  for (const p of problems) {
    for (const [what, pos] of [
      ['start', p.range.start],
      ['end', p.range.end],
    ] as const) {
      if (!(pos.line >= 0 && pos.line < lines.length))
        bad.push(`${p.rule} ${what} line ${pos.line} outside 0..${lines.length - 1}`);
      else if (!(pos.character >= 0 && pos.character <= lines[pos.line]!))
        bad.push(`${p.rule} ${what} ${pos.line}:${pos.character} beyond line length ${lines[pos.line]}`);
    }
    const { start: s, end: e } = p.range;
    if (s.line > e.line || (s.line === e.line && s.character > e.character))
      bad.push(`${p.rule} start after end ${JSON.stringify(p.range)}`);
    if (typeof p.message !== 'string' || !p.message) bad.push(`${p.rule} without a message`);
  }
  return bad;
}

// ---- the CLI as a process ----
export function runCli(args: string[], cwd: string, timeout = 60000): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    maxBuffer: 256 * 1024 * 1024,
    env: environment(),
  });
  assert.equal(r.error, undefined, `tsb-lint ${args.join(' ')}: ${r.error}`);
  return r;
}
export const STACK_TRACE = /\n\s+at .+(:\d+:\d+\)?|\(native\))/;

const temps: string[] = [];
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-robust-'));
  temps.push(dir);
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}
export function cleanTemps(): void {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
}

// ---- computations that may hang ----
/**
 * Runs `scenario` of the calling test file in a worker thread (the file's own bundle, see serveScenarios)
 * and waits for its answer, at most `ms`. A synchronous hang (a backtracking scan) cannot be interrupted
 * in the test's own thread: here it fails the test instead of blocking the suite. The bound is a wait
 * for an event, far above what the computation needs; it measures nothing.
 */
export function bounded<T>(file: string, scenario: string, ms = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const w = new Worker(file, { workerData: { scenario } });
    const timer = setTimeout(() => {
      void w.terminate();
      reject(new Error(`${scenario}: no answer within ${ms / 1000} s (it hangs)`));
    }, ms);
    w.once('message', (m) => {
      clearTimeout(timer);
      void w.terminate();
      resolve(m as T);
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** In a worker started by `bounded`, runs the scenario asked for and answers; false in the test's own thread. */
export function serveScenarios(scenarios: Record<string, () => unknown>): boolean {
  if (isMainThread || !(workerData as { scenario?: string } | null)?.scenario) return false;
  parentPort!.postMessage(scenarios[(workerData as { scenario: string }).scenario]!());
  return true;
}
