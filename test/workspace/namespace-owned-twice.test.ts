// namespace-owned-twice: two workspaces (or two groups of one type) claim the same cluster/namespace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, uriOf, y } from '../helpers/engine';

const ws = (name: string, names: string[], tenant = 'tetrate') =>
  `apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: ${tenant}\n  name: ${name}\nspec:\n  namespaceSelector:\n    names:\n` +
  names.map((n) => `      - "${n}"\n`).join('');

const group = (api: string, name: string, names: string[]) =>
  y`
  apiVersion: ${api}
  kind: Group
  metadata:
    organization: tetrate
    tenant: tetrate
    workspace: ws-a
    name: ${name}
  spec:
    namespaceSelector:
      names:
` + names.map((n) => `      - "${n}"\n`).join('');

test('the exact same cluster/namespace in two workspaces: error on the second claim, related to the first', () => {
  const t = project({ 'a.yaml': ws('ws-a', ['*/bookinfo']), 'b.yaml': ws('ws-b', ['*/other', '*/bookinfo']) });
  none(t.diags('a.yaml'), 'namespace-owned-twice');
  const d = only(t.diags('b.yaml'), 'namespace-owned-twice');
  assert.equal(d.severity, 'error');
  assert.deepEqual(rng(d.range), [10, 8, 10, 20]);
  assert.equal(
    d.message,
    '*/bookinfo is already claimed by workspace ws-a (proj/a.yaml:10): workspaces own their namespaces exclusively.',
  );
  assert.deepEqual(
    d.related?.map((r) => [r.uri, rng(r.range), r.message]),
    [[uriOf('a.yaml'), [9, 8, 9, 20], 'claimed by ws-a']],
  );
});

test('*/ns overlaps c1/ns', () => {
  const t = project({ 'a.yaml': ws('ws-a', ['*/bookinfo']), 'b.yaml': ws('ws-b', ['c1/bookinfo', 'c1/other']) });
  const d = only(t.diags('b.yaml'), 'namespace-owned-twice');
  assert.deepEqual(rng(d.range), [9, 8, 9, 21]);
  assert.match(d.message, /^c1\/bookinfo overlaps \*\/bookinfo, which is already claimed by workspace ws-a/);
});

test('prefix wildcards: c1/book* overlaps */bookinfo; c1/ab* does not overlap c1/ba*', () => {
  const t = project({ 'a.yaml': ws('ws-a', ['c1/book*']), 'b.yaml': ws('ws-b', ['*/bookinfo']) });
  assert.match(only(t.diags('b.yaml'), 'namespace-owned-twice').message, /overlaps c1\/book\*/);
  const t2 = project({ 'a.yaml': ws('ws-a', ['c1/ab*']), 'b.yaml': ws('ws-b', ['c1/ba*']) });
  none(t2.diags('b.yaml'), 'namespace-owned-twice');
  const t3 = project({ 'a.yaml': ws('ws-a', ['c1/ab*']), 'b.yaml': ws('ws-b', ['c1/abc*']) });
  only(t3.diags('b.yaml'), 'namespace-owned-twice');
  const t4 = project({ 'a.yaml': ws('ws-a', ['*/*']), 'b.yaml': ws('ws-b', ['c9/anything']) });
  only(t4.diags('b.yaml'), 'namespace-owned-twice');
});

test('different clusters or different namespaces do not overlap', () => {
  const t = project({
    'a.yaml': ws('ws-a', ['c1/bookinfo']),
    'b.yaml': ws('ws-b', ['c2/bookinfo']),
    'c.yaml': ws('ws-c', ['c1/book']),
  });
  for (const f of ['a.yaml', 'b.yaml', 'c.yaml']) none(t.diags(f), 'namespace-owned-twice');
});

test('the same workspace listed twice is a duplicate, not an ownership conflict', () => {
  const t = project({ 'a.yaml': ws('ws-a', ['*/bookinfo']), 'b.yaml': ws('ws-a', ['*/bookinfo']) });
  none(t.diags('b.yaml'), 'namespace-owned-twice');
});

test('two groups of the same type in one workspace conflict; groups of different types do not', () => {
  const t = project({
    'w.yaml': ws('ws-a', ['*/*']),
    'g1.yaml': group('traffic.tsb.tetrate.io/v2', 'tg1', ['*/bookinfo']),
    'g2.yaml': group('traffic.tsb.tetrate.io/v2', 'tg2', ['*/bookinfo']),
    'g3.yaml': group('security.tsb.tetrate.io/v2', 'sg1', ['*/bookinfo']),
  });
  const d = only(t.diags('g2.yaml'), 'namespace-owned-twice');
  assert.deepEqual(rng(d.range), [10, 8, 10, 20]);
  assert.equal(
    d.message,
    '*/bookinfo is already claimed by group tg1 (proj/g1.yaml:11): traffic groups own their namespaces exclusively.',
  );
  none(t.diags('g1.yaml'), 'namespace-owned-twice');
  none(t.diags('g3.yaml'), 'namespace-owned-twice');
});

test('workspaces of different tenants of one organization still cannot own the same namespace', () => {
  const t = project({ 'a.yaml': ws('ws-a', ['*/bookinfo']), 'b.yaml': ws('ws-b', ['*/bookinfo'], 'other') });
  only(t.diags('b.yaml'), 'namespace-owned-twice');
});
