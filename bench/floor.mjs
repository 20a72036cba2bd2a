// The in-process floor: what any validator must at least do, measured in one fresh process.
// Reads every *.yaml below DIR, parses it with `yaml` parseAllDocuments, and validates each document
// whose apiVersion/kind is in schemas/catalog.json with ajv (allErrors, our schemas/*.schema.json).
// Prints one JSON line: { readMs, parseMs, compileMs, validateMs, totalMs, docs, validated, invalid, rssMiB }.
// usage: node bench/floor.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const t0 = performance.now();
const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parseAllDocuments } = require('yaml');
const Ajv = require('ajv').default ?? require('ajv');
const tLoaded = performance.now();

const dir = process.argv[2];
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(d, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '.git') walk(p);
    } else if (/\.ya?ml$/i.test(e.name)) files.push(p);
  }
};
walk(dir);

const catalog = JSON.parse(readFileSync(join(root, 'schemas/catalog.json'), 'utf8')).schemas;
const byKey = new Map();
for (const e of catalog) for (const v of e.apiVersions) byKey.set(`${v}|${e.kind}`, e);
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const validators = new Map();
let compileMs = 0;
const validatorFor = (entry) => {
  let v = validators.get(entry.id);
  if (!v) {
    const t = performance.now();
    v = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', entry.file), 'utf8')));
    compileMs += performance.now() - t;
    validators.set(entry.id, v);
  }
  return v;
};

let readMs = 0;
let parseMs = 0;
let validateMs = 0;
let docs = 0;
let validated = 0;
let invalid = 0;
for (const f of files) {
  let t = performance.now();
  const text = readFileSync(f, 'utf8');
  readMs += performance.now() - t;
  t = performance.now();
  const parsed = parseAllDocuments(text);
  const values = (Array.isArray(parsed) ? parsed : []).map((d) => d.toJS());
  parseMs += performance.now() - t;
  for (const v of values) {
    docs++;
    if (!v || typeof v !== 'object') continue;
    const entry = byKey.get(`${v.apiVersion}|${v.kind}`);
    if (!entry) continue;
    const validate = validatorFor(entry);
    t = performance.now();
    if (!validate(v)) invalid++;
    validateMs += performance.now() - t;
    validated++;
  }
}
const totalMs = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    loadMs: tLoaded - t0,
    readMs,
    parseMs,
    compileMs,
    validateMs,
    totalMs,
    files: files.length,
    docs,
    validated,
    invalid,
    rssMiB: process.memoryUsage().rss / 1048576,
  }) + '\n',
);
