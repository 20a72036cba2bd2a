// The engine in process on one generated project, phase by phase (the scaling suite's figures):
// analyse every file, the resolve stage (deployment inference and placement), the check stage
// (failover model and cross-file rules), every file's diagnostics; then a one-character edit of a
// file in the middle and the time until that file's diagnostics are up to date. Prints one JSON line.
//
//   bundled on the fly by bench/scaling.mjs;  node bench/out/engine.js DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProject, CONFIG_FILE, type Project } from '../server/src/engine/index';
import { precompiledValidators } from '../server/src/node/validators';

// Bundled to bench/out/engine.js: the validators npm run build compiled live in server/out/validators.
const VALIDATORS = join(__dirname, '..', '..', 'server', 'out', 'validators');

const dir = process.argv[2]!;
const yaml: string[] = [];
const sources: string[] = [];
const walk = (d: string) => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.ya?ml$/i.test(e.name)) yaml.push(p);
    else if (/\.(sh|md)$|^Makefile$/.test(e.name)) sources.push(p);
  }
};
walk(dir);

const t = () => performance.now();
const project: Project = createProject({}, precompiledValidators(VALIDATORS));
const texts = new Map<string, string>();
const t0 = t();
for (const f of yaml) {
  const text = readFileSync(f, 'utf8');
  if (f.endsWith(`/${CONFIG_FILE}`)) project.setConfig(pathToFileURL(f.slice(0, -CONFIG_FILE.length - 1)).href, text);
  else {
    texts.set(pathToFileURL(f).href, text);
    project.update(pathToFileURL(f).href, text, 1);
  }
}
for (const f of sources) project.setSource(pathToFileURL(f).href, readFileSync(f, 'utf8'));
const analyseMs = t() - t0;
let t1 = t();
project.deployments();
const resolveMs = t() - t1;
t1 = t();
project.failoverModel();
const checkMs = t() - t1;
t1 = t();
let problems = 0;
for (const uri of texts.keys()) problems += project.diagnostics(uri).length;
const diagnosticsMs = t() - t1;
const totalMs = t() - t0;

// Longest uninterrupted step of the sliced derive (what the language server runs between requests).
project.setOptions({});
let longestStepMs = 0;
let steps = 0;
let last = t();
for (const _ of project.deriveSteps()) {
  const now = t();
  longestStepMs = Math.max(longestStepMs, now - last);
  steps++;
  last = now;
}
longestStepMs = Math.max(longestStepMs, t() - last);

// A one-character edit in the middle file (a key renamed and back), until that file's diagnostics are known.
const uris = [...texts.keys()];
const target = uris[Math.floor(uris.length / 2)]!;
const text = texts.get(target)!;
const at = text.indexOf('metadata:');
const edits: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const [v, body] of [
    [2 + 2 * round, at >= 0 ? `${text.slice(0, at)}metadatax:${text.slice(at + 9)}` : `${text}#\n`],
    [3 + 2 * round, text],
  ] as const) {
    const e0 = t();
    project.update(target, body, v);
    project.diagnostics(target);
    edits.push(t() - e0);
  }
}
edits.sort((a, b) => a - b);
const mem = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    files: texts.size,
    sources: sources.length,
    problems,
    analyseMs,
    resolveMs,
    checkMs,
    diagnosticsMs,
    totalMs,
    deriveSteps: steps,
    longestStepMs,
    editMs: edits[Math.floor(edits.length / 2)],
    heapMiB: mem.heapUsed / 2 ** 20,
    rssMiB: mem.rss / 2 ** 20,
  }) + '\n',
);
