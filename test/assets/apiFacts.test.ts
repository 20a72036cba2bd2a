// The schemas against the committed TSB API facts (data/tsb-api/api.json, extracted from the public
// generated sources): every field of the facts is accepted with its type and enum values; every field of
// ours the facts lack is justified in data/tsb-api/extras.json; the derived schema source is up to date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalog } from '../../schemas/src/index';
import { SPEC_MESSAGES } from '../../schemas/src/specMessages';
import { compare } from '../../scripts/apiFacts/compare';
import { checkVersions, deriveSource, type VersionsFile } from '../../scripts/apiFacts/deriveSource';
import { jsonNameOfGo } from '../../scripts/apiFacts/names';
import type { ApiFacts } from '../../scripts/apiFacts/types';
import { createAjv } from '../../server/src/engine/schema/ajv';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const read = <T>(rel: string): T => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as T;
const facts = read<ApiFacts>('data/tsb-api/api.json');
const versions = read<VersionsFile>('data/tsb-api/versions.json');
const extras = read<{ extras: Record<string, string> }>('data/tsb-api/extras.json').extras;

test('JSON names follow from the Go names of the generated code (protobuf JSON naming)', () => {
  assert.equal(jsonNameOfGo('DefaultWorkloadCert_TTL'), 'defaultWorkloadCertTTL');
  assert.equal(jsonNameOfGo('Consecutive_5Xx'), 'consecutive5xx');
  assert.equal(jsonNameOfGo('EnforcingConsecutive_5Xx'), 'enforcingConsecutive5xx');
  assert.equal(jsonNameOfGo('CNI'), 'CNI');
  assert.equal(jsonNameOfGo('HpaSpec'), 'hpaSpec');
  assert.equal(jsonNameOfGo('Http2MaxRequests'), 'http2MaxRequests');
});

test('the facts hold the exact JSON names the issue reports (not snake-case derived ones)', () => {
  const field = (msg: string, name: string) => facts.messages[msg]?.fields[name];
  assert.ok(field('install/controlplane/v1alpha1.Istio', 'defaultWorkloadCertTTL'));
  assert.ok(field('install/controlplane/v1alpha1.Istio', 'maxWorkloadCertTTL'));
  assert.ok(field('tsb/traffic/v2.UpstreamResilienceSettings_OutlierDetection', 'consecutive5xx'));
  assert.ok(field('tsb/traffic/v2.UpstreamResilienceSettings_OutlierDetection', 'enforcingConsecutive5xx'));
  assert.ok(field('install/kubernetes.KubernetesIstioComponentSpec', 'CNI'));
  assert.equal(field('install/kubernetes.KubernetesIstioComponentSpec', 'cni'), undefined);
});

test('every catalog mapping names a message of the facts', () => {
  for (const [id, key] of Object.entries(SPEC_MESSAGES)) {
    assert.ok(
      catalog.some((e) => e.id === id),
      `SPEC_MESSAGES names catalog id ${id}, which does not exist`,
    );
    assert.ok(facts.messages[key], `${id}: no message ${key} in the facts`);
  }
});

test('every field of the API facts is accepted by our schemas with its type and enum values', () => {
  const { missing } = compare(facts, catalog);
  assert.deepEqual(
    missing.map((m) => `${m.at}: ${m.message}`),
    [],
  );
});

test('every field of ours that the facts lack is listed and justified in data/tsb-api/extras.json', () => {
  const { extras: ours } = compare(facts, catalog);
  const justified = (key: string) => extras[key] ?? extras[`*.${key.slice(key.lastIndexOf('.') + 1)}`];
  const unjustified = [...ours].filter(([key]) => !justified(key)).map(([key, at]) => `${key} (${at})`);
  assert.deepEqual(
    unjustified,
    [],
    'add these to data/tsb-api/extras.json with a reason, or remove them from the schemas',
  );
  const stale = Object.keys(extras).filter((k) => !k.startsWith('*.') && !ours.has(k));
  assert.deepEqual(stale, [], 'justifications for fields that are no longer extras');
  for (const [k, why] of Object.entries(extras)) assert.ok(why.length > 20, `${k}: a justification says why`);
});

test('versions.json names messages and fields the facts have, and known versions', () => {
  assert.deepEqual(checkVersions(facts, versions), []);
});

test('schemas/src/apiFacts.gen.ts is what the derivation gives for the committed facts', () => {
  const committed = fs.readFileSync(path.join(root, 'schemas/src/apiFacts.gen.ts'), 'utf8');
  assert.equal(
    committed,
    deriveSource(facts, versions),
    'schemas/src/apiFacts.gen.ts is stale: run npm run derive-schemas',
  );
});

test('a spec using every top-level field of the facts, with values of the facts types, validates', () => {
  // A value of each scalar type; messages as {} (their own fields are checked structurally above).
  const sample = (t: string): unknown =>
    (
      ({
        string: 'x',
        enum: undefined,
        bool: true,
        int32: 1,
        uint32: 1,
        int64: 1,
        uint64: 1,
        double: 1.5,
        duration: '10s',
        timestamp: '2026-01-01T00:00:00Z',
        struct: { a: 1 },
        value: 'v',
        any: {},
        intOrString: 8080,
        message: {},
      }) as Record<string, unknown>
    )[t];
  const ajv = createAjv();
  for (const [id, key] of Object.entries(SPEC_MESSAGES)) {
    const entry = catalog.find((e) => e.id === id)!;
    const spec: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(facts.messages[key]!.fields)) {
      if (
        f.oneof &&
        Object.values(spec).length &&
        Object.entries(facts.messages[key]!.fields).some(([n, g]) => n in spec && g.oneof === f.oneof)
      )
        continue;
      const v = f.type === 'enum' ? f.values?.[f.values.length - 1] : sample(f.type);
      if (v === undefined) continue;
      spec[name] = f.list ? [v] : f.map ? { k: f.type === 'message' ? {} : v } : v;
    }
    const validate = ajv.compile(entry.schema);
    const doc = {
      apiVersion: entry.apiVersions[0],
      kind: entry.kind,
      metadata: { name: 'n', organization: 'o', tenant: 't', workspace: 'w', group: 'g', namespace: 'ns' },
      spec,
    };
    validate(doc);
    // Only type/enum errors on the fields themselves count: a `{}` message may miss its own required fields.
    const wrong = (validate.errors ?? []).filter(
      (e) => (e.keyword === 'type' || e.keyword === 'enum') && /^\/spec\/[^/]+(\/0|\/k)?$/.test(e.instancePath),
    );
    assert.deepEqual(
      wrong.map((e) => `${id} ${e.instancePath} ${e.message}`),
      [],
      `${id}: a fact-typed value is rejected`,
    );
  }
});
