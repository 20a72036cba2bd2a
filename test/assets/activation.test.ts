// The extension starts on TSB files in the workspace, not only when a YAML editor opens: each real
// repository of the corpus (../shared/corpus/trees, skipped when absent) and each bundled example holds a
// file that one of package.json's `workspaceContains` patterns matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { repoRoot } from '../helpers/repo';
import { needShared } from '../helpers/shared';

const root = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { activationEvents: string[] };
const patterns = pkg.activationEvents
  .filter((e) => e.startsWith('workspaceContains:'))
  .map((e) => e.slice('workspaceContains:'.length));

function files(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory()
      ? e.name === '.git' || e.name === 'node_modules'
        ? []
        : files(p, base)
      : [path.relative(base, p).split(path.sep).join('/')];
  });
}

function activates(dir: string): string | undefined {
  const all = files(dir);
  for (const p of patterns) {
    const m = picomatch(p, { dot: true });
    const hit = all.find((f) => m(f));
    if (hit) return `${p}: ${hit}`;
  }
  return undefined;
}

test('workspaceContains patterns are globs VS Code can search', () => {
  assert.ok(patterns.length >= 2);
  assert.ok(patterns.includes('**/tsb.config.yaml'));
  for (const p of patterns) assert.match(p, /^\*\*\//, `${p} searches the whole workspace`);
});

test('the bundled examples activate the extension', () => {
  for (const ex of ['bookinfo-failover', 'common-mistakes']) assert.ok(activates(path.join(root, 'examples', ex)), ex);
});

test('every corpus repository activates the extension, none of them has a tsb.config.yaml', (t) => {
  const TREES = needShared(t, path.join('corpus', 'trees'));
  if (!TREES) return;
  const trees = fs.readdirSync(TREES).filter((d) => d.includes('__'));
  assert.ok(trees.length >= 6);
  for (const t of trees) {
    const why = activates(path.join(TREES, t));
    assert.ok(why, `${t}: no file matches ${patterns.join(', ')}`);
  }
});

test('a YAML repository without TSB files does not activate it', () => {
  const m = patterns.map((p) => picomatch(p, { dot: true }));
  for (const f of ['k8s/deployment.yaml', 'charts/web/values.yaml', '.github/workflows/ci.yml', 'docker-compose.yml']) {
    assert.ok(!m.some((x) => x(f)), f);
  }
});
