// tsb-lint and special files, deep trees, unreadable folders, the upward config search and globs
// Processes are spawned with a timeout: a hang (a FIFO read, a backtracking glob) fails
// the run as an error instead of blocking the suite.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanTemps, CLI, runCli, STACK_TRACE, tempDir } from './support';
import { BUILT, unlessBuilt } from '../helpers/built';
import { environment } from '../helpers/environment';

after(cleanTemps);

const NEEDS_CLI = { skip: unlessBuilt(BUILT.cli) };
const WS =
  'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: ws\nspec:\n  namespaceSelector:\n    names: ["*/x"]\n';
const BAD = WS + '  bogus: 1\n';

function mkfifo(p: string): boolean {
  return spawnSync('mkfifo', [p]).status === 0;
}

/** One line on stderr, exit 2, no stack trace, nothing on stdout. */
function refused(r: ReturnType<typeof runCli>, message: RegExp): void {
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, message);
}

test('a FIFO given as a PATH is refused with one line and exit 2 (it was read forever)', NEEDS_CLI, (t) => {
  const dir = tempDir({ 'ok.yaml': WS });
  if (!mkfifo(path.join(dir, 'pipe.yaml'))) return t.skip('mkfifo is not available');
  refused(
    runCli(['check', 'pipe.yaml'], dir, 30_000),
    /^tsb-lint: pipe\.yaml is a FIFO \(named pipe\); give YAML files or folders/,
  );
  // In a folder, a FIFO is not a YAML file of the project: skipped without a word, as before.
  const r = runCli(['check', '.', '--format', 'json'], dir, 30_000);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { diagnostics: [] });
});

test('a symlink named x.yaml to /dev/zero given as a PATH is refused (it filled the memory)', NEEDS_CLI, (t) => {
  if (!fs.existsSync('/dev/zero')) return t.skip('no /dev/zero');
  const dir = tempDir({});
  fs.symlinkSync('/dev/zero', path.join(dir, 'x.yaml'));
  refused(
    runCli(['check', 'x.yaml'], dir, 30_000),
    /^tsb-lint: x\.yaml is a character device; give YAML files or folders/,
  );
  refused(runCli(['check', '/dev/zero'], dir, 30_000), /is a character device/);
});

test('--config must be a regular file: a FIFO, /dev/zero and a folder are refused with one line', NEEDS_CLI, (t) => {
  const dir = tempDir({ 'ws.yaml': WS, 'conf/placeholder': '' });
  refused(
    runCli(['check', '.', '--config', 'conf'], dir, 30_000),
    /^tsb-lint: --config conf is a folder, not a config file/,
  );
  if (fs.existsSync('/dev/zero'))
    refused(
      runCli(['check', '.', '--config', '/dev/zero'], dir, 30_000),
      /--config \/dev\/zero is a character device, not a config file/,
    );
  if (!mkfifo(path.join(dir, 'cfg.yaml'))) return t.skip('mkfifo is not available');
  refused(
    runCli(['check', '.', '--config', 'cfg.yaml'], dir, 30_000),
    /--config cfg\.yaml is a FIFO \(named pipe\), not a config file/,
  );
});

test('a config above the size limit stops the check with one line (it is never read whole)', NEEDS_CLI, () => {
  const dir = tempDir({ 'ws.yaml': WS, 'tsb.config.yaml': `# ${'x'.repeat(2 * 1048576)}\nplacements: []\n` });
  refused(
    runCli(['check', '.', '--max-file-size', '1'], dir, 30_000),
    /^tsb-lint: cannot use the config tsb\.config\.yaml: it is 2\.0 MiB, above the 1 MiB limit/,
  );
});

test('files 60 folders deep are scanned (they were silently left out past 40)', NEEDS_CLI, () => {
  const deep = Array.from({ length: 60 }, (_, i) => `d${i}`).join('/');
  const dir = tempDir({ [`${deep}/bad.yaml`]: BAD });
  const r = runCli(['check', '.', '--format', 'json'], dir, 60_000);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout) as { diagnostics: { file: string; rule: string }[] };
  assert.deepEqual(
    out.diagnostics.map((d) => [d.file, d.rule]),
    [[`${deep}/bad.yaml`, 'unknown-field']],
  );
});

test('a folder that cannot be read is reported, in every format, not skipped in silence', NEEDS_CLI, (t) => {
  const dir = tempDir({ 'ok.yaml': WS, 'locked/bad.yaml': BAD });
  const locked = path.join(dir, 'locked');
  // root reads anything: run the CLI as nobody when the tests run as root.
  const asRoot = process.getuid?.() === 0;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
  if (asRoot && !setpriv) return t.skip('running as root without setpriv: a folder cannot be made unreadable');
  fs.chmodSync(locked, 0o000);
  for (const d of [dir, path.dirname(dir)]) fs.chmodSync(d, 0o755);
  try {
    const run = (format: string) => {
      const args = [CLI, 'check', '.', '--format', format];
      const r = asRoot
        ? spawnSync(setpriv!, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], {
            cwd: dir,
            encoding: 'utf8',
            timeout: 60_000,
            env: environment(),
          })
        : spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60_000, env: environment() });
      assert.equal(r.error, undefined);
      assert.doesNotMatch(r.stderr, STACK_TRACE);
      return r;
    };
    const json = JSON.parse(run('json').stdout) as {
      diagnostics: { file: string; rule: string; severity: string; message: string }[];
    };
    assert.deepEqual(
      json.diagnostics.map((d) => [d.file, d.rule, d.severity]),
      [['locked', 'file-skipped', 'warning']],
    );
    assert.match(
      json.diagnostics[0]!.message,
      /This folder could not be read \(EACCES\); the YAML files in it are not checked/,
    );
    assert.match(run('text').stdout, /^locked:1:1: warning file-skipped: This folder could not be read/m);
    assert.match(run('sarif').stdout, /This folder could not be read/);
  } finally {
    fs.chmodSync(locked, 0o755);
  }
});

test(
  'the upward config search stops at the file system of the checked folder and names a config found above it',
  NEEDS_CLI,
  () => {
    // Without a repository, a config in a parent folder still applies (same file system), but the CLI says
    // which one it uses, on stderr (stdout formats are unchanged).
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-upward-'));
    try {
      fs.writeFileSync(path.join(parent, 'tsb.config.yaml'), 'ignore: ["**"]\n');
      const dir = path.join(parent, 'project');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'bad.yaml'), BAD);
      const r = runCli(['check', '.', '--format', 'json'], dir, 30_000);
      assert.equal(r.stderr, 'tsb-lint: using ../tsb.config.yaml\n');
      assert.deepEqual(JSON.parse(r.stdout), { diagnostics: [] });
      // A config inside the checked folder is not announced.
      const inside = runCli(['check', '.', '--format', 'json'], parent, 30_000);
      assert.equal(inside.stderr, '');
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
    // /dev/shm is another file system than /tmp on most Linux machines: a config above it is not used.
    const shm = '/dev/shm';
    if (
      fs.existsSync(shm) &&
      fs.statSync(shm).dev !== fs.statSync(os.tmpdir()).dev &&
      fs.statSync('/').dev !== fs.statSync(shm).dev
    ) {
      const dir = fs.mkdtempSync(path.join(shm, 'tsb-fs-'));
      try {
        fs.writeFileSync(path.join(dir, 'bad.yaml'), BAD);
        const r = runCli(['check', '.', '--format', 'json'], dir, 30_000);
        assert.equal(r.status, 1);
        assert.equal(r.stderr, '');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  },
);

test('a strictly valid UTF-8 file with U+FFFD in a comment is checked, so its errors fail CI', NEEDS_CLI, () => {
  const dir = tempDir({ 'bad.yaml': `# ${'\uFFFD'.repeat(9)}\n${BAD}` });
  const r = runCli(['check', '.', '--format', 'json'], dir, 30_000);
  assert.equal(r.status, 1, r.stdout);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule),
    ['unknown-field'],
  );
});

test(
  'a nested extglob in tsb.config.yaml is refused with config-invalid; the check finishes (it hung)',
  NEEDS_CLI,
  () => {
    const dir = tempDir({
      'tsb.config.yaml':
        'ignore:\n  - "apps/*(*([a-z0-9.-])*([a-z0-9.-]))x"\nplacements:\n  - files: "apps/*(*([a-z0-9.-])*([a-z0-9.-]))x"\n    clusters: [c1]\n',
      [`apps/${'a'.repeat(40)}.yaml`]: BAD,
    });
    const r = runCli(['check', '.', '--format', 'json'], dir, 60_000);
    const out = JSON.parse(r.stdout) as {
      diagnostics: { file: string; rule: string; line: number; message: string }[];
    };
    assert.deepEqual(
      out.diagnostics.map((d) => [d.file, d.rule, d.line]),
      [
        [`apps/${'a'.repeat(40)}.yaml`, 'unknown-field', 10],
        ['tsb.config.yaml', 'config-invalid', 2],
        ['tsb.config.yaml', 'config-invalid', 4],
      ],
    );
    assert.match(out.diagnostics[1]!.message, /Extended globs such as \*\(…\) are not supported/);
  },
);
