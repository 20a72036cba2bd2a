// Same results from two builds: runs `tsb-lint check`, `failover` and `units` (JSON) of build A and of
// build B over the same folders and reports every difference. Used to show that a performance change
// changes no diagnostic and no failover answer.
//
//   node bench/compare.mjs OLD/server/out/cli.js NEW/server/out/cli.js DIR...
//   node bench/compare.mjs OLD NEW --generated [OUT]   the scaling shapes at 300 and 3,000 documents, random
//                                                      mixes at several sizes and seeds, the benchmark's inputs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHAPES, writeShape } from './shapes.mjs';
import { generate, INPUTS } from './generate.mjs';

function run(cli, args) {
  try {
    return execFileSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    if (typeof e.stdout === 'string' && e.status !== 2) return e.stdout;
    throw new Error(`${cli} ${args.join(' ')}: ${e.stderr ?? e.message}`);
  }
}

function firstDifference(a, b, path = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${path || '.'}: ${JSON.stringify(a)?.slice(0, 300)} ≠ ${JSON.stringify(b)?.slice(0, 300)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference(a[k], b[k], `${path}/${k}`);
    if (d) return d;
  }
  return `${path}: differ`;
}

export function compareDirs(oldCli, newCli, dirs, log = console.log) {
  let differences = 0;
  for (const dir of dirs) {
    for (const cmd of ['check', 'failover', 'units']) {
      const a = JSON.parse(run(oldCli, [cmd, dir, '--format', 'json']));
      const b = JSON.parse(run(newCli, [cmd, dir, '--format', 'json']));
      const d = firstDifference(a, b);
      if (d) {
        differences++;
        log(`DIFFERENT ${cmd} ${dir}: ${d}`);
      } else {
        log(`same ${cmd} ${dir}${cmd === 'check' ? ` (${a.diagnostics?.length ?? '?'} diagnostics)` : ''}`);
      }
    }
  }
  return differences;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [oldCli, newCli, ...rest] = process.argv.slice(2);
  if (!oldCli || !newCli || !rest.length) {
    console.error('usage: node bench/compare.mjs OLD_CLI NEW_CLI (DIR... | --generated [OUT])');
    process.exit(2);
  }
  let dirs = rest;
  let tmp;
  if (rest[0] === '--generated') {
    tmp = rest[1] ?? mkdtempSync(join(tmpdir(), 'tsb-compare-'));
    dirs = [];
    for (const n of [300, 3000]) for (const s of Object.keys(SHAPES)) dirs.push(writeShape(tmp, s, n).dir);
    for (const [n, seed] of [
      [200, 1],
      [500, 2],
      [1500, 3],
      [4000, 4],
      [800, 5],
      [2500, 6],
    ]) {
      const name = `mixed-${n}-${seed}`;
      dirs.push(writeShape(tmp, 'mixed', n, seed, name).dir);
    }
    for (const name of ['file-1k', 'ws-10k']) dirs.push(generate(tmp, { name, ...INPUTS[name] }).dir);
  }
  const differences = compareDirs(oldCli, newCli, dirs);
  console.log(differences ? `${differences} difference(s)` : `no difference in ${dirs.length} folder(s)`);
  if (tmp && !rest[1]) rmSync(tmp, { recursive: true, force: true });
  process.exitCode = differences ? 1 : 0;
}
