// The schema catalog: compiles under ajv strict mode, matches the committed files, accepts minimal
// documents and real-world YAML, and rejects documented mistakes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import type { ValidateFunction } from 'ajv';
import { catalog, type SchemaEntry } from '../../schemas/src/index';
import { renderFiles } from '../../schemas/src/render';
import { createAjv } from '../../server/src/engine/schema/ajv';
import { needShared } from '../helpers/shared';

// Compiled to test/out/assets/; fall back to the working directory (tests run from the repo root).
const candidate = path.resolve(__dirname, '../../..');
const root = fs.existsSync(path.join(candidate, 'schemas', 'src', 'types.ts')) ? candidate : process.cwd();

const ajv = createAjv();
const validators = new Map<string, ValidateFunction>();
function validatorFor(e: SchemaEntry): ValidateFunction {
  let v = validators.get(e.id);
  if (!v) {
    v = ajv.compile(e.schema);
    validators.set(e.id, v);
  }
  return v;
}
function entryFor(apiVersion: unknown, kind: unknown): SchemaEntry | undefined {
  return catalog.find((e) => e.kind === kind && e.apiVersions.includes(String(apiVersion)));
}
function byId(id: string): SchemaEntry {
  const e = catalog.find((x) => x.id === id);
  assert.ok(e, `no catalog entry ${id}`);
  return e;
}
function check(id: string, doc: unknown): { ok: boolean; errors: string } {
  const v = validatorFor(byId(id));
  const ok = v(doc) as boolean;
  return { ok, errors: ajv.errorsText(v.errors, { separator: '\n' }) };
}

test('every catalog schema compiles under createAjv() strict mode', () => {
  for (const e of catalog) assert.doesNotThrow(() => validatorFor(e), `schema ${e.id}`);
});

test('committed schemas/*.schema.json and catalog.json equal the generated ones', () => {
  const dir = path.join(root, 'schemas');
  const files = renderFiles();
  for (const [name, content] of files) {
    const file = path.join(dir, name);
    assert.ok(fs.existsSync(file), `schemas/${name} is missing: run npm run schemas`);
    assert.equal(fs.readFileSync(file, 'utf8'), content, `schemas/${name} is stale: run npm run schemas`);
  }
  const stale = fs.readdirSync(dir).filter((n) => n.endsWith('.schema.json') && !files.has(n));
  assert.deepEqual(stale, [], 'stale schema files: run npm run schemas');
});

test('ids and (apiVersion, kind) pairs are unique; entries are well-formed', () => {
  const ids = new Set<string>();
  const pairs = new Set<string>();
  for (const e of catalog) {
    assert.match(e.id, /^[a-z0-9-]+$/, e.id);
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
    for (const v of e.apiVersions) {
      const key = `${v} ${e.kind}`;
      assert.ok(!pairs.has(key), `duplicate pair ${key}`);
      pairs.add(key);
    }
    const s = e.schema as Record<string, unknown>;
    assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(s.$id, `https://tsb-authoring.github.io/schemas/${e.id}.schema.json`);
    assert.ok(typeof s.title === 'string' && typeof s.description === 'string', e.id);
  }
});

test('schemas stand alone, use no format keyword and describe every property', () => {
  for (const e of catalog) {
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) {
        node.forEach((n, i) => {
          walk(n, `${at}/${i}`);
        });
        return;
      }
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.$ref === 'string') assert.match(o.$ref, /^#\/definitions\/[A-Za-z0-9]+$/, `${e.id} ${at}`);
      assert.ok(!('format' in o && typeof o.format === 'string'), `${e.id} ${at}: format keyword`);
      if (o.properties && typeof o.properties === 'object') {
        for (const [k, p] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
          assert.equal(typeof p.description, 'string', `${e.id} ${at}/properties/${k} has no description`);
        }
      }
      // `not`/`oneOf` only carry presence checks for oneofs (empty property schemas, see dsl.ts).
      const skip = new Set(['defaultSnippets', 'enum', 'const', 'not', 'oneOf']);
      for (const [k, v] of Object.entries(o)) if (!skip.has(k)) walk(v, `${at}/${k}`);
    };
    walk(e.schema, '#');
  }
});

// ---- minimal valid documents, and documented mistakes -------------------------------------------

const tctl = (parents: string[]) => {
  const all: Record<string, string> = { organization: 'tetrate', tenant: 't1', workspace: 'ws1', group: 'g1' };
  return Object.fromEntries([['name', 'n1'], ...parents.map((p) => [p, all[p]])]);
};
const WS = { namespace: 'bookinfo', labels: { app: 'gw' } };
const NS = { names: ['*/bookinfo'] };
const MINIMAL_SPEC: Record<string, unknown> = {
  workspace: { namespaceSelector: NS },
  'gateway-group': { namespaceSelector: NS },
  'traffic-group': { namespaceSelector: NS },
  'security-group': { namespaceSelector: NS },
  'istiointernal-group': { namespaceSelector: NS },
  'gateway-ingress-gateway': { workloadSelector: WS },
  'gateway-tier1-gateway': { workloadSelector: WS },
  'gateway-egress-gateway': { workloadSelector: WS },
  'gateway-gateway': { workloadSelector: WS },
  'service-route': { service: 'bookinfo/reviews.bookinfo.svc.cluster.local' },
  'service-traffic-setting': { service: 'bookinfo/reviews.bookinfo.svc.cluster.local', settings: {} },
  'service-security-setting': { service: 'bookinfo/reviews.bookinfo.svc.cluster.local' },
  'install-control-plane': {
    hub: 'docker.io/tetrate',
    managementPlane: { host: 'tsb.example.com', port: 443, clusterName: 'c1' },
    telemetryStore: { elastic: { host: 'tsb.example.com', port: 443 } },
  },
  'rbac-access-bindings': { allow: [{ role: 'rbac/admin', subjects: [{ user: 'organizations/o/users/u' }] }] },
  'extension-wasm-extension': { url: 'oci://registry.example.com/ext:1' },
  application: { workspace: 'organizations/o/tenants/t/workspaces/w' },
  'application-api': { openapi: 'openapi: 3.0.0' },
};

function minimal(e: SchemaEntry, spec?: unknown): Record<string, unknown> {
  const doc: Record<string, unknown> = { apiVersion: e.apiVersions[0], kind: e.kind };
  if (e.dialect === 'onboarding' && e.id !== 'onboarding-policy') return doc;
  doc.metadata = e.dialect === 'tsb' ? tctl(e.parents) : { name: 'n1', namespace: 'ns1' };
  // The older per-type access binding kinds take the same spec as AccessBindings.
  const s = spec ?? MINIMAL_SPEC[/^rbac-.+-access-bindings$/.test(e.id) ? 'rbac-access-bindings' : e.id];
  if (s !== undefined) doc.spec = s;
  return doc;
}

test('a minimal document of every kind validates, in every apiVersion of its entry', () => {
  for (const e of catalog) {
    for (const apiVersion of e.apiVersions) {
      const doc = { ...minimal(e), apiVersion };
      const r = check(e.id, doc);
      assert.ok(r.ok, `${e.id} (${apiVersion}): ${r.errors}`);
    }
  }
  // GitOps form: Kubernetes metadata with parent annotations.
  const gitops = {
    apiVersion: 'tsb.tetrate.io/v2',
    kind: 'Workspace',
    metadata: {
      name: 'ws',
      namespace: 'bookinfo',
      annotations: { 'tsb.tetrate.io/organization': 'o', 'tsb.tetrate.io/tenant': 't' },
    },
    spec: { namespaceSelector: NS },
  };
  assert.ok(check('workspace', gitops).ok);
  // hostsReachability.hostnames: StringMatch objects (newer API) and plain strings (older API).
  const wss = byId('workspace-setting');
  const hosts = (hostnames: unknown[]) => minimal(wss, { hostsReachability: { hostnames } });
  assert.ok(check('workspace-setting', hosts(['echo-1.tetrate.io', { exact: 'a.example.com' }, { prefix: 'b.' }])).ok);
  assert.ok(check('workspace-setting', hosts([])).ok);
});

function assertInvalid(id: string, spec: unknown, why: string, messageIncludes?: string): void {
  const e = byId(id);
  const v = validatorFor(e);
  assert.equal(v(minimal(e, spec)), false, `${id} should reject: ${why}`);
  if (messageIncludes) {
    const messages = (v.errors ?? []).map((err) =>
      String(
        (err.parentSchema as Record<string, unknown> | undefined)?.errorMessage ??
          (err.parentSchema as Record<string, unknown> | undefined)?.patternErrorMessage ??
          err.message,
      ),
    );
    assert.ok(
      messages.some((m) => m.includes(messageIncludes)),
      `${id}: expected a message with "${messageIncludes}", got ${messages.join(' | ')}`,
    );
  }
}

test('documented mistakes are rejected', () => {
  assertInvalid(
    'workspace',
    { namespaceSelector: { names: ['bookinfo'] } },
    'namespaceSelector name without /',
    '<cluster>/<namespace>',
  );
  assertInvalid('workspace', { namespaceSelector: { names: ['c1/*ns'] } }, 'wildcard inside the namespace part');
  assertInvalid('workspace', { namespaceSelector: { names: [] } }, 'empty names');
  assertInvalid('workspace', {}, 'missing namespaceSelector');
  assertInvalid('gateway-group', { namespaceSelector: NS, configMode: 'BRIDGE' }, 'bad enum');
  assertInvalid('traffic-group', { namespaceSelectors: [{ name: '*/ns1' }] }, 'old namespaceSelectors shape');
  const http = (port: number, rule: Record<string, unknown>) => ({
    workloadSelector: WS,
    http: [{ name: 's1', hostname: 'a.example.com', port, routing: { rules: [rule] } }],
  });
  const route = { route: { host: 'bookinfo/productpage.bookinfo.svc.cluster.local', port: 9080 } };
  assert.ok(check('gateway-ingress-gateway', minimal(byId('gateway-ingress-gateway'), http(443, route))).ok);
  assertInvalid('gateway-ingress-gateway', http(15443, route), 'server port 15443', '15443');
  assertInvalid(
    'gateway-ingress-gateway',
    http(443, { ...route, redirect: { uri: '/x' } }),
    'route and redirect together (oneof)',
    'exactly one of route, redirect and directResponse',
  );
  assertInvalid('gateway-ingress-gateway', http(443, {}), 'rule without route/redirect/directResponse', 'exactly one');
  assertInvalid(
    'gateway-ingress-gateway',
    http(443, { route: { host: 'productpage' } }),
    'route host without namespace',
    '<namespace>/<fqdn>',
  );
  assertInvalid(
    'gateway-ingress-gateway',
    { workloadSelector: { namespace: 'ns1' } },
    'missing workloadSelector.labels',
  );
  assertInvalid(
    'gateway-ingress-gateway',
    { workloadSelector: { namespace: 'ns1', labels: {} } },
    'empty workloadSelector.labels',
  );
  assertInvalid(
    'gateway-gateway',
    { workloadSelector: WS, tls: [{ name: 't', hostname: 'h', port: 15443, route: { clusterDestination: {} } }] },
    'unified tls port 15443',
    '15443',
  );
  assertInvalid(
    'gateway-gateway',
    {
      workloadSelector: WS,
      tcp: [{ name: 't', hostname: 'h', route: { clusterDestination: {}, serviceDestination: { host: 'a/b' } } }],
    },
    'clusterDestination and serviceDestination (oneof)',
    'Set only one of clusterDestination and serviceDestination',
  );
  assertInvalid('install-ingress-gateway', { eastWestOnly: 'true' }, 'eastWestOnly as a string');
  assertInvalid('install-ingress-gateway', { connectionDrainDuration: '10 seconds' }, 'bad duration', 'duration');
  assertInvalid('install-ingress-gateway', { connectionDrainDuration: 10 }, 'duration as a number');
  assertInvalid(
    'workspace-setting',
    { defaultEastWestGatewaySettings: [{ workloadSelector: { namespace: 'eastwest' } }] },
    'missing workloadSelector.labels',
  );
  assertInvalid(
    'workspace-setting',
    { defaultEastWestGatewaySettings: [{ exposedServices: [{ serviceLabels: { app: 'x' } }] }] },
    'missing workloadSelector',
  );
  assertInvalid(
    'workspace-setting',
    { defaultEastWestGatewaySettings: [{ workloadSelector: WS, exposedServices: [{ serviceLabels: {} }] }] },
    'empty serviceLabels',
  );
  assertInvalid(
    'workspace-setting',
    { hostsReachability: { hostnames: [{ exact: 'a', prefix: 'b' }] } },
    'StringMatch oneof',
    'Set only one of exact, prefix and regex',
  );
  assertInvalid('workspace-setting', { workloadSelector: WS }, 'east-west settings mis-indented under spec');
  assertInvalid('service-route', { service: 'reviews' }, 'service without namespace', '<namespace>/<fqdn>');
  assertInvalid(
    'service-route',
    { service: 'a/b', portLevelSettings: [{ port: 9080, trafficType: 'GRPC' }] },
    'bad trafficType',
  );
  assertInvalid(
    'service-route',
    { service: 'a/b', portLevelSettings: [{ port: 70000, trafficType: 'HTTP' }] },
    'port out of range',
  );
  assertInvalid('traffic-setting', { outbound: { egress: {} } }, 'egress without host');
  assertInvalid('security-setting', { authorization: { mode: 'ALLOW' } }, 'bad authorization mode');
  assertInvalid(
    'install-control-plane',
    { hub: 'h', managementPlane: { host: 'h', port: 443 }, telemetryStore: {} },
    'missing managementPlane.clusterName',
  );
  assertInvalid(
    'install-control-plane',
    {
      hub: 'h',
      managementPlane: { host: 'h', port: 443, clusterName: 'c' },
      telemetryStore: { elastic: { host: 'e', port: 1 }, banyandb: { host: 'b', port: 1 } },
    },
    'elastic and banyandb (oneof)',
    'Set only one of elastic and banyandb',
  );
  // Envelope: unknown root keys, wrong apiVersion, missing metadata name.
  const ws = byId('workspace');
  assert.equal(validatorFor(ws)({ ...minimal(ws), Spec: {} }), false);
  assert.equal(validatorFor(ws)({ ...minimal(ws), apiVersion: 'api.tsb.tetrate.io/v1' }), false);
  assert.equal(validatorFor(ws)({ ...minimal(ws), metadata: { organization: 'o', tenant: 't' } }), false);
});

// ---- real-world corpus -------------------------------------------------------------------------

const ROOT_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'];

/** Documents that are real mistakes (file relative to corpus/real-world, kind/name) with the reason. */
const EXEMPT: Record<string, string> = {
  'smarunich__monorepo/samples__securityContext__ingressGateway.yaml IngressGateway/bookinfo-gw':
    'kubeSpec.deployment.pod_annotations: proto field name instead of the YAML name podAnnotations (a key-case mistake the engine reports)',
};

test('every TSB document of the real-world corpus validates (minus listed mistakes)', (t) => {
  const corpus = needShared(t, 'corpus/real-world');
  if (!corpus) return;
  const failures: string[] = [];
  const used = new Set<string>();
  let validated = 0;
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) {
        if (name !== 'templated') walk(file);
        continue;
      }
      if (!/\.ya?ml$/.test(name)) continue;
      const rel = path.relative(corpus, file).split(path.sep).join('/');
      for (const d of YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        const value = d.toJS() as Record<string, unknown> | null;
        if (!value || typeof value !== 'object') continue;
        const items =
          value.kind === 'List' && Array.isArray(value.items) ? (value.items as Record<string, unknown>[]) : [value];
        for (const raw of items) {
          if (!raw || typeof raw !== 'object') continue;
          // Root keys in the wrong case (`apiversion`, `Metadata`) are real mistakes that the engine
          // reports separately as key-case (tctl tolerates them): validate the rest of the document.
          const doc: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(raw)) {
            const canonical = ROOT_KEYS.find((r) => r.toLowerCase() === k.toLowerCase());
            doc[canonical && !(canonical in raw) ? canonical : k] = v;
          }
          const apiVersion = String(doc.apiVersion ?? '');
          if (!/^[^/]*\.tetrate\.io\//.test(apiVersion)) continue;
          const entry = entryFor(apiVersion, doc.kind);
          const name = (doc.metadata as Record<string, unknown> | undefined)?.name ?? '';
          const key = `${rel} ${String(doc.kind)}/${String(name)}`;
          if (!entry) {
            failures.push(`${key}: no catalog entry for ${apiVersion} ${String(doc.kind)}`);
            continue;
          }
          const v = validatorFor(entry);
          validated++;
          if (v(doc)) continue;
          if (EXEMPT[key]) {
            used.add(key);
            continue;
          }
          failures.push(`${key} (${entry.id}):\n  ${ajv.errorsText(v.errors, { separator: '\n  ' })}`);
        }
      }
    }
  };
  walk(corpus);
  assert.ok(validated > 100, `only ${validated} TSB documents found`);
  assert.deepEqual(failures, [], failures.join('\n'));
  assert.deepEqual(
    Object.keys(EXEMPT).filter((k) => !used.has(k)),
    [],
    'exemptions that no longer fail',
  );
});
