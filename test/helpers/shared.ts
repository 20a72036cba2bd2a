// The skip policy for tests that read the shared folder (the acceptance cases and the real-world corpus,
// kept outside the repository and never copied into it). It is found at TSB_SHARED, else at ../shared
// beside the repository. Absent, such a test skips with one line that names both; with CI=true it fails
// instead, because CI must run it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { repoRoot } from './repo';

/** Where the shared folder is looked for: TSB_SHARED when set, else ../shared beside the repository. */
export function sharedCandidate(): string {
  return process.env['TSB_SHARED'] ? path.resolve(process.env['TSB_SHARED']) : path.resolve(repoRoot(), '..', 'shared');
}

/** The shared folder, or undefined when it is absent. */
export function sharedDir(): string | undefined {
  const dir = sharedCandidate();
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? dir : undefined;
}

/** The one line a test prints when it cannot run without the shared folder. */
export function sharedMissing(sub = ''): string {
  const want = path.join(sharedCandidate(), sub);
  return `needs the shared folder: ${want} not found (set TSB_SHARED to the folder that holds acceptance/ and corpus/, or place it at ../shared beside the repository)`;
}

export function isCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/**
 * For a test that needs `sub` inside the shared folder: its path, or undefined after skipping the test
 * (the caller returns at once). Under CI=true a missing folder fails the test instead.
 */
export function needShared(t: TestContext, sub = ''): string | undefined {
  const dir = sharedDir();
  const want = dir && path.join(dir, sub);
  if (want && fs.existsSync(want)) return want;
  if (isCi()) assert.fail(`${sharedMissing(sub)}; CI=true, so this is a failure, not a skip`);
  t.skip(sharedMissing(sub));
  return undefined;
}

/** For a test that also runs without the shared folder (on built-in inputs): under CI=true it must be there. */
export function sharedInCi(): void {
  if (isCi() && !sharedDir()) assert.fail(`${sharedMissing()}; CI=true, so this is a failure`);
}
