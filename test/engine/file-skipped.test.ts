// file-skipped: templated, binary, oversized files are not analysed: one info, never a flood of errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, project, rng } from '../helpers/engine';

test('a file with {{ }} template expressions is skipped with one info on its first line', () => {
  const text = 'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: {{ .Values.name }}\n  tenant: {{ .Values.tenant | quote }}\n';
  const ds = lint(text);
  assert.equal(ds.length, 1);
  const d = ds[0]!;
  assert.equal(d.rule, 'file-skipped');
  assert.equal(d.severity, 'info');
  assert.deepEqual(rng(d.range), [0, 0, 0, 33]);
  assert.match(d.message, /template expressions/);
});

test('Helm control structures with {{- }} are skipped too', () => {
  const ds = lint('{{- if .Values.enabled }}\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n{{- end }}\n');
  assert.deepEqual(ds.map((d) => d.rule), ['file-skipped']);
  assert.deepEqual(rng(ds[0]!.range), [0, 0, 0, 25]);
});

test('{{ in a comment is prose, not a template', () => {
  assert.deepEqual(lint('# rendered from {{ .Values }}\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n'), []);
});

test('a file with NUL bytes is binary and skipped', () => {
  const ds = lint('apiVersion: v1\u0000\nkind: x\n');
  assert.deepEqual(ds.map((d) => [d.rule, d.severity]), [['file-skipped', 'info']]);
  assert.deepEqual(rng(ds[0]!.range), [0, 0, 0, 15]);
  assert.match(ds[0]!.message, /binary/);
});

test('the caller can mark a file as a template (Helm chart templates/)', () => {
  const t = project({});
  t.p.update('file:///proj/chart/templates/ws.yaml', 'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\n', 1, { template: true });
  const ds = t.p.diagnostics('file:///proj/chart/templates/ws.yaml');
  assert.deepEqual(ds.map((d) => d.rule), ['file-skipped']);
  assert.match(ds[0]!.message, /Helm chart template/);
});

test('a file above maxFileSize is skipped', () => {
  const big = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "' + 'x'.repeat(2000) + '"\n';
  const ds = project({ 'big.yaml': big }, { maxFileSize: 1000 }).diags('big.yaml');
  assert.deepEqual(ds.map((d) => d.rule), ['file-skipped']);
  assert.match(ds[0]!.message, /limit/);
});

test('a skipped file contributes no facts (its Workspace does not exist for other files)', () => {
  const t = project({
    'a.yaml': 'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: o\n  tenant: t\n  name: {{ .Values.ws }}\nspec:\n  namespaceSelector:\n    names: ["*/x"]\n',
  });
  assert.deepEqual(t.model().workspaces, []);
});

test('a file with an empty first line still gets a non-empty, valid range', () => {
  const ds = lint('\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{ .Values.ns }}\n');
  assert.equal(ds.length, 1);
  assert.equal(ds[0]!.range.start.line, 0);
});
