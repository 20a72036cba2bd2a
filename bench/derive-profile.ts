// In-process derive of one generated project, for profiling (not a benchmark figure): analyses every
// file, then runs the sliced derive alone, timing each step (the longest one is what blocks the language
// server) and, with PROFILE=FILE, writing a CPU profile of the derive only. Prints one JSON line.
//
//   npx esbuild bench/derive-profile.ts --bundle --platform=node --outfile=bench/out/derive-profile.js
//   PROFILE=/tmp/d.cpuprofile node bench/out/derive-profile.js DIR [repeats=1]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProject, CONFIG_FILE } from '../server/src/engine/index';
import { precompiledValidators } from '../server/src/node/validators';

const VALIDATORS = join(__dirname, '..', '..', 'server', 'out', 'validators');
const dir = process.argv[2]!;
const repeats = Number(process.argv[3] ?? 1);
const yaml: string[] = [];
const walk = (d: string) => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.ya?ml$/i.test(e.name)) yaml.push(p);
  }
};
walk(dir);
const project = createProject({}, precompiledValidators(VALIDATORS));
for (const f of yaml) {
  const text = readFileSync(f, 'utf8');
  if (f.endsWith(`/${CONFIG_FILE}`)) project.setConfig(pathToFileURL(f.slice(0, -CONFIG_FILE.length - 1)).href, text);
  else project.update(pathToFileURL(f).href, text, 1);
}
const heapBefore = process.memoryUsage().heapUsed / 2 ** 20;
const session = new Session();
const post = (m: string, p?: object) =>
  new Promise<unknown>((res, rej) => session.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
(async () => {
  const profile = process.env['PROFILE'];
  if (profile) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const windows: [bigint, bigint][] = [];
  const runs: {
    ms: number;
    cpuMs: number;
    steps: number;
    longestStepMs: number;
    longestStepCpuMs: number;
    at: number;
  }[] = [];
  for (let r = 0; r < repeats; r++) {
    project.setOptions({});
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let last = t0;
    let longest = 0;
    let steps = 0;
    // Per step also its CPU time: on a loaded machine a step's wall time includes waiting for a core.
    let lastCpu = process.cpuUsage();
    let longestCpu = 0;
    let at = 0;
    let stepStart = process.hrtime.bigint();
    let window: [bigint, bigint] = [0n, 0n];
    const stepCpu = () => {
      const c = process.cpuUsage(lastCpu);
      lastCpu = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    for (const _ of project.deriveSteps()) {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      const cpu = stepCpu();
      const end = process.hrtime.bigint();
      if (cpu > longestCpu) {
        longestCpu = cpu;
        at = steps;
        window = [stepStart, end];
      }
      stepStart = end;
      last = now;
      steps++;
    }
    longest = Math.max(longest, performance.now() - last);
    const cpu = stepCpu();
    if (cpu > longestCpu) {
      longestCpu = cpu;
      at = steps;
    }
    const c = process.cpuUsage(c0);
    runs.push({
      ms: performance.now() - t0,
      cpuMs: (c.user + c.system) / 1000,
      steps,
      longestStepMs: longest,
      longestStepCpuMs: longestCpu,
      at,
    });
    windows.push(window);
  }
  if (profile) {
    const { profile: p } = (await post('Profiler.stop')) as { profile: Profiler.Profile };
    writeFileSync(profile, JSON.stringify(p));
    // What ran during the last run's longest step: self time per function and the stacks below the derive.
    const [from, to] = windows[windows.length - 1]!.map((x) => Number(x / 1000n));
    const byId = new Map<number, Profiler.ProfileNode>(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const stacks = new Map<string, number>();
    let ts = p.startTime;
    for (let i = 0; i < (p.samples?.length ?? 0); i++) {
      ts += p.timeDeltas?.[i] ?? 0;
      if (ts < from || ts > to) continue;
      const names: string[] = [];
      for (let id: number | undefined = p.samples![i]; id !== undefined; id = parent.get(id)) {
        const f = byId.get(id)!.callFrame;
        names.push(`${f.functionName || '(anon)'}:${f.lineNumber + 1}`);
      }
      const key = names.slice(0, 6).join(' < ');
      stacks.set(key, (stacks.get(key) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
    }
    const top = [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 12);
    for (const [k, ms] of top) process.stderr.write(`${ms.toFixed(1).padStart(8)} ms  ${k}\n`);
  }
  process.stdout.write(
    JSON.stringify({ runs, heapBeforeMiB: heapBefore, heapAfterMiB: process.memoryUsage().heapUsed / 2 ** 20 }) + '\n',
  );
})();
