// The performance benchmark: our language server and yaml-language-server 2.0.0 driven side
// by side over stdio with real LSP messages, the tsb-lint CLI as a process, and the in-process floor
// (yaml + ajv), on generated TSB projects. Writes docs/performance.md and bench/out/results.json.
//
//   npm run bench                         every input, several runs each (long: tens of minutes)
//   npm run bench -- --quick              small inputs, one run: a smoke test of the harness
//   npm run bench -- --input file-5k      one input only (repeat --input, or comma-separate)
//   options: --runs N, --servers ours,yls,yls-min, --modes push,pull, --no-cli, --no-floor,
//            --no-scaling, --scaling-only, --scaling-sizes 1000,10000 (the scaling suite, bench/scaling.mjs),
//            --out FILE (default docs/performance.md; --out - prints it and keeps bench/out/results.json
//            as it was), --keep (keep the inputs),
//            --merge (keep the other inputs' figures from bench/out/results.json),
//            --render (only re-write the report from bench/out/results.json)
//
// This file runs the inputs one after another; the measurements live beside it: sessions.mjs (the
// side-by-side LSP sessions), big-folder.mjs, cli-floor.mjs, servers.mjs, diagnostics.mjs, report.mjs.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from './args.mjs';
import { bigFolderInput } from './big-folder.mjs';
import { measureCli, measureFloor, nodeStartup } from './cli-floor.mjs';
import { generate, INPUTS, QUICK_INPUTS } from './generate.mjs';
import { ROOT } from './paths.mjs';
import { renderMarkdown } from './report.mjs';
import { runScaling } from './scaling.mjs';
import { ourServerReady, serverSpec, writeSchemas } from './servers.mjs';
import { closedFilesSession, longEditSession, session } from './sessions.mjs';
import { log, summarize } from './stats.mjs';

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.render) {
    // Only re-write the report from bench/out/results.json (e.g. after editing bench/analysis.md).
    const md = renderMarkdown(
      JSON.parse(
        readFileSync(join(ROOT, args.quick ? 'bench/out/results-quick.json' : 'bench/out/results.json'), 'utf8'),
      ),
    );
    if (args.out === '-') process.stdout.write(md);
    else writeFileSync(args.out, md);
    return;
  }
  const table = args.quick ? QUICK_INPUTS : INPUTS;
  const names = args.inputs.length ? args.inputs : Object.keys(table).filter((n) => !n.endsWith('-clean'));
  for (const n of names) if (!table[n]) throw new Error(`unknown input ${n}; known: ${Object.keys(table).join(', ')}`);
  const tmp = mkdtempSync(join(tmpdir(), 'tsb-bench-'));
  const schemaUris = writeSchemas(tmp);
  const results = {
    startedAt: new Date().toISOString(),
    quick: args.quick,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memGiB: totalmem() / 2 ** 30,
    loadBefore: loadavg(),
    inputs: {},
    notes: [],
  };
  const resultsFile = join(ROOT, args.quick ? 'bench/out/results-quick.json' : 'bench/out/results.json');
  let previousScaling;
  // --scaling-only measures no input, so it always keeps them (it used to drop them without --merge).
  if ((args.merge || args.scalingOnly) && existsSync(resultsFile)) {
    // Re-measure some inputs, keep the others from the previous run's results.
    const prev = JSON.parse(readFileSync(resultsFile, 'utf8'));
    previousScaling = prev.scaling;
    // --scaling-only measures no input: every input of the previous run is kept.
    for (const [n, r] of Object.entries(prev.inputs ?? {}))
      if (args.scalingOnly || !names.includes(n)) results.inputs[n] = { ...r, merged: r.merged ?? prev.startedAt };
    const kept = Object.entries(results.inputs);
    if (kept.length)
      results.notes.push(
        `Kept from earlier runs (not re-measured here): ${kept.map(([n, r]) => `${n} (${r.merged})`).join(', ')}.`,
      );
  }
  let servers = [...args.servers];
  if (servers.includes('ours')) {
    const why = await ourServerReady();
    if (why) {
      results.notes.push(`Our language server was not measured: ${why}.`);
      log(`our server is not available: ${why}`);
      servers = servers.filter((s) => s !== 'ours');
    }
  }
  try {
    results.nodeStartupMs = await nodeStartup(3);
    for (const name of args.scalingOnly ? [] : names) {
      const cfg = table[name];
      const runs = args.runs ?? cfg.runs;
      log(`generating ${name}`);
      if (cfg.bigFolder) {
        results.inputs[name] = await bigFolderInput(tmp, name, cfg, runs, servers, schemaUris);
        writeResults(results);
        continue;
      }
      const input = generate(tmp, { name, ...cfg });
      input.expectDiagnostics = Object.keys(input.mistakes).length > 0 || input.unresolved > 0;
      const r = {
        label: cfg.label,
        files: input.files.length,
        docs: input.docs,
        lines: input.lines,
        mib: input.bytes / 1048576,
        mistakes: input.mistakes,
        ...(input.unresolved ? { unresolved: input.unresolved } : {}),
        runs,
        servers: {},
      };
      results.inputs[name] = r;
      if (args.floor) {
        log(`${name}: in-process floor`);
        r.floor = await measureFloor(input, runs);
      }
      if (args.cli) {
        log(`${name}: tsb-lint check`);
        r.cli = await measureCli(input, runs);
      }
      if (cfg.cliOnly) {
        writeResults(results);
        rmSync(input.dir, { recursive: true, force: true });
        continue;
      }
      const specs = [];
      if (servers.includes('ours')) for (const m of args.modes) specs.push(serverSpec('ours', m, schemaUris));
      if (servers.includes('yls')) specs.push(serverSpec('yls', 'push', schemaUris));
      if (servers.includes('yls-min')) specs.push(serverSpec('yls-min', 'push', schemaUris));
      const recs = Object.fromEntries(specs.map((s) => [s.name, []]));
      const edits = args.quick ? 1 : input.lines > 200000 ? 1 : 2;
      for (let run = 0; run < runs; run++) {
        // Rotate the order so that no server always runs first (machine noise, caches).
        const order = specs.map((_, k) => specs[(k + run) % specs.length]);
        for (const spec of order) {
          // Pull mode is a secondary figure: one run (the machine is small and the full run is long).
          if (spec.mode === 'pull' && run > 0 && !args.runs) continue;
          log(`${name}: ${spec.name} run ${run + 1}/${runs}`);
          try {
            recs[spec.name].push(await session(spec, input, { edits, probe: false }));
          } catch (e) {
            log(`${name}: ${spec.name} failed: ${e.message}`);
            recs[spec.name].push({ error: String(e.message).split('\n')[0] });
          }
        }
      }
      if (input.layout === 'single' && (name === 'file-300k' || name === 'file-5k')) {
        // One more session per server: hover/documentSymbol requests sent while the file is analysed.
        for (const spec of specs) {
          log(`${name}: ${spec.name} responsiveness probe`);
          try {
            recs[spec.name].push(await session(spec, input, { edits, probe: true }));
          } catch (e) {
            log(`${name}: ${spec.name} probe failed: ${e.message}`);
          }
        }
      }
      if (input.layout === 'single' && (name === 'file-1k' || name === 'file-5k') && servers.includes('ours')) {
        // One more session: what a long editing session keeps (heap before and after 200 edits).
        const spec = serverSpec('ours', 'push', schemaUris);
        log(`${name}: ours long editing session`);
        try {
          recs[spec.name].push(await longEditSession(spec, input));
        } catch (e) {
          log(`${name}: ours long editing session failed: ${e.message}`);
        }
      }
      if (input.layout === 'workspace' && servers.includes('ours')) {
        for (const m of args.modes) {
          const spec = serverSpec('ours', m, schemaUris);
          const rs = [];
          for (let run = 0; run < (m === 'pull' && !args.runs ? 1 : runs); run++) {
            log(`${name}: ${spec.name} closed-files run ${run + 1}/${runs}`);
            try {
              rs.push(await closedFilesSession(spec, input));
            } catch (e) {
              rs.push({ error: String(e.message).split('\n')[0] });
            }
          }
          r[`closed ${spec.name}`] = summarize(rs);
        }
      }
      for (const [sname, rs] of Object.entries(recs)) r.servers[sname] = summarize(rs);
      writeResults(results);
      if (!args.keep) rmSync(input.dir, { recursive: true, force: true });
    }
    if (args.scaling) {
      log('scaling suite');
      results.scaling = await runScaling(args.scalingSizes ? { sizes: args.scalingSizes } : {});
      writeResults(results);
    } else if (args.merge) {
      // Read before this run wrote the file (each input rewrites it).
      results.scaling = previousScaling;
    }
  } finally {
    results.loadAfter = loadavg();
    results.finishedAt = new Date().toISOString();
    // A run printed to stdout is a probe: it never replaces the figures the report is rendered from.
    if (args.out !== '-') writeResults(results);
    if (!args.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`inputs kept in ${tmp}`);
  }
  const md = renderMarkdown(results);
  if (args.out === '-') process.stdout.write(md);
  else {
    writeFileSync(args.out, md);
    log(`wrote ${args.out}`);
  }
}

function writeResults(results) {
  const dir = join(ROOT, 'bench/out');
  mkdirSync(dir, { recursive: true });
  // A --quick smoke run never overwrites the real figures.
  writeFileSync(join(dir, results.quick ? 'results-quick.json' : 'results.json'), JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exitCode = 1;
});
