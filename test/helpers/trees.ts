import * as fs from 'node:fs';
import * as path from 'node:path';

// The real repositories in ../shared/corpus/trees (read in place, never copied into the project).

/** The repository: the nearest folder above this (bundled) test with a package.json. */
function repoRoot(): string {
  let d = __dirname;
  while (!fs.existsSync(path.join(d, 'package.json')) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

const ROOT = repoRoot();

/** ../shared next to the repository (TSB_SHARED overrides); undefined when absent. */
export function sharedFolder(): string | undefined {
  for (const d of [process.env.TSB_SHARED, path.resolve(ROOT, '../shared')]) if (d && fs.existsSync(d)) return d;
  return undefined;
}

/** Each tree's folder, or a reason to skip (the shared folder is absent). */
export function trees(): { dirs: string[] } | { skip: string } {
  const shared = sharedFolder();
  const dir = shared && path.join(shared, 'corpus', 'trees');
  if (!dir || !fs.existsSync(dir)) return { skip: `the real repositories are not there: ${path.resolve(ROOT, '../shared')}/corpus/trees (set TSB_SHARED to the shared folder)` };
  return { dirs: fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name)).sort() };
}

export const REPO_ROOT = ROOT;
