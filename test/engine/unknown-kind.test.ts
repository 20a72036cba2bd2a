// unknown-kind: a *.tetrate.io apiVersion/kind pair that does not exist, with the nearest suggestion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, none, rng } from '../helpers/engine';

test('a misspelled kind suggests the nearest kind of that apiVersion, range on the kind value', () => {
  const d = only(lint('apiVersion: api.tsb.tetrate.io/v2\nkind: Workspce\nmetadata:\n  name: x\n'), 'unknown-kind');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [1, 6, 1, 14]);
  assert.match(d.message, /did you mean Workspace\?/);
  assert.equal(d.data?.fix, 'replace-value');
  assert.ok(d.data?.fix === 'replace-value' && d.data.to === 'Workspace');
  assert.ok(d.data?.fix === 'replace-value' && d.data.candidates?.includes('WorkspaceSetting'));
});

test('a kind that exists under another apiVersion suggests that apiVersion, range on the apiVersion value', () => {
  const d = only(
    lint('apiVersion: api.tsb.tetrate.io/v2\nkind: IngressGateway\nmetadata:\n  name: x\n'),
    'unknown-kind',
  );
  assert.deepEqual(rng(d.range), [0, 12, 0, 33]);
  assert.match(d.message, /IngressGateway is gateway\.tsb\.tetrate\.io\/v2 or install\.tetrate\.io\/v1alpha1/);
  assert.deepEqual(d.data, {
    fix: 'replace-value',
    to: 'gateway.tsb.tetrate.io/v2',
    candidates: ['gateway.tsb.tetrate.io/v2', 'install.tetrate.io/v1alpha1'],
  });
});

test('a wrong version of a known group suggests the right apiVersion', () => {
  const d = only(lint('apiVersion: api.tsb.tetrate.io/v3\nkind: Workspace\nmetadata:\n  name: x\n'), 'unknown-kind');
  assert.deepEqual(rng(d.range), [0, 12, 0, 33]);
  assert.ok(d.data?.fix === 'replace-value' && d.data.to === 'api.tsb.tetrate.io/v2');
});

test('an unknown tetrate.io group is reported on the apiVersion value', () => {
  const d = only(lint('apiVersion: foo.tetrate.io/v1\nkind: Bar\nmetadata:\n  name: x\n'), 'unknown-kind');
  assert.deepEqual(rng(d.range), [0, 12, 0, 29]);
  assert.match(d.message, /not a TSB API version/);
});

test('unknown-kind in a later document has the right line', () => {
  const ds = lint(
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n---\napiVersion: traffic.tsb.tetrate.io/v2\nkind: ServiceRoot\nmetadata:\n  name: x\n',
  );
  const d = only(ds, 'unknown-kind');
  assert.deepEqual(rng(d.range), [6, 6, 6, 17]);
  assert.ok(d.data?.fix === 'replace-value' && d.data.to === 'ServiceRoute');
});

test('known kinds and non-tetrate apiVersions are not reported', () => {
  none(lint('apiVersion: api.tsb.tetrate.io/v2\nkind: Organization\nmetadata:\n  name: tetrate\n'), 'unknown-kind');
  none(lint('apiVersion: example.com/v1\nkind: Whatever\nmetadata:\n  name: x\n'), 'unknown-kind');
  none(lint('apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n'), 'unknown-kind');
});

test('a TSB document without kind: missing-field with the kind guessed from its spec', () => {
  const d = only(
    lint(
      'apiVersion: api.tsb.tetrate.io/v2\nmetadata:\n  name: x\n  organization: o\n  tenant: t\nspec:\n  namespaceSelector:\n    names: ["*/x"]\n',
    ),
    'missing-field',
  );
  assert.deepEqual(rng(d.range), [0, 0, 0, 33]);
  assert.match(d.message, /no `kind`; from its fields it looks like a Workspace/);
  assert.deepEqual(d.data, { fix: 'add-field', field: 'kind', snippet: 'kind: Workspace', indent: 0 });
});
