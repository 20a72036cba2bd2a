// `npm run build` step: compiles every catalog schema with ajv ahead of time, as stand-alone modules
// next to the server bundle (server/out/validators/<id>.js), so that neither the language server nor
// tsb-lint spends 0.5-1 s compiling schemas at start. Same ajv options as the engine (createAjv).
// usage: node scripts/out/validators.js OUTDIR
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import standaloneCode from 'ajv/dist/standalone';
import { buildSync } from 'esbuild';
import { catalog } from '../schemas/src/index';
import { createAjv } from '../server/src/engine/schema/ajv';

const out = resolve(process.argv[2] ?? 'server/out/validators');
const ajv = createAjv({ source: true });
const tmp = mkdtempSync(join(tmpdir(), 'tsb-validators-'));
try {
  const entryPoints: string[] = [];
  for (const entry of catalog) {
    const file = join(tmp, `${entry.id}.js`);
    writeFileSync(file, standaloneCode(ajv, ajv.compile(entry.schema)));
    entryPoints.push(file);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Bundled (ajv's small runtime helpers are inlined) and minified: the modules load with no node_modules.
  buildSync({
    entryPoints,
    outdir: out,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    nodePaths: [resolve('node_modules')],
  });
  console.log(`compiled ${catalog.length} validators to ${out} (${readdirSync(out).length} files)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
