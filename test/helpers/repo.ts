import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: tests are bundled into test/out/<dir>/, and run from the root. */
export function repoRoot(): string {
  const candidate = path.resolve(__dirname, '../../..');
  return fs.existsSync(path.join(candidate, 'package.json')) && fs.existsSync(path.join(candidate, 'server'))
    ? candidate
    : process.cwd();
}
