// `npm pack ./packages/tsb-lint` (its prepack): builds the npm package's contents into packages/tsb-lint/
// out/: the CLI, the language server and its analysis worker as minified self-contained bundles, and the
// validators compiled ahead of time. Built there, never in server/out, so packing while tests use the
// development build changes nothing under them. The package has no dependencies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'packages', 'tsb-lint');
const out = join(pkgDir, 'out');

const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
if (version(pkgDir) !== version(root)) {
  console.error(`stageCli: packages/tsb-lint is version ${version(pkgDir)} but the project is ${version(root)}: make them equal`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = { bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: root };
buildSync({ ...common, entryPoints: ['server/src/node/cli.ts'], outfile: join(out, 'cli.js'), banner: { js: '#!/usr/bin/env node' } });
buildSync({ ...common, entryPoints: ['server/src/node/serverMain.ts'], outfile: join(out, 'serverMain.js'), banner: { js: '#!/usr/bin/env node' } });
buildSync({ ...common, entryPoints: ['server/src/node/analysisWorker.ts'], outfile: join(out, 'analysisWorker.js') });

// The validators, with the project's own generator (scripts/validators.ts), written into out/validators.
const tmp = mkdtempSync(join(tmpdir(), 'tsb-stage-'));
try {
  const gen = join(tmp, 'validators.js');
  buildSync({ ...common, minify: false, entryPoints: ['scripts/validators.ts'], outfile: gen, external: ['esbuild'] });
  const env = { ...process.env, NODE_PATH: join(root, 'node_modules') };
  const r = spawnSync(process.execPath, [gen, join(out, 'validators')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
copyFileSync(join(root, 'LICENSE'), join(pkgDir, 'LICENSE'));
console.error(`stageCli: packages/tsb-lint/out built (version ${version(root)})`);
