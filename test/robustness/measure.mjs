#!/usr/bin/env node
// Measures time and memory of every hostile input (test/robustness/hostile.ts) and of every scale and
// shape generator at its report sizes (test/robustness/shapes.ts), each in a fresh node process:
// `node test/robustness/measure.mjs [--shapes-only]` prints Markdown tables for docs/robustness.md.
// Time = update + diagnostics + failoverModel; growth = peak RSS minus RSS before the update. The
// shapes table adds time and RSS growth per input KiB: the property that these stay bounded is checked
// here, not in a timed test.
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
const run = (args) => spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000 });
const sizeOf = (bytes) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(0)} KiB` : `${bytes} B`);
try {
  const counts = JSON.parse(run(['count']).stdout);
  if (!process.argv.includes('--shapes-only')) {
    console.log('| input | size | lines | time (ms) | peak RSS (MiB) | RSS growth (MiB) | diagnostics |');
    console.log('|---|---|---|---|---|---|---|');
    for (let i = 0; i < counts.hostile; i++) {
      const r = run([String(i)]);
      if (r.status !== 0) {
        console.log(`| case ${i} | failed: ${r.signal ?? r.status} ${r.stderr.split('\n')[0]} |`);
        continue;
      }
      const m = JSON.parse(r.stdout);
      const diag = m.diagnostics ? `${m.diagnostics} (${m.rules.join(', ')})` : '0';
      console.log(`| ${m.name} | ${sizeOf(m.bytes)} | ${m.lines.toLocaleString('en')} | ${m.ms.toLocaleString('en')} | ${m.peakRssMiB} | ${m.growthMiB} | ${diag} |`);
    }
    console.log('');
  }
  console.log('| shape (size) | input | time (ms) | ms per MiB | peak RSS (MiB) | RSS growth per MiB | diagnostics |');
  console.log('|---|---|---|---|---|---|---|');
  counts.shapes.forEach((sizes, i) => {
    for (const size of sizes) {
      const r = run(['shape', String(i), String(size)]);
      if (r.status !== 0) {
        console.log(`| shape ${i} (${size}) | failed: ${r.signal ?? r.status} ${r.stderr.split('\n')[0]} |`);
        continue;
      }
      const m = JSON.parse(r.stdout);
      const mib = Math.max(m.bytes / 1048576, 1 / 1024);
      const diag = m.diagnostics ? `${m.diagnostics} (${m.rules.join(', ')})` : '0';
      console.log(`| ${m.name} | ${sizeOf(m.bytes)} | ${m.ms.toLocaleString('en')} | ${Math.round(m.ms / mib).toLocaleString('en')} | ${m.peakRssMiB} | ${(m.growthMiB / mib).toFixed(0)} | ${diag} |`);
    }
  });
} finally {
  rmSync(out, { recursive: true, force: true });
}
