// yaml-syntax: YAML that does not parse (tabs, unclosed quotes, bad indentation, duplicate keys).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, none, rng, project } from '../helpers/engine';

test('a tab used for indentation is an error on the tab itself', () => {
  const d = only(
    lint('apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n\torganization: tetrate\n'),
    'yaml-syntax',
  );
  assert.equal(d.severity, 'error');
  assert.deepEqual(rng(d.range), [3, 0, 3, 1]);
  assert.match(d.message, /Tabs are not allowed/);
});

test('a duplicate key points at the second key', () => {
  const text =
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  organization: other\n  tenant: t\n  name: x\nspec:\n  namespaceSelector:\n    names: ["*/x"]\n';
  const d = only(lint(text), 'yaml-syntax');
  assert.equal(d.severity, 'error');
  assert.equal(d.range.start.line, 4);
  assert.equal(d.range.start.character, 2);
  assert.match(d.message, /twice.*replace the first/);
});

test('a duplicate key says where the first one is: the whole key, "N lines above", related information on the first', () => {
  const text =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  labels:\n    app: reviews\n  name: reviews-v2\n';
  const t = project({ 'svc.yaml': text });
  const d = only(t.diags('svc.yaml'), 'yaml-syntax');
  assert.deepEqual(rng(d.range), [6, 2, 6, 6]);
  assert.equal(
    d.message,
    '`name` is set twice in this mapping (keys must be unique; the first one is 3 lines above): the second value would silently replace the first. Remove one of them.',
  );
  assert.deepEqual(
    d.related?.map((r) => [r.uri, rng(r.range), r.message]),
    [[t.uri('svc.yaml'), [3, 2, 3, 6], 'the first `name`']],
  );
});

test('a duplicate key in the second document of a file: the related range is in that document', () => {
  const t = project({
    'two.yaml':
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: b, name: c }\n',
  });
  const d = only(t.diags('two.yaml'), 'yaml-syntax');
  assert.deepEqual(rng(d.range), [7, 21, 7, 25]);
  assert.match(d.message, /earlier on this line/);
  assert.deepEqual(
    d.related?.map((r) => rng(r.range)),
    [[7, 12, 7, 16]],
  );
});

test('an over-indented key is a syntax error on that block', () => {
  const ds = lint(
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n   tenant: tetrate\n  name: x\n',
  ).filter((d) => d.rule === 'yaml-syntax');
  assert.ok(ds.length >= 1);
  for (const d of ds) {
    assert.equal(d.severity, 'error');
    assert.ok(d.range.start.line >= 3 && d.range.start.line <= 4, `line ${d.range.start.line}`);
  }
});

test('an unclosed quote is reported', () => {
  const ds = lint('apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: "unclosed\n  tenant: t\n');
  const d = ds.find((x) => x.rule === 'yaml-syntax');
  assert.ok(d);
  assert.equal(d.severity, 'error');
  assert.match(d.message, /quote/i);
});

test('an unclosed quote is underlined at the opening quote, with a message about quotes', () => {
  const ds = lint('apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: "unclosed\n  tenant: t\n');
  const d = only(ds, 'yaml-syntax');
  assert.equal(d.range.start.line, 3);
  assert.equal(d.range.start.character, 8);
  assert.ok(d.range.end.line > d.range.start.line || d.range.end.character > d.range.start.character);
  assert.doesNotMatch(d.message, /indentation/);
});

test('a syntax error in one document does not hide the others', () => {
  const text =
    'apiVersion: v1\nkind: Namespace\nmetadata:\n\tname: x\n---\napiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: g\n  namespace: eastwest\nspec:\n  eastWestOnly: "true"\n';
  const ds = lint(text);
  assert.deepEqual(rng(only(ds, 'yaml-syntax').range), [3, 0, 3, 1]);
  assert.deepEqual(rng(only(ds, 'invalid-type').range), [11, 16, 11, 22]);
});

test('valid YAML and non-TSB YAML give no syntax error', () => {
  none(lint('name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), 'yaml-syntax');
  assert.deepEqual(lint('name: CI\non: [push]\n'), []);
  assert.deepEqual(lint(''), []);
  assert.deepEqual(lint('# only a comment\n'), []);
});

test('syntax errors are reported even for files that are not TSB (the user still wants to know)', () => {
  const t = project({ 'ci.yaml': 'a:\n\tb: 1\n' });
  assert.deepEqual(t.rules('ci.yaml'), ['yaml-syntax']);
});
