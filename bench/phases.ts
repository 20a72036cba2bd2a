// In-process phase timings of the engine on a generated input (a profiling aid, not a benchmark figure):
// analyse every file, first derive (cross-file + failover), a one-character edit, its update and derive.
// usage: npx esbuild bench/phases.ts --bundle --platform=node --outfile=bench/out/phases.js && node bench/out/phases.js DIR
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProject } from '../server/src/engine/index';

const dir = process.argv[2]!;
const files: string[] = [];
const walk = (d: string) => {
  for (const e of readdirSync(d)) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.ya?ml$/.test(p)) files.push(p);
  }
};
walk(dir);
const t = () => performance.now();
const mem = () => `${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`;
const project = createProject();
let t0 = t();
const texts = new Map<string, string>();
for (const f of files) {
  const uri = pathToFileURL(f).href;
  const text = readFileSync(f, 'utf8');
  if (f.endsWith('tsb.config.yaml')) {
    project.setConfig(pathToFileURL(dir).href, text);
    continue;
  }
  texts.set(uri, text);
  project.update(uri, text, 1);
}
console.log(`analyse ${files.length} files: ${(t() - t0).toFixed(0)} ms, rss ${mem()}`);
t0 = t();
let n = 0;
for (const uri of texts.keys()) n += project.diagnostics(uri).length;
console.log(`first derive + diagnostics: ${(t() - t0).toFixed(0)} ms, ${n} problems, rss ${mem()}`);
// The edited file: one holding a Workspace with displayName, in the middle.
const uris = [...texts.keys()].filter(
  (u) => /displayName:/.test(texts.get(u)!) && /kind: Workspace\n/.test(texts.get(u)!),
);
const target = uris[Math.floor(uris.length / 2)]!;
for (let round = 0; round < 3; round++) {
  const text = texts.get(target)!;
  const edited = text.replace('displayName:', 'displayNamex:');
  for (const [v, body] of [
    [2, edited],
    [3, text],
  ] as const) {
    t0 = t();
    project.update(target, body, v + round * 2);
    const t1 = t();
    const d = project.diagnostics(target).length;
    const t2 = t();
    let m = 0;
    for (const uri of texts.keys()) m += project.diagnostics(uri).length;
    console.log(
      `edit ${round}/${v}: update ${(t1 - t0).toFixed(1)} ms, derive+own ${(t2 - t1).toFixed(1)} ms (${d}), all files ${(t() - t2).toFixed(1)} ms (${m})`,
    );
  }
}
// Full derives alone (setOptions invalidates): the cross-file step's cost without any parsing.
const reps = Number(process.env['DERIVES'] ?? 5);
const times: number[] = [];
for (let i = 0; i < reps; i++) {
  project.setOptions({});
  t0 = t();
  project.failoverModel();
  project.diagnostics(target);
  times.push(t() - t0);
}
times.sort((a, b) => a - b);
console.log(
  `full derive x${reps}: median ${times[Math.floor(reps / 2)]!.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms`,
);
