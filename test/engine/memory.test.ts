// Syntax trees are released once a document is analysed (they are most of the memory) and parsed again
// on demand: features that need them get an equivalent tree, the outline needs none, and only the most
// recently used documents stay parsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseFile, DEFAULT_MAX_FILE_SIZE } from '../../server/src/engine/fileAnalysis';
import { documentSymbols } from '../../server/src/engine/features/symbols';
import { hover } from '../../server/src/engine/features/hover';
import { project, registry } from '../helpers/engine';
import { collector } from '../helpers/gc';

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
    `  displayName: workspace ${i}`,
    '  namespaceSelector:',
    '    names:',
    `      - "*/ns-${i}"`,
  ].join('\n');
const file = (n: number) => Array.from({ length: n }, (_, i) => ws(i)).join('\n---\n') + '\n';

test('after an update no document keeps its syntax tree; asking for it parses it again', () => {
  const t = project({ 'f.yaml': file(3) });
  const a = t.p.analysis(t.uri('f.yaml'))!;
  assert.equal(a.chunks.length, 3);
  assert.ok(
    a.chunks.every((c) => !c.result.isParsed),
    'trees released',
  );
  const r = a.chunks[1]!.result;
  const res = r.parsed.resources[0]!;
  assert.ok(r.isParsed);
  assert.equal((res.value as { metadata: { name: string } }).metadata.name, 'ws-1');
  // Identities point into the new tree again (hover and the outline use the kind key's range).
  assert.equal(r.analyses[0]!.identity.kind, 'Workspace');
  assert.ok(r.analyses[0]!.identity.kindPair?.key, 'kind key found in the re-parsed tree');
  assert.equal(r.analyses[0]!.entry?.kind, 'Workspace');
});

test('outline and hover are the same whether the trees were released or not', () => {
  const text = file(4);
  const t = project({ 'f.yaml': text });
  const released = t.p.analysis(t.uri('f.yaml'))!;
  const kept = analyseFile(t.uri('f.yaml'), text, 0, registry(), { maxFileSize: DEFAULT_MAX_FILE_SIZE });
  assert.ok(kept.chunks.every((c) => c.result.isParsed));
  assert.deepEqual(documentSymbols(released), documentSymbols(kept));
  assert.ok(
    released.chunks.every((c) => !c.result.isParsed),
    'the outline needs no tree',
  );
  const at = { line: 13 + 9, character: 4 }; // namespaceSelector of the second document
  assert.deepEqual(hover(released, at, t.p), hover(kept, at, t.p));
  assert.match(JSON.stringify(hover(released, at, t.p)), /namespaceSelector/);
});

test('only the most recently used documents stay parsed', () => {
  const t = project({ 'f.yaml': file(100) });
  const chunks = t.p.analysis(t.uri('f.yaml'))!.chunks;
  for (const c of chunks) void c.result.parsed;
  const parsed = chunks.filter((c) => c.result.isParsed).length;
  assert.ok(parsed > 0 && parsed < 100, `${parsed} of 100 documents parsed`);
  assert.ok(chunks[99]!.result.isParsed, 'the last one used is parsed');
  assert.ok(!chunks[0]!.result.isParsed, 'the first one used was released');
});

test("an editor's file keeps each document's facts as analysed (no moved copy); a line added moves only the documents below", () => {
  const t = project({ 'f.yaml': file(6) });
  const uri = t.uri('f.yaml');
  const lines = (uriOf: string) => t.p.facts(uriOf)!.tsb.map((o) => o.nameRef.line);
  const a = t.p.analysis(uri)!;
  for (const c of a.chunks) assert.equal(c.result.factsAt(a.doc.positionAt(c.start).line), c.result.facts);
  const before = lines(uri);
  // A comment line added above the fourth document: the three above keep their results and facts.
  const edited = file(6).replace('  name: ws-3', '  # moved\n  name: ws-3');
  t.set('f.yaml', edited);
  const b = t.p.analysis(uri)!;
  for (let i = 0; i < 3; i++) {
    assert.equal(b.chunks[i]!.result, a.chunks[i]!.result);
    assert.equal(b.chunks[i]!.result.factsAt(b.doc.positionAt(b.chunks[i]!.start).line), a.chunks[i]!.result.facts);
  }
  assert.deepEqual(lines(uri), [...before.slice(0, 3), ...before.slice(3).map((l) => l + 1)]);
  assert.deepEqual(t.p.facts(uri), project({ 'f.yaml': edited }).p.facts(uri));
});

test("a one-document file's facts are its document's own (no copy), and kinds a file defines nothing of share one frozen empty list", () => {
  const svc = (n: string) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${n}\n  namespace: ns\nspec:\n  selector: {app: ${n}}\n`;
  const t = project({ 'a.yaml': svc('a'), 'b.yaml': svc('b'), 'two.yaml': `${svc('c')}---\n${svc('d')}` });
  const a = t.p.facts(t.uri('a.yaml'))!;
  const b = t.p.facts(t.uri('b.yaml'))!;
  const two = t.p.facts(t.uri('two.yaml'))!;
  assert.equal(a, t.p.analysis(t.uri('a.yaml'))!.chunks[0]!.result.facts);
  assert.deepEqual(
    two.services.map((s) => [s.name, s.source.line]),
    [
      ['c', 3],
      ['d', 11],
    ],
  );
  for (const empty of [a.tsb, a.workloads, a.namespaces, b.tsb, two.tsb, two.deploy]) {
    assert.equal(empty, a.tsb);
    assert.ok(Object.isFrozen(empty));
    assert.equal(empty.length, 0);
  }
  // Lists with items stay each file's own.
  assert.notEqual(a.services, b.services);
  assert.deepEqual(
    [a, b].map((f) => f.services[0]!.name),
    ['a', 'b'],
  );
});

test('a file edited many times keeps one copy of its text: documents kept across edits hold no old version of the whole file', () => {
  const gc = collector();
  // 1,000 documents, about 0.4 MB: each edit adds a line above another document, so that over the run
  // most documents are analysed again from a different version of the file.
  const text = file(1000);
  const starts: number[] = [];
  for (let i = text.indexOf('\n---\n'); i !== -1; i = text.indexOf('\n---\n', i + 1)) starts.push(i + 5);
  const t = project({ 'f.yaml': text });
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let k = 0; k < 150; k++) t.set('f.yaml', `${text.slice(0, starts[k]!)}# edit ${k}\n${text.slice(starts[k]!)}`);
  gc();
  const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  // Each version kept would be 0.4 MB: 150 of them 60 MB (what documents cut from each version held).
  assert.ok(
    grown < 15,
    `heap grew by ${grown.toFixed(1)} MiB over 150 edits of a ${(text.length / 2 ** 20).toFixed(2)} MiB file`,
  );
  assert.equal(t.p.analysis(t.uri('f.yaml'))!.chunks.length, 1000);
});
