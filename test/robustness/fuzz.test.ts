// Seeded, bounded fuzzing: mutated acceptance cases and real-world corpus files, plus random
// YAML, through the engine (update + diagnostics + failoverModel) and through tsb-lint as a process.
// Re-run a failure with TSB_FUZZ_SEED=<seed printed in the test's diagnostics>.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../../server/src/engine/index';
import { spawnSync } from 'node:child_process';
import { BUDGETS } from '../../server/src/engine/budgets';
import { takeGlobSteps } from '../../server/src/engine/workspace/glob';
import {
  cleanTemps,
  fuzzSeed,
  int,
  mutate,
  newProject,
  pick,
  prng,
  randomYaml,
  rangeViolations,
  runCli,
  seedCases,
  STACK_TRACE,
  tempDir,
  type SeedCase,
} from './support';
import { BUILT, unlessBuilt } from '../helpers/built';
import { SHAPES } from './shapes';
import { sharedInCi } from '../helpers/shared';

after(cleanTemps);

const ENGINE_INPUTS = Number(process.env.TSB_FUZZ_COUNT ?? 600);
const ENGINE_BUDGET_MS = 12_000;
const CLI_RUNS = 4;
const FILES_PER_CLI_RUN = 8;
const ROOT = 'file:///fuzz';

interface Input {
  seed: SeedCase;
  /** The file of the case that was mutated and its new text. */
  file: string;
  text: string;
  how: string;
}

function makeInput(r: () => number, cases: SeedCase[]): Input {
  if (r() < 0.15)
    return { seed: { name: 'random', files: {} }, file: 'random.yaml', text: randomYaml(r), how: 'randomYaml' };
  const seed = pick(r, cases);
  const file = pick(r, Object.keys(seed.files));
  const m = mutate(seed.files[file]!, r);
  return { seed, file, text: m.text, how: m.applied.join('+') };
}

/** Every file's diagnostics and the failover model, as comparable plain data. */
function analyse(files: Record<string, string>, before?: Record<string, string>) {
  const p = newProject();
  const apply = (fs: Record<string, string>, version: number) => {
    if (fs['tsb.config.yaml'] !== undefined) p.setConfig(ROOT, fs['tsb.config.yaml']);
    for (const [rel, text] of Object.entries(fs))
      if (rel !== 'tsb.config.yaml') p.update(`${ROOT}/${rel}`, text, version);
  };
  // Incremental path: the unmutated project first, then the mutation as an edit (chunk reuse).
  if (before) apply(before, 1);
  apply(files, 2);
  const diagnostics: Record<string, Problem[]> = {};
  for (const rel of Object.keys(files)) diagnostics[rel] = p.diagnostics(`${ROOT}/${rel}`);
  return { diagnostics, model: p.failoverModel() };
}

test('engine fuzz: no exception, ranges inside the document, same input → same output', (t) => {
  const seed = fuzzSeed();
  const r = prng(seed);
  sharedInCi();
  const { cases, note } = seedCases();
  t.diagnostic(`seed ${seed} (TSB_FUZZ_SEED); ${note}`);
  const started = Date.now();
  let tried = 0;
  const byMutation = new Map<string, number>();
  for (; tried < ENGINE_INPUTS && Date.now() - started < ENGINE_BUDGET_MS; tried++) {
    const input = makeInput(r, cases);
    const files = { ...input.seed.files, [input.file]: input.text };
    const where = `input #${tried} (seed ${seed}, ${input.seed.name}, ${input.file}, ${input.how})`;
    let fresh: ReturnType<typeof analyse>;
    let incremental: ReturnType<typeof analyse>;
    try {
      fresh = analyse(files);
      incremental = analyse(files, input.seed.files);
    } catch (err) {
      assert.fail(`${where} threw: ${(err as Error)?.stack ?? err}\n--- text ---\n${input.text.slice(0, 2000)}`);
    }
    for (const [rel, ds] of Object.entries(fresh.diagnostics)) {
      const bad = rangeViolations(files[rel]!, ds);
      assert.deepEqual(bad, [], `${where}: ${rel}\n--- text ---\n${files[rel]!.slice(0, 2000)}`);
      assert.ok(
        !ds.some((d) => d.rule === 'internal-error'),
        `${where}: internal-error in ${rel}: ${ds.find((d) => d.rule === 'internal-error')?.message}`,
      );
    }
    assert.deepEqual(
      JSON.parse(JSON.stringify(incremental)),
      JSON.parse(JSON.stringify(fresh)),
      `${where}: an edit and a fresh analysis differ`,
    );
    for (const m of input.how.split('+')) byMutation.set(m, (byMutation.get(m) ?? 0) + 1);
  }
  const ms = Date.now() - started;
  t.diagnostic(`engine fuzz: ${tried} inputs in ${ms} ms (${[...byMutation].map(([k, v]) => `${k} ${v}`).join(', ')})`);
  assert.ok(tried >= Math.min(ENGINE_INPUTS, 50), `only ${tried} inputs within the ${ENGINE_BUDGET_MS} ms budget`);
});

interface CliJson {
  diagnostics: {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    rule: string;
    message: string;
  }[];
}

test('CLI fuzz: exit 0/1, JSON on stdout, no stack trace, ranges inside the files, deterministic', {
  skip: unlessBuilt(BUILT.cli),
}, (t) => {
  const seed = fuzzSeed() + 1;
  const r = prng(seed);
  sharedInCi();
  const { cases } = seedCases();
  t.diagnostic(`seed ${seed}`);
  let inputs = 0;
  for (let run = 0; run < CLI_RUNS; run++) {
    // One folder per run: a mutated case (config included) plus mutated files from elsewhere.
    const base = pick(
      r,
      cases.filter((c) => Object.keys(c.files).length > 1),
    );
    const files: Record<string, string> = { ...(base?.files ?? {}) };
    for (let i = 0; i < FILES_PER_CLI_RUN; i++) {
      const input = makeInput(r, cases);
      const rel = i === 0 && base ? pick(r, Object.keys(base.files)) : `fuzz/${i}-${path.basename(input.file)}`;
      files[rel] = i === 0 && base ? mutate(base.files[rel]!, r).text : input.text;
      inputs++;
    }
    const dir = tempDir(files);
    const where = `run ${run} (seed ${seed}) in ${dir}`;
    const a = runCli(['check', '.', '--format', 'json'], dir);
    const b = runCli(['check', '.', '--format', 'json'], dir);
    assert.ok(a.status === 0 || a.status === 1, `${where}: exit ${a.status}, stderr ${a.stderr}`);
    assert.doesNotMatch(a.stderr, STACK_TRACE, where);
    assert.equal(a.stderr, '', `${where}: stderr`);
    assert.equal(b.stdout, a.stdout, `${where}: two runs differ`);
    const out = JSON.parse(a.stdout) as CliJson;
    for (const d of out.diagnostics) {
      const text = fs.readFileSync(path.join(dir, d.file), 'utf8');
      const lines = text.split(/\r\n|\r|\n/);
      const msg = `${where}: ${JSON.stringify(d)}`;
      assert.ok(d.line >= 1 && d.line <= lines.length && d.endLine >= d.line && d.endLine <= lines.length, msg);
      assert.ok(d.column >= 1 && d.column <= lines[d.line - 1]!.length + 1, msg);
      assert.ok(d.endColumn >= 1 && d.endColumn <= lines[d.endLine - 1]!.length + 1, msg);
      assert.ok(d.endLine > d.line || d.endColumn >= d.column, msg);
      assert.ok(!path.isAbsolute(d.file) && !d.file.startsWith('..'), `${msg}: path escapes the scanned folder`);
    }
    assert.equal(
      a.status,
      out.diagnostics.some((d) => d.severity === 'error') ? 1 : 0,
      `${where}: exit status vs errors`,
    );
  }
  t.diagnostic(`CLI fuzz: ${CLI_RUNS} runs (each twice), ${inputs} mutated files`);
});

// Work per input byte, counted: whatever the shape, a file's diagnostics, messages, facts and nodes
// analysed stay within budgets proportional to its size (or constant); glob matching within pattern
// length times path length. Time and memory per byte are measured by measure.mjs, not here.
test('scale and shape fuzz: work per input byte stays bounded (counted, not timed)', (t) => {
  const seed = fuzzSeed() + 2;
  const r = prng(seed);
  t.diagnostic(`seed ${seed}`);
  const MAX_MESSAGE = 2000;
  for (const shape of SHAPES) {
    for (const size of shape.sizes.test) {
      const files = shape.make(size, r);
      const where = `${shape.name} (size ${size}, seed ${seed})`;
      const p = newProject();
      takeGlobSteps();
      if (files['tsb.config.yaml'] !== undefined) p.setConfig(ROOT, files['tsb.config.yaml']);
      const uris: string[] = [];
      for (const [rel, text] of Object.entries(files)) {
        if (rel === 'tsb.config.yaml') continue;
        const uri = `${ROOT}/${rel}`;
        uris.push(uri);
        if (!p.isIgnored(uri)) p.update(uri, text, 1);
      }
      let globChars = 0;
      let globs = 0;
      for (const m of (files['tsb.config.yaml'] ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
        globChars += m[1]!.length;
        globs++;
      }
      for (const uri of uris) {
        const text = files[uri.slice(ROOT.length + 1)]!;
        const ds = p.diagnostics(uri);
        assert.deepEqual(rangeViolations(text, ds), [], where);
        assert.ok(
          !ds.some((d) => d.rule === 'internal-error'),
          `${where}: ${ds.find((d) => d.rule === 'internal-error')?.message}`,
        );
        const notices = ds.filter((d) => d.rule === 'file-skipped').length;
        assert.ok(
          notices <= 5 && ds.length - notices <= BUDGETS.diagnosticsPerFile + 1,
          `${where}: ${ds.length} diagnostics`,
        );
        for (const d of ds)
          assert.ok(d.message.length <= MAX_MESSAGE, `${where}: a ${d.message.length}-character message`);
        // What is shown (messageL10n is the same message as a constant template and the values it shows).
        const out = JSON.stringify(ds, (k, v: unknown) => (k === 'messageL10n' ? undefined : v)).length;
        assert.ok(
          out <= 4 * text.length + 65_536,
          `${where}: ${out} bytes of diagnostics for ${text.length} bytes of input`,
        );
        const a = p.analysis(uri);
        if (!a) continue;
        assert.ok(a.chunks.length <= BUDGETS.documentsPerFile, where);
        const nodes = a.chunks.reduce((n, c) => n + c.result.nodes, 0);
        assert.ok(
          nodes <= BUDGETS.nodesPerFile + BUDGETS.nodesPerDocument + BUDGETS.aliasNodesPerDocument,
          `${where}: ${nodes} nodes analysed`,
        );
        const facts = JSON.stringify(p.facts(uri)).length;
        assert.ok(
          facts <= 40 * text.length + 65_536,
          `${where}: ${facts} bytes of facts for ${text.length} bytes of input`,
        );
      }
      p.failoverModel();
      for (const uri of uris) p.diagnostics(uri);
      const steps = takeGlobSteps();
      const longest = Math.max(1, ...uris.map((u) => u.length));
      // Each file is matched against every glob a few times (ignore, placement, each derive).
      const bound = 8 * (globChars + globs) * (longest + 1) * Math.max(1, uris.length);
      assert.ok(steps <= bound, `${where}: ${steps} glob steps (bound ${bound})`);
    }
  }
});

test('special files in a scanned folder (FIFO, /dev/zero link, folder named *.yaml, dangling link) never stop tsb-lint', {
  skip: unlessBuilt(BUILT.cli),
}, (t) => {
  const r = prng(fuzzSeed() + 3);
  const dir = tempDir({
    'ok.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
    'dir.yaml/inner.yaml': 'a: 1\n',
  });
  const names = Array.from({ length: 6 }, (_, i) => `${pick(r, ['x', 'sub/y', 'deep/a/b/z'])}-${i}.yaml`);
  let specials = 0;
  for (const [i, rel] of names.entries()) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    const kind = i % 3;
    if (kind === 0 && spawnSync('mkfifo', [p]).status === 0) specials++;
    else if (kind === 1 && fs.existsSync('/dev/zero')) {
      fs.symlinkSync('/dev/zero', p);
      specials++;
    } else {
      fs.symlinkSync(path.join(dir, 'missing.yaml'), p);
      specials++;
    }
  }
  t.diagnostic(`${specials} special entries`);
  const a = runCli(['check', '.', '--format', 'json'], dir, 60_000);
  assert.ok(a.status === 0 || a.status === 1, a.stderr);
  assert.equal(a.stderr, '');
  const files = (JSON.parse(a.stdout) as CliJson).diagnostics.map((d) => d.file);
  assert.ok(
    files.every((f) => !names.includes(f)),
    `a special file was read: ${files.join(', ')}`,
  );
});

test('fuzz helpers are deterministic for a seed', () => {
  const a = prng(7);
  const b = prng(7);
  for (let i = 0; i < 5; i++) assert.equal(a(), b());
  const r1 = prng(3);
  const r2 = prng(3);
  assert.equal(mutate('a: 1\nb: [x]\n', r1).text, mutate('a: 1\nb: [x]\n', r2).text);
  assert.equal(randomYaml(prng(9)), randomYaml(prng(9)));
  assert.ok(int(prng(1), 10) < 10);
});
