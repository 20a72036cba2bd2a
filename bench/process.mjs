// A measured child process: wall time from spawn to exit, and (through bench/usage-preload.cjs) its own
// CPU time and peak RSS, written at exit (the /proc entry of a short-lived process is gone by then).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const now = () => performance.now();

/** Runs `node ...args` from the repository root; resolves with { code, wallMs, out, err, cpuS, maxRssMiB }. */
export function timedProcess(args, env = {}) {
  return new Promise((resolve, reject) => {
    const usageFile = join(tmpdir(), `tsb-bench-usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    const t0 = now();
    const child = spawn(process.execPath, ['-r', join(ROOT, 'bench/usage-preload.cjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, TSB_BENCH_USAGE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => {
      if (err.length < 20000) err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = now() - t0;
      let usage = {};
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
        rmSync(usageFile);
      } catch {
        /* no usage */
      }
      resolve({ code, wallMs, out: Buffer.concat(out).toString('utf8'), err, ...usage });
    });
  });
}
