import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { repoRoot } from './repo';
import { needShared } from './shared';

// The real repositories in the shared folder's corpus/trees (read in place, never copied into the project).

export const REPO_ROOT = repoRoot();

/** Each tree's folder, or undefined after skipping the test (failing it under CI=true) when the corpus is absent. */
export function treeDirs(t: TestContext): string[] | undefined {
  const dir = needShared(t, path.join('corpus', 'trees'));
  if (!dir) return undefined;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name))
    .sort();
}
