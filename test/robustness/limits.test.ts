// Limits: hostile inputs get a clear diagnostic instead of silence, a hang or a crash.
// Bounds are generous (they only catch pathologies: hangs, runaway memory); the real figures come from
// `node test/robustness/measure.mjs` and are recorded in docs/robustness.md.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOSTILE, WS_BODY } from './hostile';
import { cleanTemps, newProject, rangeViolations, runCli, STACK_TRACE, tempDir } from './support';
import { BUILT, unlessBuilt } from '../helpers/built';

after(cleanTemps);

const MAX_RSS_GROWTH = 1.5 * 1024 ** 3;
const URI = 'file:///limits/doc.yaml';

for (const c of HOSTILE) {
  test(`hostile input: ${c.name}`, (t) => {
    const text = c.text();
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const p = newProject(c.maxFileSize ? { maxFileSize: c.maxFileSize } : {});
    p.update(URI, text, 1);
    const ds = p.diagnostics(URI);
    p.failoverModel();
    const ms = performance.now() - t0;
    const grown = process.memoryUsage().rss - rss0;
    t.diagnostic(
      `${(text.length / 1048576).toFixed(2)} MiB, ${ms.toFixed(0)} ms, RSS +${(grown / 1048576).toFixed(0)} MiB, ${ds.length} diagnostics: ${[...new Set(ds.map((d) => d.rule))].join(', ')}`,
    );
    assert.ok(ms < c.maxMs, `took ${ms.toFixed(0)} ms (bound ${c.maxMs})`);
    assert.ok(grown < MAX_RSS_GROWTH, `RSS grew by ${(grown / 1048576).toFixed(0)} MiB`);
    assert.deepEqual(rangeViolations(text, ds), []);
    assert.ok(!ds.some((d) => d.rule === 'internal-error'), ds.find((d) => d.rule === 'internal-error')?.message);
    if (c.expect === 'none')
      assert.deepEqual(
        ds.map((d) => `${d.rule}: ${d.message}`),
        [],
      );
    else if (c.expect !== 'any') {
      const { rule, message, min = 1, max = Infinity } = c.expect;
      const hits = ds.filter((d) => d.rule === rule && (!message || message.test(d.message)));
      assert.ok(
        hits.length >= min && hits.length <= max,
        `${hits.length} ${rule} diagnostics matching ${message ?? '.'} (want ${min}..${max}): ${ds
          .slice(0, 5)
          .map((d) => `${d.rule}: ${d.message}`)
          .join(' | ')}`,
      );
    }
  });
}

test('the syntax-error flood is capped with a summary line', () => {
  const p = newProject();
  p.update(URI, 'a:\n' + '\t- x\n'.repeat(5000), 1);
  const ds = p.diagnostics(URI).filter((d) => d.rule === 'yaml-syntax');
  assert.ok(ds.length <= 51, `${ds.length}`);
  assert.ok(ds.some((d) => /more YAML syntax errors in this document are not listed/.test(d.message)));
});

test('a duplicate key deep inside a large map is still found (linear check), with the usual message', () => {
  const p = newProject();
  p.update(
    URI,
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n  name: n\ndata:\n  a: 1\n  b: {x: 1, x: 2}\n',
    1,
  );
  const ds = p.diagnostics(URI).filter((d) => d.rule === 'yaml-syntax');
  assert.deepEqual(
    ds.map((d) => [d.range.start.line, d.range.start.character]),
    [
      [4, 2],
      [7, 12],
    ],
  );
  assert.match(ds[0]!.message, /unique.*replace the first/);
});

// A Workspace whose line 9 (1-based) holds a misspelled field: the error must sit on line 9, column 3.
const LINE9 = WS_BODY.replace('spec:\n  namespaceSelector:', 'spec:\n  namespaceSelektor:');

test('CRLF: a diagnostic on line 9 of a CRLF file is on line 9 with the same columns as with LF', () => {
  const lf = newProject();
  lf.update(URI, LINE9, 1);
  const crlf = newProject();
  crlf.update(URI, LINE9.replace(/\n/g, '\r\n'), 1);
  const a = lf.diagnostics(URI).filter((d) => d.rule === 'unknown-field');
  const b = crlf.diagnostics(URI).filter((d) => d.rule === 'unknown-field');
  assert.equal(a.length, 1);
  assert.deepEqual(a[0]!.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 19 } });
  assert.deepEqual(
    b.map((d) => [d.range, d.message]),
    a.map((d) => [d.range, d.message]),
  );
  // Lone CR (classic Mac) line endings: the same, since positions and parsing both break lines there.
  const cr = newProject();
  cr.update(URI, LINE9.replace(/\n/g, '\r'), 1);
  assert.deepEqual(
    cr.diagnostics(URI).map((d) => [d.rule, d.range]),
    lf.diagnostics(URI).map((d) => [d.rule, d.range]),
  );
});

test('BOM: a file starting with U+FEFF is analysed normally (same diagnostics, same lines)', () => {
  const plain = newProject();
  plain.update(URI, LINE9, 1);
  const bom = newProject();
  bom.update(URI, '\uFEFF' + LINE9, 1);
  const strip = (p: ReturnType<typeof newProject>) =>
    p
      .diagnostics(URI)
      .map((d) => [
        d.rule,
        d.message,
        d.range.start.line,
        d.range.end.line,
        d.range.start.line > 0 ? d.range.start.character : -1,
      ]);
  assert.deepEqual(strip(bom), strip(plain));
  assert.ok(strip(bom).some((d) => d[0] === 'unknown-field' && d[2] === 8));
});

test('CLI: limits, binary, invalid UTF-8, BOM, CRLF and empty files give notices, not failures', {
  skip: unlessBuilt(BUILT.cli),
}, () => {
  const big = WS_BODY + `# ${'x'.repeat(1.5 * 1048576)}\n`;
  const dir = tempDir({
    'big.yaml': big,
    'binary.yaml': Buffer.from([0x61, 0x3a, 0x20, 0x00, 0xff, 0xfe, 0x00, 0x01]),
    'latin1.yaml': Buffer.from('name: caf\xe9\n', 'latin1'),
    'bom.yaml': '\uFEFF' + LINE9,
    'crlf.yaml': LINE9.replace(/\n/g, '\r\n'),
    'empty.yaml': '',
    'dashes.yaml': '---\n---\n',
    'comments.yaml': '# nothing here\n',
  });
  const r = runCli(['check', '.', '--format', 'json', '--max-file-size', '1'], dir);
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1, 'the unknown-field errors in bom.yaml and crlf.yaml');
  const out = JSON.parse(r.stdout) as {
    diagnostics: { file: string; line: number; column: number; rule: string; message: string; severity: string }[];
  };
  const of = (file: string) => out.diagnostics.filter((d) => d.file === file);
  assert.deepEqual(
    of('big.yaml').map((d) => [d.rule, d.severity]),
    [['file-skipped', 'info']],
  );
  assert.match(of('big.yaml')[0]!.message, /1\.5 MiB, above the 1 MiB limit \(--max-file-size\)/);
  assert.deepEqual(
    of('binary.yaml').map((d) => d.rule),
    ['file-skipped'],
  );
  assert.match(of('binary.yaml')[0]!.message, /binary/);
  assert.deepEqual(
    of('latin1.yaml').map((d) => d.rule),
    ['file-skipped'],
  );
  assert.match(of('latin1.yaml')[0]!.message, /not valid UTF-8/);
  for (const f of ['bom.yaml', 'crlf.yaml']) {
    assert.deepEqual(
      of(f)
        .filter((d) => d.rule === 'unknown-field')
        .map((d) => [d.line, d.column]),
      [[9, 3]],
      f,
    );
  }
  for (const f of ['empty.yaml', 'dashes.yaml', 'comments.yaml']) assert.deepEqual(of(f), [], f);
  // Without the flag the 1.5 MiB file is analysed (default limit 20 MiB).
  const r2 = runCli(['check', 'big.yaml', '--format', 'json'], dir);
  assert.deepEqual(
    (JSON.parse(r2.stdout) as { diagnostics: { rule: string }[] }).diagnostics.filter((d) => d.rule === 'file-skipped'),
    [],
  );
  assert.ok(fs.existsSync(path.join(dir, 'big.yaml')));
});

test('CLI: --max-file-size rejects nonsense with exit 2 and one line', { skip: unlessBuilt(BUILT.cli) }, () => {
  const dir = tempDir({ 'a.yaml': 'a: 1\n' });
  for (const v of ['0', '-1', 'abc']) {
    const r = runCli(['check', '.', '--max-file-size', v], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^tsb-lint: --max-file-size/);
    assert.doesNotMatch(r.stderr, STACK_TRACE);
  }
});
