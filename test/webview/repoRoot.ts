import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The repository root. Compiled tests land in test/out/webview/, three levels below it; when the
 * tests are bundled elsewhere (e.g. /tmp/wv) fall back to the working directory.
 */
export function repoRoot(): string {
  const fromOut = path.resolve(__dirname, '../../..');
  const looksLikeRepo = (dir: string) => fs.existsSync(path.join(dir, 'client', 'src', 'webview', 'app', 'main.ts'));
  if (looksLikeRepo(fromOut)) return fromOut;
  if (looksLikeRepo(process.cwd())) return process.cwd();
  throw new Error(`cannot find the repository root from ${__dirname} or ${process.cwd()}`);
}

export function readFixture<T = unknown>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(repoRoot(), 'test', 'webview', 'fixtures', name), 'utf8')) as T;
}
