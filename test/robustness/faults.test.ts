// Faults: a broken tsb.config.yaml, deleted and renamed files, and a rule that throws.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../server/src/engine/l10n/translate';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalog, Project } from '../../server/src/engine/index';
import { analyseFile } from '../../server/src/engine/fileAnalysis';
import { SchemaRegistry } from '../../server/src/engine/schema/registry';
import type { SchemaEntry } from '../../schemas/src/types';
import { project, seedFiles, WS, WS_SETTING, uriOf } from '../helpers/engine';
import { cleanTemps, runCli, STACK_TRACE, tempDir } from './support';
import { BUILT, unlessBuilt } from '../helpers/built';

after(cleanTemps);

const BROKEN_CONFIGS: Record<string, RegExp> = {
  'unclosed flow sequence': /yaml-syntax/,
  tabs: /yaml-syntax/,
  'a list instead of a mapping': /config-invalid/,
  'placements is a number': /config-invalid/,
  'files is a mapping, clusters a number': /config-invalid/,
  'unknown rule and severity': /config-invalid/,
  'binary garbage': /yaml-syntax|config-invalid/,
};
const CONFIG_TEXT: Record<string, string> = {
  'unclosed flow sequence': 'placements:\n  - files: apps/**\n    clusters: [cluster-1, cluster-2\n',
  tabs: 'placements:\n\t- files: apps/**\n',
  'a list instead of a mapping': '- files: apps/**\n  clusters: [c1]\n',
  'placements is a number': 'placements: 5\n',
  'files is a mapping, clusters a number': 'placements:\n  - files: {a: 1}\n    clusters: 7\n',
  'unknown rule and severity': 'rules:\n  no-such-rule: off\n  yaml-syntax: loud\n',
  'binary garbage': 'placements: "\u0001\u0002\uFFFD[{\n',
};

for (const [name, want] of Object.entries(BROKEN_CONFIGS)) {
  test(`malformed tsb.config.yaml (${name}) degrades to no placements; other files are still analysed`, () => {
    const good = project(seedFiles());
    assert.ok(
      good.model().workspaces[0]?.candidates.some((c) => c.failover),
      'the seed fails over with its config',
    );
    const t = project(
      seedFiles({
        'tsb.config.yaml': CONFIG_TEXT[name]!,
        'tsb/bookinfo-ws.yaml': WS.replace('namespaceSelector', 'namespaceSelectr'),
      }),
    );
    const cfg = t.diags('tsb.config.yaml');
    assert.ok(cfg.length >= 1 && cfg.some((d) => want.test(d.rule)), JSON.stringify(cfg));
    for (const d of cfg) assert.ok(d.range.start.line >= 0 && d.message.length > 0);
    // Other files still get their own diagnostics, and the model is computed without placements.
    assert.ok(t.diags('tsb/bookinfo-ws.yaml').some((d) => d.rule === 'unknown-field'));
    assert.ok(t.model().workspaces.every((w) => w.candidates.every((c) => !c.failover)));
  });
}

test('a config fixed after being broken restores the placements', () => {
  const t = project(seedFiles({ 'tsb.config.yaml': CONFIG_TEXT['unclosed flow sequence']! }));
  assert.ok(t.model().workspaces.every((w) => w.candidates.every((c) => !c.failover)));
  t.set('tsb.config.yaml', seedFiles()['tsb.config.yaml']!);
  assert.deepEqual(t.diags('tsb.config.yaml'), []);
  assert.ok(t.model().workspaces[0]!.candidates.some((c) => c.failover));
});

test('a deleted file leaves no stale diagnostics, in itself or in the files that referred to it', () => {
  const t = project({
    'a.yaml': WS,
    'b.yaml': WS.replace(/^( *)- "\*\/bookinfo"$/m, '$1- "*/bookinfo"\n$1- "*/other"'),
    'setting.yaml': WS_SETTING,
  });
  const crossFile = (f: string) =>
    t.diags(f).filter((d) => d.rule === 'duplicate-resource' || d.rule === 'namespace-owned-twice');
  assert.ok(crossFile('a.yaml').length + crossFile('b.yaml').length >= 1, JSON.stringify(t.diags('b.yaml')));
  t.set('a.yaml', undefined);
  assert.deepEqual(t.diags('a.yaml'), []);
  assert.ok(!t.p.has(uriOf('a.yaml')));
  assert.deepEqual(crossFile('b.yaml'), []);
  for (const f of ['b.yaml', 'setting.yaml']) {
    for (const d of t.diags(f))
      for (const r of d.related ?? []) assert.notEqual(r.uri, uriOf('a.yaml'), 'related info points at a deleted file');
  }
});

test('a renamed file (remove + update under the new name) is reported under its new name only', () => {
  const t = project({ 'old.yaml': WS, 'other.yaml': WS });
  const before = t.diags('other.yaml').filter((d) => d.rule === 'duplicate-resource');
  assert.equal(before.length + t.diags('old.yaml').filter((d) => d.rule === 'duplicate-resource').length, 1);
  t.set('old.yaml', undefined);
  t.set('new.yaml', WS);
  assert.deepEqual(t.diags('old.yaml'), []);
  const all = [...t.diags('new.yaml'), ...t.diags('other.yaml')];
  assert.equal(all.filter((d) => d.rule === 'duplicate-resource').length, 1);
  for (const d of all)
    for (const r of d.related ?? []) assert.notEqual(r.uri, uriOf('old.yaml'), 'related info points at the old name');
  assert.ok(!t.p.uris().includes(uriOf('old.yaml')));
});

/** A registry whose validator throws for one kind: stands in for any rule crashing on odd input. */
class ThrowingRegistry extends SchemaRegistry {
  constructor(private readonly badKind: string) {
    super(catalog);
  }
  override validator(entry: SchemaEntry) {
    if (entry.kind === this.badKind) throw new Error(`injected failure for ${entry.kind}`);
    return super.validator(entry);
  }
}

test('a rule that throws on one document yields internal-error there; other documents and files are unaffected', () => {
  const registry = new ThrowingRegistry('WorkspaceSetting');
  const text = `${WS.replace('namespaceSelector', 'namespaceSelectr')}---\n${WS_SETTING}`;
  const fa = analyseFile('file:///x/mixed.yaml', text, 1, registry, { maxFileSize: 1 << 20 });
  const internal = fa.problems.filter((p) => p.rule === 'internal-error');
  assert.equal(internal.length, 1);
  assert.match(render(internal[0]!.message), /injected failure for WorkspaceSetting.*Other documents are unaffected/);
  assert.equal(
    fa.doc.positionAt(internal[0]!.start).line,
    text.split('\n').indexOf('apiVersion: api.tsb.tetrate.io/v2', 1),
  );
  assert.ok(
    fa.problems.some((p) => p.rule === 'unknown-field'),
    'the Workspace document is still checked',
  );

  const p = new Project(registry);
  p.update('file:///x/mixed.yaml', text, 1);
  p.update('file:///x/ws.yaml', WS, 1);
  assert.deepEqual(
    p.diagnostics('file:///x/ws.yaml').filter((d) => d.rule === 'internal-error'),
    [],
  );
  assert.equal(p.diagnostics('file:///x/mixed.yaml').filter((d) => d.rule === 'internal-error')[0]?.severity, 'error');
  assert.doesNotThrow(() => p.failoverModel());
});

test('CLI: a broken config is diagnosed on the config file; the other files are still reported', {
  skip: unlessBuilt(BUILT.cli),
}, () => {
  const files = seedFiles({
    'tsb.config.yaml': CONFIG_TEXT['unclosed flow sequence']!,
    'tsb/bookinfo-ws.yaml': WS.replace('namespaceSelector', 'namespaceSelectr'),
  });
  const dir = tempDir(files);
  const r = runCli(['check', '.', '--format', 'json'], dir);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, '');
  const ds = (JSON.parse(r.stdout) as { diagnostics: { file: string; rule: string }[] }).diagnostics;
  assert.ok(ds.some((d) => d.file === 'tsb.config.yaml' && d.rule === 'yaml-syntax'));
  assert.ok(ds.some((d) => d.file === 'tsb/bookinfo-ws.yaml' && d.rule === 'unknown-field'));
  const f = runCli(['failover', '.', '--format', 'json'], dir);
  assert.equal(f.status, 0, f.stderr);
  assert.doesNotMatch(f.stderr, STACK_TRACE);
});

test('CLI: a folder named tsb.config.yaml is not a config (no EISDIR internal error)', {
  skip: unlessBuilt(BUILT.cli),
}, () => {
  const dir = tempDir({ 'a.yaml': WS });
  fs.mkdirSync(path.join(dir, 'tsb.config.yaml'));
  const r = runCli(['check', '.', '--format', 'json'], dir);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
});
