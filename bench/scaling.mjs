// The scaling suite: every shape of cross-file work (bench/shapes.mjs) generated at
// N = 1k, 10k and 100k documents, measured three ways, each in a fresh process:
//   - floor: bench/floor.mjs (read, parse, ajv) — what any validator must at least do;
//   - tsb-lint check --format json — the whole CLI (wall, CPU, peak RSS);
//   - the engine in process, phase by phase (bench/engine.ts): analysis, resolve (deployment
//     inference), check (failover model + cross-file rules), the longest step of the sliced derive,
//     and a one-character edit until that file's diagnostics are known.
// Reported per document and as growth per ×10 of N (linear work grows ×10; the target is ≤ 12×).
//
//   node bench/scaling.mjs [--sizes 1000,10000,100000] [--shapes a,b] [--out FILE.json]
//   (npm run bench runs it too and renders it into docs/performance.md)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES, writeShape } from './shapes.mjs';
import { generate, INPUTS } from './generate.mjs';
import { timedProcess } from './process.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'server/out/cli.js');
const ENGINE = join(ROOT, 'bench/out/engine.js');
export const SIZES = [1000, 10000, 100000];
const log = (...m) => process.stderr.write(`[scaling ${new Date().toISOString().slice(11, 19)}] ${m.join(' ')}\n`);

/** Bundles bench/engine.ts (the in-process phases) next to the other bench outputs. */
export function buildEngine() {
  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  execFileSync(
    join(ROOT, 'node_modules/.bin/esbuild'),
    [
      'bench/engine.ts',
      '--bundle',
      '--platform=node',
      '--target=node20',
      `--outfile=${ENGINE}`,
      // As the server and the CLI are built: yaml's ES module build (see package.json's build scripts).
      '--alias:yaml=./node_modules/yaml/browser/index.js',
      '--log-level=warning',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

async function measure(dir) {
  const floor = await timedProcess([join(ROOT, 'bench/floor.mjs'), dir]);
  if (floor.code !== 0) throw new Error(`floor failed: ${floor.err}`);
  const cli = await timedProcess([CLI, 'check', dir, '--format', 'json']);
  if (cli.code === 2) throw new Error(`tsb-lint failed: ${cli.err}`);
  const engine = await timedProcess([ENGINE, dir]);
  if (engine.code !== 0) throw new Error(`engine failed: ${engine.err}`);
  let problems;
  try {
    problems = JSON.parse(cli.out).diagnostics?.length;
  } catch {
    /* not JSON */
  }
  return {
    floor: { wallMs: floor.wallMs, cpuS: floor.cpuS, maxRssMiB: floor.maxRssMiB, ...JSON.parse(floor.out) },
    cli: { wallMs: cli.wallMs, cpuS: cli.cpuS, maxRssMiB: cli.maxRssMiB, problems, exit: cli.code },
    engine: { ...JSON.parse(engine.out), maxRssMiB: engine.maxRssMiB },
  };
}

/** Runs the suite; returns { sizes, shapes: { name: { label, runs: { N: record } } }, inference }. */
export async function runScaling({ sizes = SIZES, shapes = Object.keys(SHAPES), inference = true } = {}) {
  buildEngine();
  const tmp = mkdtempSync(join(tmpdir(), 'tsb-scaling-'));
  const out = { startedAt: new Date().toISOString(), loadBefore: loadavg(), sizes, shapes: {}, inference: undefined };
  try {
    for (const shape of shapes) {
      out.shapes[shape] = { label: SHAPES[shape].label, runs: {} };
      for (const n of sizes) {
        log(`${shape} at ${n}`);
        const w = writeShape(tmp, shape, n);
        try {
          out.shapes[shape].runs[n] = {
            docs: w.docs,
            files: w.files,
            mib: w.bytes / 2 ** 20,
            ...(w.refs ? { refs: w.refs } : {}),
            ...(await measure(w.dir)),
          };
        } catch (e) {
          out.shapes[shape].runs[n] = { docs: w.docs, error: String(e.message).split('\n')[0] };
          log(`${shape} at ${n}: ${e.message}`);
        }
        rmSync(w.dir, { recursive: true, force: true });
      }
    }
    if (inference) {
      // Deployment inference on the 10k-document workspace, with and without deploy scripts.
      out.inference = {};
      for (const [name, scripts] of [
        ['without deploy scripts', false],
        ['with deploy scripts', true],
      ]) {
        log(`inference: ws-10k ${name}`);
        const g = generate(tmp, {
          name: `ws-10k-${scripts ? 'scripts' : 'plain'}`,
          ...INPUTS['ws-10k'],
          deployScripts: scripts,
        });
        const runs = [];
        for (let r = 0; r < 3; r++) runs.push(await measure(g.dir));
        out.inference[name] = runs;
        rmSync(g.dir, { recursive: true, force: true });
      }
    }
  } finally {
    out.loadAfter = loadavg();
    out.finishedAt = new Date().toISOString();
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

// ------------------------------------------------------------------------------------------- report
const ms = (x) =>
  Number.isFinite(x)
    ? x >= 10000
      ? `${(x / 1000).toFixed(1)} s`
      : x >= 1000
        ? `${(x / 1000).toFixed(2)} s`
        : x >= 10
          ? `${x.toFixed(0)} ms`
          : `${x.toFixed(1)} ms`
    : '—';
const us = (x) => (Number.isFinite(x) ? `${x.toFixed(x >= 100 ? 0 : 1)} µs` : '—');
const mib = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} MiB` : '—');
const times = (x) => (Number.isFinite(x) ? `${x.toFixed(1)}×` : '—');
const median = (xs) => {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : NaN;
};

/** The cross-file work of a run: resolve + check + every file's diagnostics (the derive), in process. */
const deriveMs = (r) => (r.engine ? r.engine.resolveMs + r.engine.checkMs + r.engine.diagnosticsMs : NaN);

/** Markdown for docs/performance.md, plus the targets it checks (pushed into `targets`). */
export function renderScaling(res, targets = []) {
  const L = [];
  L.push('## Scaling suite: cross-file work at 1k, 10k and 100k documents');
  L.push('');
  L.push(
    `Run: ${res.startedAt}; load average before ${res.loadBefore.map((x) => x.toFixed(1)).join(' / ')}, after ${(res.loadAfter ?? []).map((x) => x.toFixed(1)).join(' / ')}. One fresh process per figure.`,
  );
  L.push(
    'Generated by bench/shapes.mjs, measured by bench/scaling.mjs (`node bench/scaling.mjs`); each shape stresses one cross-file',
  );
  L.push(
    "computation. **derive** = deployment inference + failover model + cross-file rules + every file's diagnostics, in process",
  );
  L.push(
    '(bench/engine.ts); **tsb-lint** = the whole CLI process; **floor** = read + parse + ajv in one process (bench/floor.mjs).',
  );
  L.push(
    '**growth** = time at N ÷ time at N/10: linear work grows 10×, the target is ≤ 12×. **longest step** = the longest',
  );
  L.push(
    'uninterrupted step of the sliced derive the language server runs between requests. **edit** = a one-character edit of',
  );
  L.push(
    "the middle file until that file's diagnostics are known (in process: analysis of the changed document and a full derive).",
  );
  L.push('');
  L.push(
    '| shape | N | derive | per document | growth | tsb-lint | per document | growth | floor | tsb-lint ÷ floor | peak RSS (tsb-lint) | ÷ floor RSS | longest step | edit |',
  );
  L.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [shape, s] of Object.entries(res.shapes)) {
    let prev;
    for (const n of res.sizes) {
      const r = s.runs[n];
      if (!r) continue;
      if (r.error) {
        L.push(`| ${shape} | ${n.toLocaleString('en')} | failed: ${r.error} |||||||||||||`);
        prev = undefined;
        continue;
      }
      const d = deriveMs(r);
      const gD = prev ? d / deriveMs(prev) : NaN;
      const gC = prev ? r.cli.wallMs / prev.cli.wallMs : NaN;
      const rss = r.cli.maxRssMiB / r.floor.maxRssMiB;
      L.push(
        `| ${shape} | ${r.docs.toLocaleString('en')} | ${ms(d)} | ${us((1000 * d) / r.docs)} | ${times(gD)} | ${ms(r.cli.wallMs)} | ${us((1000 * r.cli.wallMs) / r.docs)} | ${times(gC)} | ${ms(r.floor.wallMs)} | ${times(r.cli.wallMs / r.floor.wallMs)} | ${mib(r.cli.maxRssMiB)} | ${times(rss)} | ${ms(r.engine.longestStepMs)} | ${ms(r.engine.editMs)} |`,
      );
      if (prev) {
        targets.push({
          input: `${shape} ${n.toLocaleString('en')}`,
          label: 'derive growth per ×10',
          ours: times(gD),
          yls: `${ms(deriveMs(prev))} → ${ms(d)}`,
          target: '≤ 12×',
          met: gD <= 12 ? 'yes' : '**no**',
        });
        targets.push({
          input: `${shape} ${n.toLocaleString('en')}`,
          label: 'tsb-lint growth per ×10',
          ours: times(gC),
          yls: `${ms(prev.cli.wallMs)} → ${ms(r.cli.wallMs)}`,
          target: '≤ 12×',
          met: gC <= 12 ? 'yes' : '**no**',
        });
      }
      targets.push({
        input: `${shape} ${n.toLocaleString('en')}`,
        label: 'peak RSS ÷ floor process',
        ours: mib(r.cli.maxRssMiB),
        yls: `floor ${mib(r.floor.maxRssMiB)}`,
        target: '≤ 4×',
        met: rss <= 4 ? 'yes' : '**no**',
      });
      if (shape === 'unresolved' && n === 10000) {
        const ratio = r.cli.wallMs / r.floor.wallMs;
        targets.push({
          input: 'unresolved 10,000 (1,000 unresolved references)',
          label: 'tsb-lint check (whole process)',
          ours: ms(r.cli.wallMs),
          yls: `floor ${ms(r.floor.wallMs)}`,
          target: '≤ 2× the floor process',
          met: ratio <= 2 ? 'yes' : '**no**',
        });
      }
      prev = r;
    }
  }
  L.push('');
  for (const [shape, s] of Object.entries(res.shapes)) L.push(`- **${shape}**: ${s.label}.`);
  L.push('');
  if (res.inference) {
    L.push('### Deployment inference on the 10k-document workspace (budget: ≤ 10% of the cold check)');
    L.push('');
    L.push(
      'ws-10k as in the tables above; "with deploy scripts": the same files with a script per cluster applying each file',
    );
    L.push(
      '(`kubectl --context … apply -f`, 252 lines each), a tctl script for the TSB files, a Makefile and a README with the',
    );
    L.push(
      'commands, and no tsb.config.yaml placements (the deployment is inferred). Inference = the resolve stage in process',
    );
    L.push(
      '(reading the scripts, units, placement of every object); cold check = the same process from the first file read to',
    );
    L.push("every file's diagnostics. Medians of 3 runs.");
    L.push('');
    L.push('| ws-10k | inference | cold check (in process) | share | tsb-lint check (process) |');
    L.push('|---|---|---|---|---|');
    for (const [name, runs] of Object.entries(res.inference)) {
      const inf = median(runs.map((r) => r.engine.resolveMs));
      const total = median(runs.map((r) => r.engine.totalMs));
      const share = inf / total;
      L.push(
        `| ${name} | ${ms(inf)} | ${ms(total)} | ${(100 * share).toFixed(1)}% | ${ms(median(runs.map((r) => r.cli.wallMs)))} |`,
      );
      targets.push({
        input: `ws-10k ${name}`,
        label: 'deployment inference ÷ cold check',
        ours: ms(inf),
        yls: `check ${ms(total)}`,
        target: '≤ 10%',
        met: share <= 0.1 ? 'yes' : '**no**',
      });
    }
    L.push('');
  }
  return L.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = opt('--sizes')?.split(',').map(Number) ?? SIZES;
  const shapes = opt('--shapes')?.split(',') ?? Object.keys(SHAPES);
  const res = await runScaling({ sizes, shapes, inference: !argv.includes('--no-inference') });
  const file = opt('--out') ?? join(ROOT, 'bench/out/scaling.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(res, null, 2));
  process.stdout.write(renderScaling(res) + '\n');
}
