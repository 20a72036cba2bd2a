// The cross-file step in slices: the language server runs `deriveSteps` a slice at a time, so it must
// yield often on a large project and give exactly the results of a derive in one go; a file's own
// problems are available without it; readers may take the last complete results while it runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project } from '../../server/src/engine/index';
import { registry } from '../helpers/engine';

const ROOT = 'file:///derive';

function files(n: number): Record<string, string> {
  const out: Record<string, string> = {
    'tenancy.yaml': 'apiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\nmetadata:\n  organization: tetrate\n  name: t\n',
  };
  for (let f = 0; f < n / 20; f++) {
    const docs: string[] = [];
    for (let i = f * 20; i < (f + 1) * 20; i++) {
      docs.push(
        `apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: ${i % 7 ? 't' : 'tx'}\n  name: ws-${i}\nspec:\n  namespaceSelector:\n    names: ["*/ns-${i}", "*/shared"]\n`,
      );
      docs.push(
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${i}\n${i % 3 ? '  labels: {istio-injection: enabled}\n' : ''}`,
      );
    }
    out[`f-${f}.yaml`] = docs.join('---\n');
  }
  return out;
}

function load(fs: Record<string, string>): Project {
  const p = new Project(registry());
  for (const [name, text] of Object.entries(fs)) p.update(`${ROOT}/${name}`, text);
  return p;
}

test('deriveSteps yields many times on a large project and gives the results of a derive in one go', () => {
  const fs = files(2000);
  const sliced = load(fs);
  let yields = 0;
  for (const _ of sliced.deriveSteps()) yields++;
  assert.ok(yields > 20, `${yields} yields`);
  assert.equal(sliced.checked, true);
  const whole = load(fs);
  for (const name of Object.keys(fs))
    assert.deepEqual(sliced.diagnostics(`${ROOT}/${name}`), whole.diagnostics(`${ROOT}/${name}`), name);
  assert.deepEqual(sliced.failoverModel(), whole.failoverModel());
  const rules = new Set(Object.keys(fs).flatMap((n) => whole.diagnostics(`${ROOT}/${n}`).map((d) => d.rule)));
  assert.ok(
    rules.has('parent-not-found') && rules.has('namespace-owned-twice') && rules.has('namespace-not-injected'),
    [...rules].join(', '),
  );
});

test('a derive interrupted by a change keeps nothing stale', () => {
  const fs = files(200);
  const p = load(fs);
  const steps = p.deriveSteps();
  for (let i = 0; i < 3; i++) steps.next();
  // A tenant is renamed half-way: what the interrupted derive computed must not be used.
  p.update(`${ROOT}/tenancy.yaml`, fs['tenancy.yaml']!.replace('name: t\n', 'name: tx\n'));
  while (!steps.next().done) {
    /* finish the old run */
  }
  assert.equal(p.checked, false);
  const fresh = load({ ...fs, 'tenancy.yaml': fs['tenancy.yaml']!.replace('name: t\n', 'name: tx\n') });
  for (const name of Object.keys(fs))
    assert.deepEqual(p.diagnostics(`${ROOT}/${name}`), fresh.diagnostics(`${ROOT}/${name}`), name);
});

test('own diagnostics need no cross-file step; stale reads take the last complete results only when allowed', () => {
  const fs = files(40);
  const p = load(fs);
  const own = p.diagnostics(`${ROOT}/f-0.yaml`, { crossFile: false });
  assert.equal(p.checked, false, 'no derive for own diagnostics');
  assert.deepEqual(
    own,
    p
      .diagnostics(`${ROOT}/f-0.yaml`)
      .filter((d) => !['parent-not-found', 'namespace-owned-twice', 'namespace-not-injected'].includes(d.rule)),
  );
  const before = p.resolved();
  p.update(`${ROOT}/extra.yaml`, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n');
  let stale = true;
  p.setStaleReads(() => stale);
  assert.equal(p.resolved(), before, 'the last complete results while stale reads are allowed');
  stale = false;
  const after = p.resolved();
  assert.notEqual(after, before);
  assert.ok(after.namespaces.some((n) => n.fact.name === 'extra'));
});
