// Whole-process figures: the tsb-lint CLI, the in-process floor (yaml + ajv, floor.mjs) and Node's start-up.
import { join } from 'node:path';
import { CLI, ROOT } from './paths.mjs';
import { timedProcess } from './process.mjs';
import { median } from './stats.mjs';

export async function measureCli(input, runs) {
  const rs = [];
  for (let r = 0; r < runs; r++) {
    const x = await timedProcess([CLI, 'check', input.dir, '--format', 'json']);
    if (x.code === 2) throw new Error(`tsb-lint failed: ${x.err}`);
    let problems;
    try {
      const j = JSON.parse(x.out);
      problems = j.diagnostics?.length;
    } catch {
      /* not JSON */
    }
    rs.push({ wallMs: x.wallMs, cpuS: x.cpuS, maxRssMiB: x.maxRssMiB, problems, exit: x.code });
  }
  return {
    wallMs: median(rs.map((r) => r.wallMs)),
    cpuS: median(rs.map((r) => r.cpuS)),
    maxRssMiB: median(rs.map((r) => r.maxRssMiB)),
    problems: rs[0]?.problems,
    exit: rs[0]?.exit,
    runs: rs,
  };
}

export async function measureFloor(input, runs) {
  const rs = [];
  for (let r = 0; r < runs; r++) {
    const x = await timedProcess([join(ROOT, 'bench/floor.mjs'), input.dir]);
    if (x.code !== 0) throw new Error(`floor failed: ${x.err}`);
    rs.push({ ...JSON.parse(x.out), wallMs: x.wallMs, cpuS: x.cpuS, maxRssMiB: x.maxRssMiB });
  }
  const keys = ['wallMs', 'cpuS', 'maxRssMiB', 'totalMs', 'parseMs', 'compileMs', 'validateMs', 'readMs', 'loadMs'];
  return Object.fromEntries([
    ...keys.map((k) => [k, median(rs.map((r) => r[k]))]),
    ['docs', rs[0]?.docs],
    ['validated', rs[0]?.validated],
    ['invalid', rs[0]?.invalid],
  ]);
}

export async function nodeStartup(runs) {
  const rs = [];
  for (let r = 0; r < runs; r++) rs.push((await timedProcess(['-e', '0'])).wallMs);
  return median(rs);
}
