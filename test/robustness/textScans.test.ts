// Text scans over whole files and long lines: the suppression scan, the key scan behind
// completion and quick fixes, line breaks and the UTF-8 heuristic. Inputs are sized so that the old
// quadratic scans would run for hours while a linear one takes well under a second; those run in a
// worker thread (`bounded`) so that a hang fails the test instead of blocking the suite. No test
// measures speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuppressions } from '../../server/src/engine/suppression';
import { completionSpot, shapeOf } from '../../server/src/engine/features/yamlPath';
import { bounded, newProject, serveScenarios } from './support';

const URI = 'file:///scan/doc.yaml';
const WS =
  'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: ws\nspec:\n  namespaceSelector:\n    names: ["*/x"]\n';
// Scenarios that hung before the fix: each returns what the test checks.
const SCENARIOS: Record<string, () => unknown> = {
  manyDirectives: () => {
    const n = 200_000;
    return {
      n,
      targets: [...parseSuppressions('# tsb-lint-disable-next-line key-case\n'.repeat(n) + 'a: 1\n').lines.keys()],
    };
  },
  longDirective: () => [
    parseSuppressions(`# tsb-lint-disable-next-line a${'-'.repeat(500_000)}!\na: 1\n`).lines.size,
    parseSuppressions(`# tsb-lint-disable-next-line a${'-'.repeat(500_000)} -- why\na: 1\n`).lines.size,
  ],
  longSpaces: () => {
    const spaces = ' '.repeat(1_000_000);
    const lines = ['spec:', `  a${spaces}`];
    const value = ['spec:', `  a${spaces}: x`];
    return {
      none: shapeOf(`a${spaces}`).key ?? null,
      key: shapeOf(`key${spaces}: value`).key,
      quoted: shapeOf(`"quoted"${spaces}: v`).key,
      typing: completionSpot(lines, 1, lines[1]!.length)?.type ?? null,
      value: completionSpot(value, 1, value[1]!.length),
    };
  },
};

if (!serveScenarios(SCENARIOS)) {
  function lint(text: string, opts?: { strictUtf8?: boolean }) {
    const p = newProject();
    p.update(URI, text, 1, opts);
    return p.diagnostics(URI);
  }

  test('a suppression follows the lines of the document: one lone CR before it does not shift it', () => {
    const text =
      WS.replace('kind: Workspace\n', 'kind: Workspace\r') +
      '  # tsb-lint-disable-next-line unknown-field\n  bogus: 1\n  other: 2\n';
    const ds = lint(text).filter((d) => d.rule === 'unknown-field');
    assert.deepEqual(
      ds.map((d) => d.message.split(' ')[0]),
      ['`other`'],
    );
  });

  test('a CR-only file honours its suppressions', () => {
    const text = (WS + '  # tsb-lint-disable-next-line unknown-field\n  bogus: 1\n').replace(/\n/g, '\r');
    assert.deepEqual(
      lint(text).map((d) => d.rule),
      [],
    );
    assert.deepEqual(
      lint((WS + '  bogus: 1\n').replace(/\n/g, '\r')).map((d) => d.rule),
      ['unknown-field'],
    );
  });

  test('a file-wide suppression in a CRLF file and a reason after -- still work', () => {
    const text = ('# tsb-lint-disable unknown-field -- generated\n' + WS + '  bogus: 1\n').replace(/\n/g, '\r\n');
    assert.deepEqual(lint(text), []);
  });

  test('two hundred thousand suppression lines in a row: each finds its target in one pass', async () => {
    const r = await bounded<{ n: number; targets: number[] }>(__filename, 'manyDirectives');
    assert.deepEqual(r.targets, [r.n]);
  });

  test('a suppression directive on a long line of dashes is read in linear time', async () => {
    assert.deepEqual(await bounded(__filename, 'longDirective'), [0, 1]);
  });

  test('the key scan of completion and quick fixes is linear on a million spaces', async () => {
    assert.deepEqual(await bounded(__filename, 'longSpaces'), {
      none: null,
      key: 'key',
      quoted: 'quoted',
      typing: null,
      value: { type: 'value', path: ['spec'], key: 'a', prefix: 'x' },
    });
  });

  test('keys are read as before: quotes, dashes, colons inside, comments', () => {
    const cases: [string, string | undefined][] = [
      ['a: 1', 'a'],
      ['a:b: 1', 'a:b'],
      ['"a b": 1', 'a b'],
      ["'it''s': 1", "it's"],
      ['- a: 1', 'a'],
      ['-a: 1', '-a'],
      ['a #c: 1', undefined],
      ['# a: 1', undefined],
      ['a:1', undefined],
      ['[a]: 1', undefined],
      ['key:', 'key'],
      ['"k\\"q": 1', 'k"q'],
    ];
    for (const [line, key] of cases) assert.equal(shapeOf(line).key, key, line);
  });

  test('a strictly decoded file with U+FFFD in a comment is analysed, not skipped as "not UTF-8"', () => {
    const text = `# ${'\uFFFD'.repeat(9)}\n${WS}  bogus: 1\n`;
    assert.deepEqual(
      lint(text, { strictUtf8: true }).map((d) => d.rule),
      ['unknown-field'],
    );
    // Text of unknown origin (an editor buffer) keeps the heuristic.
    assert.deepEqual(
      lint(text).map((d) => d.rule),
      ['file-skipped'],
    );
  });
}
