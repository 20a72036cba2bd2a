// Bundles the real-VS-Code suites into .e2e/build/ (esbuild, like the rest of the project):
//   suite/index.js        mocha runner loaded by the extension host (mocha bundled in)
//   suite/N-*.test.js     one bundle per test file (vscode external, mocha globals)
//   ui/*.test.js          Playwright UI tests (node:test)
//   run.js, electron.js   the runners
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(process.env.E2E_DIR ?? path.join(root, '.e2e'), 'build');
fs.rmSync(out, { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning', absWorkingDir: root };
const rel = (...p) => path.join('test', 'vscode', ...p);
const tests = (dir, suffix) => fs.readdirSync(path.join(here, dir)).filter((f) => f.endsWith(suffix)).map((f) => rel(dir, f));

await Promise.all([
  esbuild.build({ ...common, entryPoints: [rel('suite', 'index.ts')], outfile: path.join(out, 'suite', 'index.js'), external: ['vscode'],
    // mocha's loadFiles() requires the test files at run time: that require must stay a require.
    logOverride: { 'unsupported-require-call': 'silent', 'require-resolve-not-external': 'silent' } }),
  esbuild.build({ ...common, entryPoints: tests('suite', '.test.ts'), outdir: path.join(out, 'suite'), external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: tests('ui', '.test.ts'), outdir: path.join(out, 'ui'), external: ['playwright-core'] }),
  esbuild.build({ ...common, entryPoints: { run: rel('run.ts'), electron: rel('runElectron.ts') }, outdir: out, external: ['playwright-core', '@vscode/test-electron'] }),
]);
console.log(`build: ${path.relative(root, out)}/ ready`);
