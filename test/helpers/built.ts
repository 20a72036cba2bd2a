// The policy for tests that need a build output (the server, CLI and worker bundles under server/out/,
// the validators compiled ahead of time, the extension bundle), the same shape as shared.ts's for the
// shared folder: missing, such a test skips with one line naming the file and the command that makes
// it; with CI=true it fails instead, because CI builds before it tests.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { repoRoot } from './repo';
import { isCi } from './shared';

const ROOT = repoRoot();

/** The build outputs tests use, all made by `npm run build`. */
export const BUILT = {
  cli: path.join(ROOT, 'server', 'out', 'cli.js'),
  server: path.join(ROOT, 'server', 'out', 'serverMain.js'),
  worker: path.join(ROOT, 'server', 'out', 'analysisWorker.js'),
  validators: path.join(ROOT, 'server', 'out', 'validators'),
  extension: path.join(ROOT, 'client', 'out', 'extension.js'),
} as const;

/** The one line a test prints when a build output is missing (undefined when every one is there). */
export function builtMissing(...files: string[]): string | undefined {
  const missing = files.filter((f) => !fs.existsSync(f)).map((f) => path.relative(ROOT, f));
  return missing.length ? `needs the build output ${missing.join(', ')}: not found (run npm run build)` : undefined;
}

/**
 * For a test's options, `{ skip: unlessBuilt(BUILT.cli) }`: false when built, else the skip line. Under
 * CI=true a missing output throws here, so the test file fails at once with that line.
 */
export function unlessBuilt(...files: string[]): string | false {
  const line = builtMissing(...files);
  if (!line) return false;
  if (isCi()) assert.fail(`${line}; CI=true, so this is a failure, not a skip`);
  return line;
}

/** Inside a test: true when built; else skips the test (the caller returns at once), or fails it under CI=true. */
export function needBuilt(t: TestContext, ...files: string[]): boolean {
  const line = builtMissing(...files);
  if (!line) return true;
  if (isCi()) assert.fail(`${line}; CI=true, so this is a failure, not a skip`);
  t.skip(line);
  return false;
}

/** For helpers that run a build output: fails with the same line (the test should have skipped first). */
export function assertBuilt(...files: string[]): void {
  const line = builtMissing(...files);
  assert.ok(!line, line);
}
