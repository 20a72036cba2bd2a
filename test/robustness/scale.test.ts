// Scale of the cross-file rules: many TSB objects in one project must not make diagnostics
// quadratic (or worse); docs/robustness.md ("Bugs found") has the history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newProject } from './support';

const ws = (name: string, ns: string) =>
  `apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: ${name}\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\nspec:\n  namespaceSelector:\n    names: ["${ns}"]\n`;

function timed(text: string) {
  const p = newProject();
  p.update('file:///scale/a.yaml', text, 1);
  const t0 = performance.now();
  const ds = p.diagnostics('file:///scale/a.yaml');
  return { ds, ms: performance.now() - t0 };
}

test('N workspaces claiming one namespace give at most N-1 namespace-owned-twice diagnostics, not N²/2', () => {
  const { ds } = timed(Array.from({ length: 100 }, (_, i) => ws(`ws${i}`, 'c1/shared')).join('---\n'));
  const owned = ds.filter((d) => d.rule === 'namespace-owned-twice');
  assert.ok(owned.length >= 1 && owned.length <= 99, `${owned.length} diagnostics`);
});

test('1,000 workspaces with distinct namespaces: cross-file diagnostics in well under a second', (t) => {
  const { ds, ms } = timed(Array.from({ length: 1000 }, (_, i) => ws(`ws${i}`, `c1/ns${i}`)).join('---\n'));
  t.diagnostic(`${ms.toFixed(0)} ms`);
  assert.deepEqual(
    ds.filter((d) => d.rule === 'namespace-owned-twice'),
    [],
  );
  // Generous: catches the quadratic pass (seconds), not machine speed; timings live in bench/.
  assert.ok(ms < 5000, `${ms.toFixed(0)} ms (a linear pass takes well under a second)`);
});

test('1,000 duplicated resources in one file: diagnostics stay linear', (t) => {
  const { ds, ms } = timed(Array.from({ length: 1000 }, (_, i) => ws('same', `c1/ns${i}`)).join('---\n'));
  t.diagnostic(`${ms.toFixed(0)} ms, ${ds.length} diagnostics`);
  assert.equal(ds.filter((d) => d.rule === 'duplicate-resource').length, 999);
  assert.ok(ms < 10000, `${ms.toFixed(0)} ms`);
});
