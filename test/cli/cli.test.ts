// tsb-lint as a process: text/JSON/SARIF output, exit codes, --config, failover and --down.
// Needs the built CLI (npm run build → server/out/cli.js).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seedFiles, WS_SETTING } from '../helpers/engine';
import { environment } from '../helpers/environment';
import { assertBuilt, BUILT, unlessBuilt } from '../helpers/built';

const NEEDS_CLI = { skip: unlessBuilt(BUILT.cli) };

// Compiled to test/out/cli/; fall back to the working directory when bundled elsewhere.
const fromOut = path.resolve(__dirname, '../../..');
const ROOT = fs.existsSync(path.join(fromOut, 'server', 'src', 'node', 'cli.ts')) ? fromOut : process.cwd();
const CLI = path.join(ROOT, 'server', 'out', 'cli.js');

const temps: string[] = [];
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-lint-test-'));
  temps.push(dir);
  // a .git marker stops the upward search for tsb.config.yaml at this folder
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}

function run(args: string[], cwd: string) {
  assertBuilt(CLI);
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: environment() });
  assert.equal(r.error, undefined);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace on stderr');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MISINDENTED = WS_SETTING.replace('  defaultEastWestGatewaySettings:', 'defaultEastWestGatewaySettings:');
const WARN_ONLY = WS_SETTING.replace('app: eastwest-gateway', 'app: eastwest-gw');

interface JsonDiag {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
  fix?: unknown;
}

test('check on a clean project: exit 0, only the summary line', NEEDS_CLI, () => {
  const dir = folder(seedFiles());
  const r = run(['check'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '0 errors, 0 warnings, 0 notes in 6 files.\n');
});

test(
  'text format: file:line:column: severity rule: message, paths relative to the current folder, summary',
  NEEDS_CLI,
  () => {
    const dir = folder(seedFiles({ 'tsb/bookinfo-ws-setting.yaml': MISINDENTED }));
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(
      lines[0]!,
      /^tsb\/bookinfo-ws-setting\.yaml:9:1: error unknown-field: `defaultEastWestGatewaySettings` is not a field of the top level of WorkspaceSetting; it belongs under `spec`/,
    );
    assert.equal(lines[1], '1 error, 0 warnings, 0 notes in 6 files.');
    // from the parent folder the paths carry the folder name
    const r2 = run(['check', path.basename(dir)], path.dirname(dir));
    assert.match(
      r2.stdout,
      new RegExp(`^${path.basename(dir)}/tsb/bookinfo-ws-setting\\.yaml:9:1: error unknown-field`),
    );
  },
);

test('JSON format: 1-based lines and columns, the contract shape', NEEDS_CLI, () => {
  const dir = folder(seedFiles({ 'tsb/bookinfo-ws-setting.yaml': MISINDENTED }));
  const r = run(['check', '.', '--format', 'json'], dir);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { diagnostics: JsonDiag[] };
  assert.deepEqual(Object.keys(out), ['diagnostics']);
  assert.equal(out.diagnostics.length, 1);
  const d = out.diagnostics[0]!;
  assert.deepEqual(
    { ...d, message: undefined, fix: undefined },
    {
      file: 'tsb/bookinfo-ws-setting.yaml',
      line: 9,
      column: 1,
      endLine: 9,
      endColumn: 31,
      severity: 'error',
      rule: 'unknown-field',
      message: undefined,
      fix: undefined,
    },
  );
  assert.deepEqual(d.fix, { fix: 'indent', under: 'spec', spaces: 2, lines: 5 });
});

test('--format=json (equals form) works too, and a clean project gives an empty list', NEEDS_CLI, () => {
  const r = run(['check', '--format=json'], folder(seedFiles()));
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), { diagnostics: [] });
});

test('SARIF 2.1.0: version, runs[0].tool.driver.rules, results with ruleId/level/locations', NEEDS_CLI, () => {
  const dir = folder(
    seedFiles({
      'tsb/bookinfo-ws-setting.yaml': MISINDENTED,
      'apps/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bookinfo\n',
    }),
  );
  const r = run(['check', '--format', 'sarif'], dir);
  assert.equal(r.code, 1);
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  assert.match(s.$schema, /sarif-2\.1\.0/);
  assert.equal(s.runs.length, 1);
  const run0 = s.runs[0];
  assert.equal(run0.tool.driver.name, 'tsb-lint');
  const ruleIds = run0.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(
    ruleIds.includes('namespace-not-injected') && ruleIds.includes('unknown-field'),
    'every rule is described (test/cli/sarif.test.ts checks them)',
  );
  const results = run0.results as {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
  }[];
  const byRule = Object.fromEntries(results.map((x) => [x.ruleId, x]));
  assert.equal(byRule['unknown-field']!.level, 'error');
  assert.equal(byRule['namespace-not-injected']!.level, 'note');
  for (const x of results) assert.equal(ruleIds[x.ruleIndex], x.ruleId);
  assert.deepEqual(byRule['unknown-field']!.locations[0]!.physicalLocation, {
    artifactLocation: { uri: 'tsb/bookinfo-ws-setting.yaml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 31 },
  });
  assert.ok(byRule['unknown-field']!.message.text.length > 0);
});

test('exit 0 with warnings only', NEEDS_CLI, () => {
  const r = run(['check'], folder(seedFiles({ 'tsb/bookinfo-ws-setting.yaml': WARN_ONLY })));
  assert.equal(r.code, 0);
  assert.match(r.stdout, /tsb\/bookinfo-ws-setting\.yaml:12:9: warning gateway-selector-no-match: /);
  assert.match(r.stdout, /0 errors, 1 warning, 0 notes in 6 files\.\n$/);
});

test('a single file as PATH', NEEDS_CLI, () => {
  const dir = folder(seedFiles({ 'tsb/bookinfo-ws-setting.yaml': MISINDENTED }));
  const r = run(['check', 'tsb/bookinfo-ws-setting.yaml', '--format', 'json'], dir);
  assert.equal(r.code, 1);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics.map((d) => [d.file, d.rule]),
    [['tsb/bookinfo-ws-setting.yaml', 'unknown-field']],
  );
});

test('--config FILE: rules from a config file with another name apply', NEEDS_CLI, () => {
  const dir = folder({
    ...seedFiles({ 'tsb/bookinfo-ws-setting.yaml': MISINDENTED }),
    'lenient.yaml': 'rules:\n  unknown-field: warning\n',
  });
  const r = run(['check', 'tsb', '--config', 'lenient.yaml', '--format', 'json'], dir);
  assert.equal(r.code, 0);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics.map((d) => [d.rule, d.severity]),
    [['unknown-field', 'warning']],
  );
});

test('--config FILE in another folder governs the checked paths', NEEDS_CLI, () => {
  const dir = folder({
    ...seedFiles({ 'tsb/bookinfo-ws-setting.yaml': MISINDENTED }),
    'ci/lenient.yaml': 'rules:\n  unknown-field: warning\n',
  });
  const r = run(['check', 'tsb', '--config', 'ci/lenient.yaml', '--format', 'json'], dir);
  assert.equal(r.code, 0);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics.map((d) => [d.rule, d.severity]),
    [['unknown-field', 'warning']],
  );
});

test('a --config FILE with mistakes is diagnosed even when not named tsb.config.yaml', NEEDS_CLI, () => {
  const dir = folder({ ...seedFiles(), 'other.yaml': 'rulez:\n  unknown-field: warning\n' });
  const r = run(['check', 'tsb', '--config', 'other.yaml', '--format', 'json'], dir);
  assert.equal(r.code, 1);
  const ds = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
  assert.ok(
    ds.some((d) => d.file === 'other.yaml' && d.rule === 'config-invalid'),
    JSON.stringify(ds),
  );
});

test('a bad tsb.config.yaml is reported as a file of the project', NEEDS_CLI, () => {
  const dir = folder(seedFiles({ 'tsb.config.yaml': 'placement:\n  - files: apps/**\n' }));
  const r = run(['check', '--format', 'json'], dir);
  assert.equal(r.code, 1);
  const ds = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
  assert.ok(
    ds.some((d) => d.file === 'tsb.config.yaml' && d.rule === 'config-invalid' && d.line === 1 && d.column === 1),
    JSON.stringify(ds),
  );
});

test('templated and non-TSB files: no flood, no crash', NEEDS_CLI, () => {
  const dir = folder({
    'chart/Chart.yaml': 'apiVersion: v2\nname: x\nversion: 0.1.0\n',
    'chart/templates/ws.yaml':
      'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: {{ .Values.name }}\n',
    '.github/workflows/ci.yml': 'on: [push]\njobs: {}\n',
    'node_modules/x/bad.yaml': 'a:\n\tb\n',
  });
  const r = run(['check', '--format', 'json'], dir);
  assert.equal(r.code, 0);
  const ds = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
  assert.deepEqual(
    ds.map((d) => [d.file, d.rule, d.severity]),
    [['chart/templates/ws.yaml', 'file-skipped', 'info']],
  );
});

for (const [name, args, message] of [
  ['unknown command', ['frob'], /unknown command "frob"/],
  ['missing command', [], /missing command/],
  ['bad --format', ['check', '--format', 'xml'], /--format must be one of text, json, sarif/],
  ['sarif for failover', ['failover', '--format', 'sarif'], /--format must be one of text, json/],
  ['missing path', ['check', 'does-not-exist'], /no such file or folder: does-not-exist/],
  ['unknown option', ['check', '--frob'], /unknown option --frob/],
  ['--format without value', ['check', '--format'], /--format needs a value/],
  ['missing --config file', ['check', '--config', 'nope.yaml'], /no such config file/],
  ['bad --down value', ['failover', '--down', 'details-v1'], /--down takes CLUSTER\/NAMESPACE\/WORKLOAD/],
  ['--down with check', ['check', '--down', 'a/b/c'], /--down goes with the failover command/],
] as const) {
  test(`usage error (${name}): exit 2, the message first on stderr, nothing on stdout`, NEEDS_CLI, () => {
    const r = run([...args], folder(seedFiles()));
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    const first = r.stderr.split('\n')[0]!;
    assert.match(first, /^tsb-lint: /);
    assert.match(first, message);
  });
}

test('a usage error prints one line on stderr', NEEDS_CLI, () => {
  const r = run(['frob'], folder({}));
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1);
});

test('--help and --version exit 0', NEEDS_CLI, () => {
  const h = run(['--help'], folder({}));
  assert.equal(h.code, 0);
  assert.match(h.stdout, /tsb-lint check/);
  const v = run(['--version'], folder({}));
  assert.equal(v.code, 0);
  assert.match(v.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('failover text: one table per workspace, every seed service fails over', NEEDS_CLI, () => {
  const r = run(['failover'], folder(seedFiles()));
  assert.equal(r.code, 0);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Workspace tetrate/tetrate/bookinfo-ws  (namespaces: */bookinfo)');
  assert.equal(
    lines[1],
    '  East-west gateway #1: eastwest/app=eastwest-gateway in cluster-1, cluster-2; exposes every service of the workspace',
  );
  assert.match(lines[2]!, /^ {2}SERVICE +NAMESPACE +CLUSTERS +VERSIONS +FAILOVER$/);
  for (const svc of ['details', 'productpage', 'ratings', 'reviews']) {
    assert.ok(
      lines.some((l) => new RegExp(`^  ${svc} +bookinfo +cluster-1,cluster-2 +v1.* +yes$`).test(l)),
      `${svc} row in\n${r.stdout}`,
    );
  }
  assert.ok(lines.some((l) => /^ {2}reviews +bookinfo +cluster-1,cluster-2 +v1 v2 +yes$/.test(l)));
});

test('failover JSON: the contract shape', NEEDS_CLI, () => {
  const r = run(['failover', '.', '--format', 'json'], folder(seedFiles()));
  assert.equal(r.code, 0);
  const m = JSON.parse(r.stdout);
  assert.equal(m.workspaces.length, 1);
  const w = m.workspaces[0];
  assert.deepEqual([w.organization, w.tenant, w.name], ['tetrate', 'tetrate', 'bookinfo-ws']);
  assert.deepEqual(
    w.gateways.map((g: { namespace: string; labels: unknown; clusters: string[] }) => [
      g.namespace,
      g.labels,
      g.clusters,
    ]),
    [['eastwest', { app: 'eastwest-gateway' }, ['cluster-1', 'cluster-2']]],
  );
  const details = w.candidates.find((c: { service: string }) => c.service === 'details');
  assert.deepEqual(
    {
      service: details.service,
      namespace: details.namespace,
      clusters: details.clusters,
      failover: details.failover,
      versions: details.versions,
    },
    {
      service: 'details',
      namespace: 'bookinfo',
      clusters: ['cluster-1', 'cluster-2'],
      failover: true,
      versions: { v1: ['cluster-1', 'cluster-2'] },
    },
  );
  assert.deepEqual(w.excluded, []);
  // source references are 1-based file positions relative to the current folder
  assert.deepEqual(Object.keys(details.source).sort(), ['column', 'endColumn', 'endLine', 'file', 'line']);
  assert.equal(details.source.file, 'apps/bookinfo.yaml');
  assert.ok(details.source.line >= 1);
});

test('failover --down: the what-if in text', NEEDS_CLI, () => {
  const r = run(['failover', '--down', 'cluster-1/bookinfo/details-v1'], folder(seedFiles()));
  assert.equal(r.code, 0);
  assert.match(
    r.stdout,
    /\nWhat if cluster-1\/bookinfo\/details-v1 goes to zero replicas:\n {2}details callers in cluster-1 go to cluster-2 via east-west gateway eastwest\/app=eastwest-gateway: no details workload is left in cluster-1/,
  );
});

test('failover --down: several targets and an unknown workload, in JSON', NEEDS_CLI, () => {
  const r = run(
    ['failover', '--format', 'json', '--down', 'cluster-1/bookinfo/reviews-v2', '--down=cluster-1/bookinfo/nope'],
    folder(seedFiles()),
  );
  assert.equal(r.code, 0);
  const m = JSON.parse(r.stdout);
  assert.deepEqual(
    m.whatIf.down.map((d: { workload: string }) => d.workload),
    ['reviews-v2', 'nope'],
  );
  assert.deepEqual(
    m.whatIf.unknown.map((u: { target: { workload: string } }) => u.target.workload),
    ['nope'],
  );
  assert.deepEqual(
    m.whatIf.routes.map((x: { subset?: string; outcome: string }) => [x.subset ?? null, x.outcome]),
    [
      [null, 'local'],
      ['v2', 'remote'],
    ],
  );
});

test('failover without tsb.config.yaml explains how to add placements', NEEDS_CLI, () => {
  const files = seedFiles({ 'tsb.config.yaml': undefined });
  const r = run(['failover'], folder(files));
  assert.equal(r.code, 0);
  assert.match(
    r.stdout,
    /Note: No placements: nothing in the repository says which clusters its files are applied to\. Add a tsb\.config\.yaml/,
  );
});
