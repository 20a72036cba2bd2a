// tsb.config.yaml: placements (globs, clusters, default namespace), rules, and diagnostics
// on a bad config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, rng, service, deployment, WS, uriOf } from '../helpers/engine';
import { parseConfig, placementOf } from '../../server/src/engine/workspace/config';

const cfgDiags = (text: string) =>
  project({ 'tsb.config.yaml': text })
    .diags('tsb.config.yaml')
    .map((d) => [d.rule, d.severity, rng(d.range), d.message, d.data]);

test('placement globs are relative to the config folder; every matching entry applies', () => {
  const cfg = parseConfig(
    'file:///proj',
    'placements:\n  - files: apps/**\n    clusters: [cluster-1]\n    namespace: bookinfo\n  - files: "**/*.yaml"\n    clusters: [cluster-2]\n  - files: [gateways/*.yaml, ./extra/**]\n    clusters: cluster-3\n',
  );
  assert.deepEqual(cfg.problems, []);
  assert.deepEqual(placementOf(cfg, 'file:///proj/apps/a/b.yaml'), {
    clusters: ['cluster-1', 'cluster-2'],
    namespace: 'bookinfo',
    configured: true,
  });
  assert.deepEqual(placementOf(cfg, 'file:///proj/gateways/gw.yaml'), {
    clusters: ['cluster-2', 'cluster-3'],
    configured: true,
  });
  assert.deepEqual(placementOf(cfg, 'file:///proj/extra/x/y.yml'), { clusters: ['cluster-3'], configured: true });
  assert.deepEqual(placementOf(cfg, 'file:///proj/apps.txt'), { clusters: [], configured: true });
  assert.deepEqual(placementOf(cfg, 'file:///elsewhere/apps/a.yaml'), { clusters: [], configured: false });
  assert.deepEqual(placementOf(undefined, 'file:///proj/apps/a.yaml'), { clusters: [], configured: false });
});

test('globs match dot-folders and percent-encoded paths', () => {
  const cfg = parseConfig(
    'file:///proj',
    'placements:\n  - files: "my apps/**"\n    clusters: [c1]\n  - files: .hidden/**\n    clusters: [c2]\n',
  );
  assert.deepEqual(placementOf(cfg, 'file:///proj/my%20apps/a.yaml').clusters, ['c1']);
  assert.deepEqual(placementOf(cfg, 'file:///proj/.hidden/a.yaml').clusters, ['c2']);
});

test('the placement namespace applies to documents without metadata.namespace, like kubectl apply -n', () => {
  const cfg = 'placements:\n  - files: apps/**\n    clusters: [cluster-1, cluster-2]\n    namespace: bookinfo\n';
  const t = project({
    'tsb.config.yaml': cfg,
    'apps/a.yaml':
      service('details') +
      '---\n' +
      service('other', { app: 'other' }, 'explicit') +
      '---\n' +
      deployment('details', 'v1'),
  });
  const r = t.p.resolved();
  assert.deepEqual(
    r.services.map((s) => [s.fact.name, s.namespace, s.clusters]),
    [
      ['details', 'bookinfo', ['cluster-1', 'cluster-2']],
      ['other', 'explicit', ['cluster-1', 'cluster-2']],
    ],
  );
  assert.deepEqual(
    r.workloads.map((w) => [w.fact.name, w.namespace]),
    [['details-v1', 'bookinfo']],
  );
  assert.deepEqual(r.clusters, ['cluster-1', 'cluster-2']);
  assert.equal(r.placementsConfigured, true);
});

test('management-plane documents belong to no cluster (placements do not change them)', () => {
  const t = project({ 'tsb.config.yaml': 'placements:\n  - files: "**"\n    clusters: [cluster-1]\n', 'ws.yaml': WS });
  assert.deepEqual(t.p.resolved().clusters, []);
  assert.equal(t.p.resolved().tsb.length, 1);
});

test('the deepest tsb.config.yaml governs a file', () => {
  const t = project({});
  t.p.setConfig('file:///proj', 'placements:\n  - files: "**"\n    clusters: [outer]\n');
  t.p.setConfig('file:///proj/sub', 'placements:\n  - files: "**"\n    clusters: [inner]\n');
  t.p.update(uriOf('sub/a.yaml'), service('a', { app: 'a' }, 'ns'), 1);
  t.p.update(uriOf('b.yaml'), service('b', { app: 'b' }, 'ns'), 1);
  // Files in URI order (b.yaml before sub/a.yaml), whatever order they were added in.
  assert.deepEqual(
    t.p.resolved().services.map((s) => [s.fact.name, s.clusters]),
    [
      ['b', ['outer']],
      ['a', ['inner']],
    ],
  );
  assert.equal(t.p.configFor(uriOf('sub/a.yaml'))?.rootUri, 'file:///proj/sub');
  assert.equal(t.p.configFor('file:///project2/a.yaml'), undefined);
});

test('ignore globs', () => {
  const t = project({ 'tsb.config.yaml': 'ignore: [vendor/**]\n' });
  assert.equal(t.p.isIgnored(uriOf('vendor/x.yaml')), true);
  assert.equal(t.p.isIgnored(uriOf('apps/x.yaml')), false);
});

test('an unknown top-level key: config-invalid with the nearest name', () => {
  assert.deepEqual(cfgDiags('placement:\n  - files: a/**\n'), [
    [
      'config-invalid',
      'error',
      [0, 0, 0, 9],
      '`placement` is not a tsb.config.yaml setting; did you mean `placements`?',
      { fix: 'rename-key', to: 'placements' },
    ],
  ]);
});

test('an unknown placement field: nearest name', () => {
  assert.deepEqual(cfgDiags('placements:\n  - files: a/**\n    cluster: [c1]\n'), [
    [
      'config-invalid',
      'error',
      [2, 4, 2, 11],
      '`cluster` is not a placement field; did you mean `clusters`?',
      { fix: 'rename-key', to: 'clusters' },
    ],
  ]);
});

test('wrong shapes and values', () => {
  assert.deepEqual(
    cfgDiags('placements: foo\n').map((d) => [d[0], d[2]]),
    [['config-invalid', [0, 12, 0, 15]]],
  );
  const ds = cfgDiags('placements:\n  - files: a/**\n    clusters: []\n    namespace: Bad_NS\n');
  assert.deepEqual(
    ds.map((d) => [d[0], d[2]]),
    [
      ['config-invalid', [2, 14, 2, 16]],
      ['config-invalid', [3, 15, 3, 21]],
    ],
  );
  const noFiles = cfgDiags('placements:\n  - clusters: [c1]\n');
  assert.equal(noFiles.length, 1);
  assert.match(String(noFiles[0]![3]), /no `files` glob/);
  assert.equal((noFiles[0]![2] as number[])[0], 1);
  assert.equal(cfgDiags('- a\n')[0]![0], 'config-invalid');
});

test('rules: unknown rule ids (nearest) and bad severities', () => {
  assert.deepEqual(cfgDiags('rules:\n  unknown-feld: off\n  key-case: loud\n'), [
    [
      'config-invalid',
      'error',
      [1, 2, 1, 14],
      '`unknown-feld` is not a rule id; did you mean `unknown-field`?',
      { fix: 'rename-key', to: 'unknown-field' },
    ],
    [
      'config-invalid',
      'error',
      [2, 12, 2, 16],
      'The severity of `key-case` must be one of off, hint, info, warning, error.',
      undefined,
    ],
  ]);
});

test('a config that does not parse gets yaml-syntax, and analysis of other files goes on', () => {
  const t = project({ 'tsb.config.yaml': 'placements:\n  - files: a/**\n\tclusters: x\n', 'ws.yaml': WS });
  const ds = t.diags('tsb.config.yaml');
  assert.deepEqual(
    ds.map((d) => [d.rule, rng(d.range)]),
    [['yaml-syntax', [2, 0, 2, 1]]],
  );
  assert.deepEqual(t.diags('ws.yaml'), []);
});

test('a valid config and an empty config have no diagnostics', () => {
  assert.deepEqual(
    cfgDiags(
      'placements:\n  - files: apps/**\n    clusters: [cluster-1, cluster-2]\n    namespace: bookinfo\nrules:\n  namespace-not-injected: off\n',
    ),
    [],
  );
  assert.deepEqual(cfgDiags(''), []);
  assert.deepEqual(cfgDiags('# just a comment\n'), []);
});

test('a half-valid config keeps what could be read', () => {
  const cfg = parseConfig(
    'file:///proj',
    'placements:\n  - files: apps/**\n    clusters: [c1]\n    nmespace: x\nrules:\n  key-case: off\n  bogus: off\n',
  );
  assert.equal(cfg.placements.length, 1);
  assert.deepEqual(cfg.rules, { 'key-case': 'off' });
  assert.equal(cfg.problems.length, 2);
});
