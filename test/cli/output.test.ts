// What tsb-lint writes, channel by channel: text lines never let a value or a file name start a line of
// their own (control characters escaped, `::`/`##` names prefixed), JSON paths are exact and relative to
// the current folder (a `..name` folder is inside it, a backslash stays a backslash), and the smaller
// contract points: nothing to check is exit 2, a non-YAML file is never parsed, counts, --version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seedFiles } from '../helpers/engine';
import { project, SERVER, tsbLint } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';
import { BUILT, unlessBuilt } from '../helpers/built';
import { formatCheck, JsonCheckWriter, type FileProblem } from '../../server/src/node/format';

const NEEDS_CLI = { skip: unlessBuilt(BUILT.cli) };

const WS = (extra = '') => `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  organization: tetrate
  tenant: tetrate
  name: ws
spec:
  namespaceSelector:
    names: ["*/bookinfo"]
${extra}`;

// A key whose name carries a fake summary line, a GitHub workflow command and an ANSI escape.
const FORGED_KEY =
  String.raw`  "bad\n0 errors, 0 warnings, 0 notes in 1 file.\n::error file=tsb/ws.yaml::forged\e[31m": 1` + '\n';

interface JsonOut {
  diagnostics: { file: string; rule: string; message: string }[];
}

test('text: control characters in a value are escaped; no forged summary or workflow command line', NEEDS_CLI, () => {
  const dir = project({ 'ws.yaml': WS(FORGED_KEY) });
  const r = tsbLint(['check', '.'], dir);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2, r.stdout);
  assert.match(
    lines[0]!,
    /^ws\.yaml:10:3: error unknown-field: `bad\\n0 errors, 0 warnings, 0 notes in 1 file\.\\n::error file=tsb\/ws\.yaml::forged\\x1b\[31m` is not a field of `spec`/,
  );
  assert.equal(lines[1], '1 error, 0 warnings, 0 notes in 1 file.');
  assert.ok(!r.stdout.includes('\u001b'), 'no raw escape character');
  // JSON keeps the value exactly (its own escaping is JSON's).
  const json = JSON.parse(tsbLint(['check', '.', '--format', 'json'], dir).stdout) as JsonOut;
  assert.match(
    json.diagnostics[0]!.message,
    /^`bad\n0 errors, 0 warnings, 0 notes in 1 file\.\n::error file=tsb\/ws\.yaml::forged\u001b\[31m`/,
  );
});

test(
  'text: file names with a newline or an escape are escaped; a name starting with :: or ## gets ./',
  NEEDS_CLI,
  () => {
    const dir = project({
      'a\nb.yaml': 'a: [1\n',
      '::error file=x::y.yaml': 'a: [1\n',
      '##[error]z.yaml': 'a: [1\n',
      'e\u001bf.yaml': 'a: [1\n',
    });
    const r = tsbLint(['check', '.'], dir);
    assert.equal(r.code, 1);
    const files = r.stdout
      .trimEnd()
      .split('\n')
      .slice(0, -1)
      .map((l) => l.replace(/:\d+:\d+: .*$/, ''));
    assert.deepEqual(files.sort(), ['./##[error]z.yaml', './::error file=x::y.yaml', 'a\\nb.yaml', 'e\\x1bf.yaml']);
    assert.match(r.stdout, /in 4 files\.\n$/);
  },
);

test('a usage error quoting an argument stays one line on stderr', NEEDS_CLI, () => {
  const r = tsbLint(['check', 'no\nsuch\u001b'], project({}));
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'tsb-lint: no such file or folder: no\\nsuch\\x1b (see tsb-lint --help)\n');
});

test(
  'JSON: a `..name` folder inside the current folder is inside it; a backslash in a name stays a backslash',
  NEEDS_CLI,
  () => {
    const dir = project({ '..hidden/ws.yaml': 'a: [1\n', 'back\\slash.yaml': 'a: [1\n' });
    const json = JSON.parse(tsbLint(['check', '.', '--format', 'json'], dir).stdout) as JsonOut;
    assert.deepEqual(json.diagnostics.map((d) => d.file).sort(), ['..hidden/ws.yaml', 'back\\slash.yaml']);
    // Text shows the same relative paths.
    const text = tsbLint(['check', '.'], dir).stdout;
    assert.match(text, /^\.\.hidden\/ws\.yaml:\d+:/m);
    assert.match(text, /^back\\slash\.yaml:\d+:/m);
  },
);

test('JSON and text: paths are relative to the current folder, also for files outside it', NEEDS_CLI, () => {
  const dir = project({ 'apps/ws.yaml': 'a: [1\n', 'other/x.yaml': 'b: [1\n' });
  const json = JSON.parse(
    tsbLint(['check', '../other', '.', '--format', 'json'], path.join(dir, 'apps')).stdout,
  ) as JsonOut;
  assert.deepEqual(json.diagnostics.map((d) => d.file).sort(), ['../other/x.yaml', 'ws.yaml']);
});

test('a folder without YAML files: exit 2 with one line, not a green "0 files"', NEEDS_CLI, () => {
  const dir = project({ 'README.md': '# nothing here\n', 'deploy/notes.txt': 'x\n', 'apps/ws.yaml': WS() });
  for (const args of [['check'], ['check', 'deploy'], ['check', 'apps', 'deploy'], ['failover', 'deploy']]) {
    const r = tsbLint(args, path.join(dir, args.length === 1 ? 'deploy' : ''));
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^tsb-lint: no YAML files \(\*\.yaml, \*\.yml\) in (\.|deploy): nothing to check/);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1);
  }
});

test(
  'a non-YAML file given by name is never parsed as YAML: alone it is nothing to check, beside YAML a note',
  NEEDS_CLI,
  () => {
    const md = '# Title\n\n*emphasis* &anchor *alias\n- [ ] {{ template }}\n';
    const dir = project({ 'README.md': md, 'notes.txt': md, 'ws.yaml': WS() });
    for (const name of ['README.md', 'notes.txt']) {
      const alone = tsbLint(['check', name], dir);
      assert.equal(alone.code, 2);
      assert.equal(
        alone.stderr,
        `tsb-lint: ${name} is not a YAML file (*.yaml, *.yml): nothing to check (see tsb-lint --help)\n`,
      );
    }
    // Beside YAML: a text file gets a note; a README is read only for how files are applied, never reported.
    const both = tsbLint(['check', 'README.md', 'notes.txt', 'ws.yaml', '--format', 'json'], dir);
    assert.equal(both.code, 0, both.stderr);
    const ds = (JSON.parse(both.stdout) as JsonOut).diagnostics;
    assert.deepEqual(
      ds.map((d) => [d.file, d.rule]),
      [['notes.txt', 'file-skipped']],
    );
    assert.match(ds[0]!.message, /not YAML/);
  },
);

test(
  'the summary counts the files checked: one file says "in 1 file" (a config found above is not counted)',
  NEEDS_CLI,
  () => {
    const dir = project(seedFiles());
    assert.match(tsbLint(['check', 'tsb/bookinfo-ws.yaml'], dir).stdout, / in 1 file\.\n$/);
    assert.match(tsbLint(['check', 'tsb'], dir).stdout, / in 2 files\.\n$/);
    assert.match(tsbLint(['check'], dir).stdout, / in 6 files\.\n$/);
  },
);

test('--version: both binaries print the package version', NEEDS_CLI, () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { version: string };
  const dir = project({});
  for (const bin of [undefined, SERVER]) {
    const r = tsbLint(['--version'], dir, bin);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${version}\n`);
  }
});

test('json: written diagnostic by diagnostic, it is exactly JSON.stringify of the whole report', () => {
  const at = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 9 } });
  const problem = (message: string, extra: object = {}) =>
    ({
      rule: 'unknown-field',
      severity: 'warning',
      message,
      range: at(3),
      ...extra,
    }) as unknown as FileProblem['problem'];
  const items: FileProblem[] = [
    { path: '/work/a.yaml', problem: problem('plain') },
    { path: '/work/dir/b.yaml', problem: problem('quote " and\nline break\tand ü', { data: { fix: 'remove-key' } }) },
    { path: '/work/c.yaml', problem: problem('third') },
  ];
  for (const n of [0, 1, 3]) {
    const some = items.slice(0, n);
    const written: string[] = [];
    const w = new JsonCheckWriter((s) => written.push(s), '/work', 'en');
    for (const i of some) w.add(i);
    w.end();
    assert.equal(written.length, n + 1, 'one write per diagnostic and one to close');
    const whole = `${JSON.stringify({ diagnostics: some.map((i) => JSON.parse(JSON.stringify(expected(i)))) }, null, 2)}\n`;
    assert.equal(written.join(''), whole, `${n} diagnostics`);
    assert.equal(
      formatCheck(some, 'json', { fileCount: n, cwd: '/work', sarifRoot: '/work', version: '0', repository: '' }),
      whole,
    );
  }
  function expected({ path: p, problem: q }: FileProblem) {
    return {
      file: path.relative('/work', p),
      line: 4,
      column: 3,
      endLine: 4,
      endColumn: 10,
      severity: q.severity,
      rule: q.rule,
      message: q.message,
      ...(q.data ? { fix: q.data } : {}),
    };
  }
});
