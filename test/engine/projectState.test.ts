// A project owns what it caches (parsed trees, facts, derive indexes, name indexes): two projects in one
// process (two workspace folders, a test next to a server) share no cached state, and a dropped project
// takes its caches with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, WS } from '../helpers/engine';
import { collector } from '../helpers/gc';

const tenant = (name: string) =>
  `apiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\nmetadata:\n  organization: tetrate\n  name: ${name}\n`;
/** Enough tenants that the did-you-mean search uses a name index (the project keeps those across derives). */
const tenants = (prefix: string, near: string) =>
  [...Array.from({ length: 20 }, (_, i) => tenant(`${prefix}-${i}`)), tenant(near)].join('---\n');

const ws = (i: number) =>
  [
    'apiVersion: tsb.tetrate.io/v2',
    'kind: Workspace',
    'metadata:',
    `  name: ws-${i}`,
    '  annotations:',
    '    tsb.tetrate.io/organization: tetrate',
    '    tsb.tetrate.io/tenant: tetrate',
    'spec:',
    '  namespaceSelector:',
    '    names:',
    `      - "*/ns-${i}"`,
  ].join('\n');
const manyDocs = (n: number) => Array.from({ length: n }, (_, i) => ws(i)).join('\n---\n') + '\n';

test('two projects analysing the same text with different settings and parents keep their own results', () => {
  const a = project(
    { 'tenants.yaml': tenants('alpha', 'tetrat'), 'ws.yaml': WS },
    { ruleSeverities: { 'parent-not-found': 'error' } },
  );
  const before = a.diags('ws.yaml', 'parent-not-found');
  assert.equal(before.length, 1);
  assert.equal(before[0]!.severity, 'error');
  assert.deepEqual(before[0]!.data, { fix: 'replace-value', to: 'tetrat' });

  const b = project({ 'tenants.yaml': tenants('beta', 'tetrata'), 'ws.yaml': WS });
  const other = b.diags('ws.yaml', 'parent-not-found');
  assert.equal(other.length, 1);
  assert.equal(other[0]!.severity, 'warning');
  assert.deepEqual(other[0]!.data, { fix: 'replace-value', to: 'tetrata' });

  // A's results, read again and derived again after B analysed the same document text.
  assert.deepEqual(a.diags('ws.yaml', 'parent-not-found'), before);
  a.set('tenants.yaml', tenants('alpha', 'tetrat') + '---\n' + tenant('gamma'));
  assert.deepEqual(a.diags('ws.yaml', 'parent-not-found'), before);
  assert.deepEqual(b.diags('ws.yaml', 'parent-not-found'), other);
});

test("one project's use of many documents does not release another project's parsed documents", () => {
  const a = project({ 'f.yaml': manyDocs(3) });
  const mine = a.p.analysis(a.uri('f.yaml'))!.chunks[1]!.result;
  void mine.parsed;
  assert.ok(mine.isParsed);
  const b = project({ 'g.yaml': manyDocs(100) });
  for (const c of b.p.analysis(b.uri('g.yaml'))!.chunks) void c.result.parsed;
  assert.ok(mine.isParsed, "A's document in use stays parsed whatever B parses");
  const theirs = b.p.analysis(b.uri('g.yaml'))!.chunks;
  assert.ok(!theirs[0]!.result.isParsed && theirs[99]!.result.isParsed, 'B keeps its own most recently used documents');
});

test('a dropped project leaves nothing of itself cached: its documents, trees and derive results are collected', async () => {
  const gc = collector();
  const refs = (() => {
    const t = project({ 'tenants.yaml': tenants('alpha', 'tetrat'), 'ws.yaml': WS, 'f.yaml': manyDocs(5) });
    t.diags('ws.yaml');
    t.model();
    const doc = t.p.analysis(t.uri('f.yaml'))!.chunks[2]!.result;
    void doc.parsed; // parsed again after release: kept among the project's warm trees
    return { project: new WeakRef(t.p), document: new WeakRef(doc), resolved: new WeakRef(t.p.resolved()) };
  })();
  // WeakRefs hold their target until the current job ends: collect after a turn of the event loop, a few times at most.
  for (let i = 0; i < 5 && (refs.project.deref() || refs.document.deref() || refs.resolved.deref()); i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    gc();
  }
  assert.equal(refs.project.deref(), undefined, 'the project is collected');
  assert.equal(refs.document.deref(), undefined, 'a document parsed again is not held by anything outside its project');
  assert.equal(refs.resolved.deref(), undefined, 'the resolved project and its indexes are collected');
});
