#!/usr/bin/env node
// Measures time and memory of every hostile input (test/robustness/hostile.ts), each in a fresh node
// process: `node test/robustness/measure.mjs` prints a Markdown table for docs/robustness.md.
// Time = update + diagnostics + failoverModel; growth = peak RSS minus RSS before the update.
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'tsb-measure-'));
const bundle = join(out, 'measureCase.js');
buildSync({ entryPoints: [join(here, 'measureCase.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bundle, logLevel: 'warning' });
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
console.log('| input | size | lines | time (ms) | peak RSS (MiB) | RSS growth (MiB) | diagnostics |');
console.log('|---|---|---|---|---|---|---|');
try {
  const count = Number(spawnSync(process.execPath, [bundle, 'count'], { encoding: 'utf8' }).stdout);
  for (let i = 0; i < count; i++) {
    const r = spawnSync(process.execPath, [bundle, String(i)], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000 });
    if (r.status !== 0) {
      console.log(`| case ${i} | failed: ${r.signal ?? r.status} ${r.stderr.split('\n')[0]} |`);
      continue;
    }
    const m = JSON.parse(r.stdout);
    const size = m.bytes >= 1048576 ? `${(m.bytes / 1048576).toFixed(1)} MiB` : m.bytes >= 1024 ? `${(m.bytes / 1024).toFixed(0)} KiB` : `${m.bytes} B`;
    const diag = m.diagnostics ? `${m.diagnostics} (${m.rules.join(', ')})` : '0';
    console.log(`| ${m.name} | ${size} | ${m.lines.toLocaleString('en')} | ${m.ms.toLocaleString('en')} | ${m.peakRssMiB} | ${m.growthMiB} | ${diag} |`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
