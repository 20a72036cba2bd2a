// file-skipped: templated, binary, oversized files are not analysed: one info, never a flood of errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, project, rng } from '../helpers/engine';

test('{{ }} in values does not skip the file: one notice at the first templated value, the rest is checked', () => {
  const text =
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: o\n  tenant: {{ .Values.tenant | quote }}\n  name: {{ .Values.name }}\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n  privilegd: true\n';
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => [d.rule, d.severity]),
    [
      ['file-skipped', 'info'],
      ['unknown-field', 'error'],
    ],
  );
  assert.deepEqual(rng(ds[0]!.range), [4, 10, 4, 38]);
  assert.match(ds[0]!.message, /placeholders/);
  assert.match(ds[1]!.message, /privileged/);
});

test('Helm control structures with {{- }} are skipped too', () => {
  const ds = lint('{{- if .Values.enabled }}\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n{{- end }}\n');
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['file-skipped'],
  );
  assert.deepEqual(rng(ds[0]!.range), [0, 0, 0, 25]);
});

test('{{ in a comment is prose, not a template', () => {
  assert.deepEqual(lint('# rendered from {{ .Values }}\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n'), []);
});

test('a file with NUL bytes is binary and skipped', () => {
  const ds = lint('apiVersion: v1\u0000\nkind: x\n');
  assert.deepEqual(
    ds.map((d) => [d.rule, d.severity]),
    [['file-skipped', 'info']],
  );
  assert.deepEqual(rng(ds[0]!.range), [0, 0, 0, 15]);
  assert.match(ds[0]!.message, /binary/);
});

test('the caller can mark a file as a template (Helm chart templates/)', () => {
  const t = project({});
  t.p.update('file:///proj/chart/templates/ws.yaml', 'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\n', 1, {
    template: true,
  });
  const ds = t.p.diagnostics('file:///proj/chart/templates/ws.yaml');
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['file-skipped'],
  );
  assert.match(ds[0]!.message, /Helm chart template/);
});

test('a file above maxFileSize is skipped', () => {
  const big = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "' + 'x'.repeat(2000) + '"\n';
  const ds = project({ 'big.yaml': big }, { maxFileSize: 1000 }).diags('big.yaml');
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['file-skipped'],
  );
  assert.match(ds[0]!.message, /limit/);
});

test('a skipped file contributes no facts (its Workspace does not exist for other files)', () => {
  const t = project({
    'a.yaml':
      '{{- if .Values.enabled }}\napiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: o\n  tenant: t\n  name: ws\nspec:\n  namespaceSelector:\n    names: ["*/x"]\n{{- end }}\n',
  });
  assert.deepEqual(t.rules('a.yaml'), ['file-skipped']);
  assert.deepEqual(t.model().workspaces, []);
});

test('a file with an empty first line still gets a non-empty, valid range', () => {
  const ds = lint('\n{{ include "ns" . }}\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n');
  assert.equal(ds.length, 1);
  assert.equal(ds[0]!.range.start.line, 0);
});

// ---- shell / envsubst / Terraform placeholders in typed fields --------------------------------------

const CP = (port: string) => `apiVersion: install.tetrate.io/v1alpha1
kind: ControlPlane
metadata:
  name: controlplane
  namespace: istio-system
spec:
  hub: $REGISTRY
  managementPlane:
    host: $TSB_API_SERVER_HOST
    port: ${port}
    clusterName: $CLUSTER
  telemetryStore:
    elastic:
      host: $TSB_API_SERVER_HOST
      port: ${port}
`;

test('envsubst placeholders in integer fields are not type errors: one notice for the file, on the first one', () => {
  const ds = lint(CP('$TSB_API_SERVER_PORT'));
  assert.deepEqual(
    ds.map((d) => [d.rule, d.severity]),
    [['file-skipped', 'info']],
  );
  assert.deepEqual(rng(ds[0]!.range), [9, 10, 9, 30]);
  // The same file with a wrong literal still gets the type error.
  assert.deepEqual(
    lint(CP('"8443"')).map((d) => d.rule),
    ['invalid-type', 'invalid-type'],
  );
});

test('${VAR}, $(command), __VAR__ and Terraform ${var.x} placeholders are recognised', () => {
  for (const v of [
    '${INIT_WEIGHT}',
    '$(jq -r .weight cfg.json)',
    '__WEIGHT__',
    '${var.weight}',
    '"{{ .Values.weight }}"',
  ]) {
    const text = `apiVersion: traffic.tsb.tetrate.io/v2\nkind: ServiceRoute\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\n  name: r\nspec:\n  service: ns/reviews.ns.svc.cluster.local\n  subsets:\n    - name: v1\n      labels: { version: v1 }\n      weight: ${v}\n`;
    assert.deepEqual(
      lint(text).map((d) => d.rule),
      ['file-skipped'],
      v,
    );
  }
});

test('the placeholder notice is said once per file, across documents', () => {
  const ds = lint(`${CP('$PORT')}---\n${CP('$PORT')}`);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['file-skipped'],
  );
});

test('plain values that merely contain a $ or braces are still checked', () => {
  assert.deepEqual(
    lint(CP('"84$"')).map((d) => d.rule),
    ['invalid-type', 'invalid-type'],
  );
});

test('template detection is linear: long runs of blank lines and of { are quick', () => {
  const blank = '\n'.repeat(100_000) + 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n';
  const braces = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "' + '{'.repeat(200_000) + '"\n';
  // Correctness here; the timing is measured by the benchmark. A quadratic scan took seconds on each.
  assert.deepEqual(lint(blank), []);
  assert.deepEqual(lint(braces), []);
});

test('Terraform %{ } directives and whole-block ${VAR} substitutions that break YAML skip the file', () => {
  const tf = lint('image:%{ if dev }${"\\n"}  tag: ${tsb_version}%{ endif }\n  registry: ${registry}\n');
  assert.deepEqual(
    tf.map((d) => d.rule),
    ['file-skipped'],
  );
  assert.match(tf[0]!.message, /not YAML as written/);
  const block = lint('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n${EXTRA_BLOCK}\n  c: d\n');
  assert.deepEqual(
    block.map((d) => d.rule),
    ['file-skipped'],
  );
  // A real syntax error in a file without template expressions is still a syntax error.
  assert.deepEqual(
    lint('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\nbroken\n  c: d\n')
      .map((d) => d.rule)
      .includes('yaml-syntax'),
    true,
  );
});
