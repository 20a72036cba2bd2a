// Validators compiled ahead of time (scripts/validators.ts, run by `npm run build`) must behave exactly
// like the ones the engine compiles itself: same verdict, same errors with the same failing schema and
// value (the messages read errorMessage/patternErrorMessage from it). Inputs: every
// document of the acceptance cases and the real-world corpus, plus seeded mutations of their values
// (wrong types, unknown enum values, removed keys) so that every kind of schema error occurs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { ErrorObject } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { catalog } from '../../server/src/engine/index';
import { createAjv } from '../../server/src/engine/schema/ajv';
import { precompiledValidators } from '../../server/src/node/validators';
import type { SchemaEntry } from '../../schemas/src/types';
import { prng, int, seedCases, type Rng } from '../robustness/support';
import { needShared } from '../helpers/shared';
import { BUILT, unlessBuilt } from '../helpers/built';

const dir = BUILT.validators;
const NEEDS_VALIDATORS = { skip: unlessBuilt(BUILT.validators) };

function entryOf(doc: Record<string, unknown>): SchemaEntry | undefined {
  return catalog.find((e) => e.kind === doc['kind'] && e.apiVersions.includes(String(doc['apiVersion'])));
}

/** Every TSB document of the seeds, and mutations of each. */
function inputs(): { entry: SchemaEntry; value: unknown }[] {
  const out: { entry: SchemaEntry; value: unknown }[] = [];
  const r = prng(20261123);
  for (const c of seedCases().cases) {
    for (const text of Object.values(c.files)) {
      let docs: ReturnType<typeof parseAllDocuments>;
      try {
        docs = parseAllDocuments(text);
      } catch {
        continue;
      }
      if (!Array.isArray(docs)) continue;
      for (const d of docs) {
        const v = d.toJS() as unknown;
        if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
        const entry = entryOf(v as Record<string, unknown>);
        if (!entry) continue;
        out.push({ entry, value: v });
        for (let i = 0; i < 6; i++) out.push({ entry, value: mutate(structuredClone(v), r) });
      }
    }
  }
  return out;
}

const REPLACEMENTS: unknown[] = [7, 'BOGUS_VALUE', 'yes', null, [], {}, -1, 'x'.repeat(300), 3.5];

function mutate(v: unknown, r: Rng): unknown {
  // Walk to a random container, then replace or delete one of its entries.
  let cur = v as Record<string, unknown>;
  for (let depth = 0; depth < 8; depth++) {
    const keys = Object.keys(cur);
    if (!keys.length) break;
    const k = keys[int(r, keys.length)]!;
    const next = cur[k];
    if (next && typeof next === 'object' && r() < 0.7) {
      cur = next as Record<string, unknown>;
      continue;
    }
    if (r() < 0.2 && !Array.isArray(cur)) delete cur[k];
    else cur[k] = REPLACEMENTS[int(r, REPLACEMENTS.length)];
    break;
  }
  return v;
}

const plain = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map(({ instancePath, schemaPath, keyword, params, message, schema, parentSchema, data }) => ({
    instancePath,
    schemaPath,
    keyword,
    params,
    message,
    schema,
    parentSchema,
    data,
  }));

test('every catalog schema has a precompiled validator after the build', NEEDS_VALIDATORS, () => {
  const load = precompiledValidators(dir);
  const missing = catalog.filter((e) => typeof load(e.id) !== 'function').map((e) => e.id);
  assert.deepEqual(missing, [], `run npm run build (scripts/validators.ts) first; missing: ${missing.join(', ')}`);
  assert.equal(load('../etc/passwd'), undefined);
  assert.equal(load('no-such-schema'), undefined);
});

test('precompiled validators report exactly the errors of runtime-compiled ones', NEEDS_VALIDATORS, (t) => {
  if (!needShared(t)) return;
  const load = precompiledValidators(dir);
  const ajv = createAjv();
  const all = inputs();
  assert.ok(all.length > 500, `only ${all.length} inputs`);
  let failing = 0;
  const keywords = new Set<string>();
  for (const { entry, value } of all) {
    const pre = load(entry.id)!;
    const rt = ajv.getSchema(entry.schema.$id as string) ?? ajv.compile(entry.schema);
    const a = pre(value);
    const b = rt(value);
    assert.equal(a, b, `${entry.id}: ${JSON.stringify(value).slice(0, 200)}`);
    assert.deepEqual(plain(pre.errors), plain(rt.errors));
    if (!a) {
      failing++;
      for (const e of pre.errors ?? []) keywords.add(e.keyword);
    }
  }
  for (const k of ['type', 'enum', 'required', 'pattern'])
    assert.ok(keywords.has(k), `no ${k} error among the inputs: ${[...keywords].join(', ')}`);
  assert.ok(failing > 200, `the mutations should make many documents invalid (${failing})`);
});

test('the build writes no stale validator files', NEEDS_VALIDATORS, () => {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.replace(/\.js$/, ''))
    .sort();
  assert.deepEqual(files, catalog.map((e) => e.id).sort());
});
