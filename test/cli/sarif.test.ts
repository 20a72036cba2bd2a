// `tsb-lint check --format sarif` as GitHub code scanning takes it: valid against the SARIF 2.1.0 JSON
// Schema (test/fixtures/sarif, from Microsoft's SARIF SDK) and the properties GitHub's documentation
// asks for: tool version and informationUri; rules with shortDescription, fullDescription, help text and
// markdown and helpUri; results with partialFingerprints that stay the same across runs and when lines
// move; columnKind; artifact URIs relative to %SRCROOT% (the repository root, or --sarif-root), the same
// from any folder the command runs in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { RULE_IDS } from '../../server/src/engine/problems';
import { seedFiles, WS_SETTING } from '../helpers/engine';
import { project, tsbLint } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';
import { BUILT, unlessBuilt } from '../helpers/built';

const NEEDS_CLI = { skip: unlessBuilt(BUILT.cli) };

const ROOT = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  repository: { url: string };
};
const REPOSITORY = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uri', {
    validate: (s: string) => {
      try {
        return /^[a-z][a-z0-9+.-]*:/i.test(s) && !!new URL(s);
      } catch {
        return false;
      }
    },
  });
  // A URI reference: no characters a URI cannot hold (a backslash, a space) unless percent-encoded.
  ajv.addFormat('uri-reference', {
    validate: (s: string) =>
      !/[\s\\<>"{}|^`]/.test(s) &&
      (() => {
        try {
          return !!new URL(s, 'file:///base/');
        } catch {
          return false;
        }
      })(),
  });
  ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('uuid', { validate: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i });
  return ajv.compile(
    JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0.json'), 'utf8')) as object,
  );
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
  partialFingerprints: Record<string, string>;
}
interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties?: { tags?: string[] };
}
interface Sarif {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: { name: string; version: string; semanticVersion?: string; informationUri: string; rules: Rule[] };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: Result[];
  }[];
}

const MISINDENTED = WS_SETTING.replace('  defaultEastWestGatewaySettings:', 'defaultEastWestGatewaySettings:');
const WARN_ONLY = WS_SETTING.replace('app: eastwest-gateway', 'app: eastwest-gw');

function sarif(args: string[], cwd: string): Sarif {
  const r = tsbLint(['check', ...args, '--format', 'sarif'], cwd);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as Sarif;
}

test('valid SARIF 2.1.0 with what GitHub code scanning asks for', NEEDS_CLI, () => {
  const dir = project(
    seedFiles({
      'tsb/bookinfo-ws-setting.yaml': MISINDENTED,
      'apps/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bookinfo\n',
    }),
  );
  const s = sarif([], dir);
  const validate = validator();
  assert.ok(validate(s), JSON.stringify(validate.errors, null, 2));
  assert.equal(s.version, '2.1.0');
  assert.match(s.$schema, /sarif-2\.1\.0/);
  assert.equal(s.runs.length, 1);
  const run = s.runs[0]!;
  const driver = run.tool.driver;
  assert.equal(driver.name, 'tsb-lint');
  assert.equal(driver.version, pkg.version);
  assert.equal(driver.semanticVersion, pkg.version);
  assert.equal(driver.informationUri, REPOSITORY);
  assert.match(driver.informationUri, /^https:\/\//);
  // Every rule, with the metadata GitHub shows on an alert.
  assert.deepEqual(
    driver.rules.map((r) => r.id),
    [...RULE_IDS],
  );
  for (const r of driver.rules) {
    assert.ok(r.shortDescription.text.length > 10, r.id);
    assert.ok(r.fullDescription.text.length > r.shortDescription.text.length, r.id);
    assert.ok(r.help.text.includes(r.id) && r.help.markdown.includes(r.id), r.id);
    assert.equal(r.helpUri, `${REPOSITORY}/blob/main/docs/rules/${r.id}.md`);
    assert.ok(r.help.markdown.includes(r.helpUri), r.id);
    assert.match(r.name, /^[A-Z][A-Za-z]+$/);
    assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
    assert.ok((r.properties?.tags ?? []).length <= 20);
  }
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(dir).href}/`);
  // Results: rule reference, level, message, one location relative to %SRCROOT%, a fingerprint.
  const byRule = Object.fromEntries(run.results.map((x) => [x.ruleId, x]));
  assert.deepEqual(Object.keys(byRule).sort(), ['namespace-not-injected', 'unknown-field']);
  assert.equal(byRule['unknown-field']!.level, 'error');
  assert.equal(byRule['namespace-not-injected']!.level, 'note');
  assert.deepEqual(byRule['unknown-field']!.locations[0]!.physicalLocation, {
    artifactLocation: { uri: 'tsb/bookinfo-ws-setting.yaml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 31 },
  });
  for (const x of run.results) {
    assert.equal(driver.rules[x.ruleIndex]!.id, x.ruleId);
    assert.ok(x.message.text.length > 0);
    assert.ok(x.locations.length >= 1 && x.locations.length <= 10);
    assert.match(x.locations[0]!.physicalLocation.artifactLocation.uri, /^[^/:][^:]*$/, 'relative, no scheme');
    assert.ok(Object.keys(x.partialFingerprints).length > 0);
  }
  assert.ok(run.results.length <= 25000);
});

test(
  'partialFingerprints are stable across runs and when lines are inserted above; unchanged by the folder it runs in',
  NEEDS_CLI,
  () => {
    const dir = project(seedFiles({ 'tsb/bookinfo-ws-setting.yaml': WARN_ONLY }));
    const first = sarif([], dir).runs[0]!.results;
    const again = sarif([], dir).runs[0]!.results;
    assert.deepEqual(
      again.map((x) => x.partialFingerprints),
      first.map((x) => x.partialFingerprints),
    );
    // Run from a subfolder: the same repository-relative URIs and fingerprints.
    const sub = sarif(['..'], path.join(dir, 'tsb')).runs[0]!;
    assert.equal(sub.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(dir).href}/`);
    assert.deepEqual(
      sub.results.map((x) => [x.locations[0]!.physicalLocation.artifactLocation.uri, x.partialFingerprints]),
      first.map((x) => [x.locations[0]!.physicalLocation.artifactLocation.uri, x.partialFingerprints]),
    );
    // Three comment lines above the problem: it moves down, its fingerprint stays.
    fs.writeFileSync(path.join(dir, 'tsb/bookinfo-ws-setting.yaml'), `# one\n# two\n# three\n${WARN_ONLY}`);
    const moved = sarif([], dir).runs[0]!.results;
    assert.deepEqual(
      moved.map((x) => x.partialFingerprints),
      first.map((x) => x.partialFingerprints),
    );
    assert.deepEqual(
      moved.map((x) => x.locations[0]!.physicalLocation.region.startLine),
      first.map((x) => x.locations[0]!.physicalLocation.region.startLine + 3),
    );
    // Two identical problems in one file get different fingerprints.
    const twice = project({ 'a.yaml': 'x: [1\n---\nx: [1\n' });
    const prints = sarif([], twice).runs[0]!.results.map((x) => Object.values(x.partialFingerprints)[0]);
    assert.equal(new Set(prints).size, prints.length);
  },
);

test(
  '--sarif-root: URIs relative to the given folder; without .git the default root is the current folder',
  NEEDS_CLI,
  () => {
    const dir = project(seedFiles({ 'tsb/bookinfo-ws-setting.yaml': MISINDENTED }));
    const run = sarif(['--sarif-root', 'tsb'], dir).runs[0]!;
    assert.equal(run.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(path.join(dir, 'tsb')).href}/`);
    assert.deepEqual(
      run.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation),
      [{ uri: 'bookinfo-ws-setting.yaml', uriBaseId: '%SRCROOT%' }],
    );
    // A file outside the root keeps an absolute file: URI (and stays valid).
    const outside = sarif(['--sarif-root', 'apps'], dir);
    assert.ok(validator()(outside));
    assert.equal(
      outside.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri,
      pathToFileURL(path.join(dir, 'tsb/bookinfo-ws-setting.yaml')).href,
    );
    fs.rmSync(path.join(dir, '.git'), { recursive: true });
    const noGit = sarif(['.'], path.join(dir, 'tsb')).runs[0]!;
    assert.equal(noGit.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(path.join(dir, 'tsb')).href}/`);
    for (const [args, message] of [
      [['--sarif-root', 'nope', '--format', 'sarif'], /--sarif-root must be a folder: nope/],
      [['--sarif-root', 'tsb', '--format', 'json'], /--sarif-root goes with check --format sarif/],
    ] as const) {
      const r = tsbLint(['check', ...args], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
    }
  },
);

test(
  'SARIF: a `..name` folder is inside the root and a backslash in a name is percent-encoded, never a `/`',
  NEEDS_CLI,
  () => {
    const dir = project({ '..hidden/ws.yaml': 'a: [1\n', 'back\\slash.yaml': 'a: [1\n', 'sp ace#.yaml': 'a: [1\n' });
    const s = sarif([], dir);
    assert.ok(validator()(s));
    assert.deepEqual(
      s.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation).sort((a, b) =>
        a.uri.localeCompare(b.uri),
      ),
      [
        { uri: '..hidden/ws.yaml', uriBaseId: '%SRCROOT%' },
        { uri: 'back%5Cslash.yaml', uriBaseId: '%SRCROOT%' },
        { uri: 'sp%20ace%23.yaml', uriBaseId: '%SRCROOT%' },
      ],
    );
  },
);
