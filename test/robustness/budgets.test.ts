// Budgets the engine enforces: hostile scale is measured in work (nodes produced, documents,
// keys, problems) and each budget reached gives one clear diagnostic while the rest is analysed
// normally; one file's failure, or one cross-file step's, never reaches the others. No test here
// measures time: the bounds are counts, and the figures are in docs/robustness.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../server/src/engine/l10n/translate';
import { parseDocument } from 'yaml';
import { BUDGETS } from '../../server/src/engine/budgets';
import { measure } from '../../server/src/engine/parse/parsedChunk';
import { emptyFacts, type FileFacts } from '../../server/src/engine/workspace/facts';
import { canonical } from '../../server/src/engine/workspace/canonical';
import type { Deployment } from '../../server/src/engine/deployment';
import { resolveProject } from '../../server/src/engine/workspace/resolved';
import type { ChunkData } from '../../server/src/engine/chunkResult';
import { newProject, rangeViolations } from './support';

const URI = 'file:///budgets/doc.yaml';
const WS =
  'apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: ws\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\n';

function lint(text: string, uri = URI) {
  const p = newProject();
  p.update(uri, text, 1);
  const ds = p.diagnostics(uri);
  assert.deepEqual(rangeViolations(text, ds), []);
  return ds;
}

test('a wide alias leaf is an alias bomb: expansion is counted in nodes produced, not in aliases', () => {
  // 999 aliases (under yaml's 1,000-alias limit) of one 2,000-item list: 2 million nodes once expanded.
  const list = `[${Array(2000).fill('0').join(', ')}]`;
  const text = `${WS}spec:\n  namespaceSelector:\n    names: ["*/x"]\n  a: &a ${list}\n  b: [${Array(999).fill('*a').join(', ')}]\n`;
  const size = measure(parseDocument(text).contents);
  assert.ok(size.aliasNodes > BUDGETS.aliasNodesPerDocument, `${size.aliasNodes} nodes produced by aliases`);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['yaml-syntax'],
  );
  assert.match(ds[0]!.message, /aliases expand to more than 100,000 YAML nodes \(an alias bomb\?\)/);
});

test('nodes produced are counted through nested aliases and merge keys, and stay finite for billion laughs', () => {
  const doc = (t: string) => measure(parseDocument(t, { merge: true }).contents);
  assert.deepEqual(doc('a: &x [1, 2, 3]\nb: *x\nc: *x\n'), { nodes: 8, aliasNodes: 8 });
  assert.deepEqual(doc('base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  z: 3\n'), { nodes: 12, aliasNodes: 5 });
  let laughs = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 30; i++)
    laughs += `a${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  const big = doc(laughs);
  assert.ok(Number.isFinite(big.aliasNodes) && big.aliasNodes > BUDGETS.aliasNodesPerDocument);
});

test('an alias to an anchor of another document is reported as such, not as an alias bomb', () => {
  const ds = lint(`a: &x tetrate\n---\n${WS}spec:\n  displayName: *x\n`);
  assert.deepEqual(
    ds.map((d) => [d.rule, d.range.start.line]),
    [['yaml-syntax', 10]],
  );
  assert.match(ds[0]!.message, /\*x refers to no anchor &x above it in this document/);
  assert.doesNotMatch(ds[0]!.message, /alias bomb/);
});

test('YAML merge keys are merged as kubectl and Go YAML do (<<: *anchor, then more keys)', () => {
  const gateway =
    'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: eastwest-gateway\n  namespace: eastwest\nspec:\n  eastWestOnly: true\n';
  const setting =
    'apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  workspace: ws\n  name: s\nspec:\n  defaultEastWestGatewaySettings:\n' +
    '    - &gw\n      workloadSelector:\n        namespace: eastwest\n        labels: {app: eastwest-gateway}\n' +
    '    - <<: *gw\n      exposedServices:\n        - serviceLabels: {app: details}\n';
  const p = newProject();
  p.update('file:///m/gw.yaml', gateway, 1);
  p.update('file:///m/setting.yaml', setting, 1);
  // No false `missing-field workloadSelector`, and the merged selector is the one checked against gateways.
  assert.deepEqual(
    p.diagnostics('file:///m/setting.yaml').map((d) => `${d.rule}: ${d.message}`),
    [],
  );
  const facts = p.facts('file:///m/setting.yaml')!;
  assert.deepEqual(
    facts.workspaceSettings[0]!.eastWest.map((e) => [e.namespace, e.labels]),
    [
      ['eastwest', { app: 'eastwest-gateway' }],
      ['eastwest', { app: 'eastwest-gateway' }],
    ],
  );
});

test('a spec that holds itself through an alias is analysed; its digest is finite (no "circular structure")', () => {
  const other = 'file:///budgets/other.yaml';
  const p = newProject();
  p.update(URI, `${WS}spec: &s\n  namespaceSelector:\n    names: ["*/x"]\n  displayName: ok\n  extra: [*s]\n`, 1);
  p.update(other, WS.replace('name: ws', 'name: ws2') + 'spec:\n  namespaceSelector:\n    names: ["*/y"]\n', 1);
  assert.deepEqual(
    p.diagnostics(URI).map((d) => d.rule),
    ['unknown-field'],
  );
  assert.deepEqual(p.diagnostics(other), []);
  assert.equal(p.failoverModel().workspaces.length, 2);
});

test('the spec digest is linear in distinct values: a value repeated by aliases is digested once', () => {
  const leaf = Array.from({ length: 100_000 }, (_, i) => i);
  const shared = Array(1000).fill(leaf); // 100 million items as JSON
  const d = canonical({ a: shared });
  assert.ok(d.length < 100, d);
  assert.notEqual(canonical({ a: shared }), canonical({ a: [...shared.slice(1), [1]] }));
  assert.equal(canonical({ b: 1, a: [1, 2] }), canonical({ a: [1, 2], b: 1 }));
});

test('documents per file: past the budget one notice, the documents before it are analysed', () => {
  // Empty documents (one `---` line each) after a first one that holds an error.
  const text =
    `${WS}spec:\n  namespaceSelector:\n    names: ["*/x"]\n  bogus: 1\n` + '---\n'.repeat(BUDGETS.documentsPerFile + 5);
  const p = newProject();
  p.update(URI, text, 1);
  const ds = p.diagnostics(URI);
  assert.deepEqual(
    ds.map((d) => [d.rule, d.severity, d.range.start.line]),
    [
      ['unknown-field', 'error', 10],
      ['file-skipped', 'warning', 11 + BUDGETS.documentsPerFile - 1],
    ],
  );
  assert.match(ds[1]!.message, /more than 250,000 YAML documents; this one and the rest are not checked/);
  assert.equal(p.analysis(URI)!.chunks.length, BUDGETS.documentsPerFile);
});

test('nodes per file: documents past 4 million nodes (aliases expanded) are not checked, with one notice', () => {
  // Each document: a 1,000-item anchor and 99 aliases of it, about 100,000 nodes once expanded.
  const one = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  a: &a [${Array(1000).fill('0').join(',')}]\n  b: [${Array(99).fill('*a').join(',')}]\n`;
  const text = Array(45).fill(one).join('---\n');
  const p = newProject();
  p.update(URI, text, 1);
  const ds = p.diagnostics(URI);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['file-skipped'],
  );
  assert.match(ds[0]!.message, /hold more than 4,000,000 YAML nodes/);
  const analysed = p.analysis(URI)!.chunks.length;
  assert.ok(analysed >= 39 && analysed <= 41, `${analysed} documents analysed`);
});

test('keys per mapping: tens of thousands of unknown keys cost a budget, the problems are capped with one count', () => {
  const keys = 12_000;
  const text = `${WS}spec:\n  namespaceSelector:\n    names: ["*/x"]\n${Array.from({ length: keys }, (_, i) => `  bogus${i}: 1\n`).join('')}`;
  const ds = lint(text);
  // The budget's notice is listed, then at most the per-file budget of problems and one summary that
  // keeps the error severity of what it hides.
  const notices = ds.filter((d) => d.rule === 'file-skipped');
  assert.deepEqual(
    notices.map((d) => d.message),
    ['This mapping has 12,001 keys; only the first 10,000 are checked (a limit that keeps time and memory bounded).'],
  );
  const rest = ds.filter((d) => d.rule !== 'file-skipped');
  assert.equal(rest.length, BUDGETS.diagnosticsPerFile + 1);
  const summary = rest[rest.length - 1]!;
  assert.match(summary.message, /more problems in this (file|document) are not listed/);
  assert.equal(summary.severity, 'error');
});

test('diagnostics per file: a thousand are listed, one more counts the rest with their worst severity', () => {
  const doc = (i: number) =>
    `${WS.replace('name: ws', `name: ws${i}`)}spec:\n  namespaceSelector:\n    names: ["*/x${i}"]\n  bogus: 1\n`;
  const text = Array.from({ length: 1200 }, (_, i) => doc(i)).join('---\n');
  const ds = lint(text);
  assert.equal(ds.length, BUDGETS.diagnosticsPerFile + 1);
  assert.ok(ds.slice(0, -1).every((d) => d.rule === 'unknown-field'));
  const last = ds[ds.length - 1]!;
  assert.deepEqual([last.rule, last.severity], ['unknown-field', 'error']);
  assert.match(last.message, /^200 more problems in this file are not listed \(all unknown-field\)/);
});

test('placements in tsb.config.yaml: past the budget one config-invalid notice, the first ones apply', () => {
  const n = BUDGETS.placements + 50;
  const cfg =
    'placements:\n' + Array.from({ length: n }, (_, i) => `  - files: "d${i}/**"\n    clusters: [c${i}]\n`).join('');
  const p = newProject();
  const c = p.setConfig('file:///cfg', cfg);
  assert.equal(c.placements.length, BUDGETS.placements);
  const ds = c.problems.filter((x) => x.rule === 'config-invalid');
  assert.equal(ds.length, 1);
  assert.match(render(ds[0]!.message), /has 1,050 entries; only the first 1,000 are used/);
});

test('more than 120,000 objects of one kind cross the cross-file step (no argument spread)', () => {
  const n = 200_000;
  const source = { uri: 'file:///x.yaml', line: 0, character: 0, endLine: 0, endCharacter: 1 };
  const facts: FileFacts = {
    ...emptyFacts('file:///x.yaml'),
    namespaces: Array.from({ length: n }, (_, i) => ({ name: `ns${i}`, labels: {}, source })),
  };
  const deployment: Deployment = {
    units: [],
    notes: [],
    unplaced: [],
    configured: true,
    alternativeGroups: [],
    deploymentOf: () => ({ clusters: ['c1'], placed: true, units: [] }),
    relation: () => 'together',
    unitNames: () => [],
  };
  const r = resolveProject([facts], deployment);
  assert.equal(r.namespaces.length, n);
});

test('a cross-file step that fails loses only its own results: one internal-error, every file still diagnosed', () => {
  const p = newProject();
  const a = 'file:///iso/a.yaml';
  const b = 'file:///iso/b.yaml';
  const c = 'file:///iso/c.yaml';
  p.update(a, `${WS}spec:\n  namespaceSelector:\n    names: ["*/x"]\n  bogus: 1\n`, 1);
  p.update(c, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: y\n', 1);
  // A document whose facts (as a worker thread could send them) break a rule: labels that are not a map.
  const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n';
  const source = { uri: b, line: 0, character: 0, endLine: 0, endCharacter: 1 };
  const data: ChunkData = {
    text,
    problems: [],
    analyses: [{ identity: { group: '', family: 'kubernetes', kind: 'Namespace', apiVersion: 'v1' }, problems: [] }],
    symbols: [],
    nodes: 8,
    facts: { ...emptyFacts(b), namespaces: [{ name: 'x', labels: null as unknown as Record<string, string>, source }] },
  };
  const gen = p.prepare(b, text, 1, {}, p.adopt(b, [data]));
  let r = gen.next();
  while (!r.done) r = gen.next();
  p.commit(r.value);
  const all = [a, b, c].map((u) => p.diagnostics(u).map((d) => d.rule));
  assert.deepEqual(all[0], ['internal-error', 'unknown-field']);
  assert.match(p.diagnostics(a)[0]!.message, /cross-file checks of this project failed unexpectedly/);
  assert.deepEqual(all.slice(1), [[], []]);
  assert.ok(p.failoverModel());
});

test('ServiceRoute subset messages name at most ten versions (output linear in the input)', () => {
  const svc =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: ns\nspec:\n  selector:\n    app: reviews\n';
  const deploy = (v: number) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews-v${v}\n  namespace: ns\nspec:\n  template:\n    metadata:\n      labels:\n        app: reviews\n        version: v${v}\n`;
  const route = `apiVersion: traffic.tsb.tetrate.io/v2\nkind: ServiceRoute\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\n  name: r\nspec:\n  service: ns/reviews.ns.svc.cluster.local\n  subsets:\n${Array.from({ length: 40 }, (_, i) => `    - name: s${i}\n      labels:\n        version: nope${i}\n`).join('')}`;
  const p = newProject();
  p.update('file:///r/k8s.yaml', [svc, ...Array.from({ length: 60 }, (_, i) => deploy(i))].join('---\n'), 1);
  p.update('file:///r/route.yaml', route, 1);
  const ds = p.diagnostics('file:///r/route.yaml').filter((d) => d.rule === 'subset-not-found');
  assert.equal(ds.length, 40);
  for (const d of ds) {
    assert.match(d.message, /\(versions present: v0, v1, v2, v3, v4, v5, v6, v7, v8, v9 and 50 more\)\.$/);
    assert.ok(d.message.length < 200, d.message);
  }
});
