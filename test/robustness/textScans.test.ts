// Text scans over whole files and long lines (issue 16): the suppression scan, the key scan behind
// completion and quick fixes, line breaks and the UTF-8 heuristic. Inputs are sized so that the old
// quadratic scans would run for many minutes while a linear one takes well under a second; the test
// timeout only guards against such a hang, no test measures speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuppressions } from '../../server/src/engine/suppression';
import { completionSpot, shapeOf } from '../../server/src/engine/features/yamlPath';
import { newProject } from './support';

const URI = 'file:///scan/doc.yaml';
const WS = 'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: ws\nspec:\n  namespaceSelector:\n    names: ["*/x"]\n';
const HANG_GUARD = { timeout: 120_000 };

function lint(text: string, opts?: { strictUtf8?: boolean }) {
  const p = newProject();
  p.update(URI, text, 1, opts);
  return p.diagnostics(URI);
}

test('a suppression follows the lines of the document: one lone CR before it does not shift it', () => {
  const text = WS.replace('kind: Workspace\n', 'kind: Workspace\r') + '  # tsb-lint-disable-next-line unknown-field\n  bogus: 1\n  other: 2\n';
  const ds = lint(text).filter((d) => d.rule === 'unknown-field');
  assert.deepEqual(ds.map((d) => d.message.split(' ')[0]), ['`other`']);
});

test('a CR-only file honours its suppressions', () => {
  const text = (WS + '  # tsb-lint-disable-next-line unknown-field\n  bogus: 1\n').replace(/\n/g, '\r');
  assert.deepEqual(lint(text).map((d) => d.rule), []);
  assert.deepEqual(lint((WS + '  bogus: 1\n').replace(/\n/g, '\r')).map((d) => d.rule), ['unknown-field']);
});

test('a file-wide suppression in a CRLF file and a reason after -- still work', () => {
  const text = ('# tsb-lint-disable unknown-field -- generated\n' + WS + '  bogus: 1\n').replace(/\n/g, '\r\n');
  assert.deepEqual(lint(text), []);
});

test('two hundred thousand suppression lines in a row: each finds its target in one pass', HANG_GUARD, () => {
  const n = 200_000;
  const text = '# tsb-lint-disable-next-line key-case\n'.repeat(n) + 'a: 1\n';
  const s = parseSuppressions(text);
  assert.deepEqual([...s.lines.keys()], [n]);
});

test('a suppression directive on a long line of dashes is read in linear time', HANG_GUARD, () => {
  const s = parseSuppressions(`# tsb-lint-disable-next-line a${'-'.repeat(500_000)}!\na: 1\n`);
  assert.equal(s.lines.size, 0, 'not a rule id: no directive');
  const t = parseSuppressions(`# tsb-lint-disable-next-line a${'-'.repeat(500_000)} -- why\na: 1\n`);
  assert.equal(t.lines.size, 1);
});

test('the key scan of completion and quick fixes is linear on a million spaces', HANG_GUARD, () => {
  const spaces = ' '.repeat(1_000_000);
  assert.equal(shapeOf(`a${spaces}`).key, undefined);
  assert.equal(shapeOf(`key${spaces}: value`).key, 'key');
  assert.equal(shapeOf(`"quoted"${spaces}: v`).key, 'quoted');
  const lines = ['spec:', `  a${spaces}`];
  assert.equal(completionSpot(lines, 1, lines[1]!.length)?.type, undefined);
  const value = ['spec:', `  a${spaces}: x`];
  assert.deepEqual(completionSpot(value, 1, value[1]!.length), { type: 'value', path: ['spec'], key: 'a', prefix: 'x' });
});

test('keys are read as before: quotes, dashes, colons inside, comments', () => {
  const cases: [string, string | undefined][] = [
    ['a: 1', 'a'], ['a:b: 1', 'a:b'], ['"a b": 1', 'a b'], ["'it''s': 1", "it's"], ['- a: 1', 'a'], ['-a: 1', '-a'],
    ['a #c: 1', undefined], ['# a: 1', undefined], ['a:1', undefined], ['[a]: 1', undefined], ['key:', 'key'], ['"k\\"q": 1', 'k"q'],
  ];
  for (const [line, key] of cases) assert.equal(shapeOf(line).key, key, line);
});

test('a strictly decoded file with U+FFFD in a comment is analysed, not skipped as "not UTF-8"', () => {
  const text = `# ${'\uFFFD'.repeat(9)}\n${WS}  bogus: 1\n`;
  assert.deepEqual(lint(text, { strictUtf8: true }).map((d) => d.rule), ['unknown-field']);
  // Text of unknown origin (an editor buffer) keeps the heuristic.
  assert.deepEqual(lint(text).map((d) => d.rule), ['file-skipped']);
});
