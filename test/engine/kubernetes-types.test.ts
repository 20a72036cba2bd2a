// invalid-type / invalid-value in the Kubernetes objects TSB depends on (replicas, ports), next to TSB files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marked, none, only, project, y, WS } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

const deployment = (replicas: string, port: string) => y`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: reviews-v1
  spec:
    replicas: ${replicas}
    template:
      metadata:
        labels:
          app: reviews
      spec:
        containers:
          - name: reviews
            ports:
              - containerPort: ${port}
`;

test('replicas: "2" and containerPort: "9080" next to TSB files: invalid-type on each value, fix removes the quotes', () => {
  const { text, ranges } = marked(deployment('«"2"»', '«"9080"»'));
  const t = project({ 'ws.yaml': WS, 'app.yaml': text });
  const ds = t.diags('app.yaml', 'invalid-type');
  assert.deepEqual(
    ds.map((d) => d.range),
    [ranges[0], ranges[1]],
  );
  assert.equal(
    ds[0]!.message,
    '`replicas` must be a whole number, not "2": the API server rejects the Deployment (a string cannot be read into an integer field). Remove the quotes.',
  );
  const fixed = applyFix(t, 'app.yaml', ds[0]!)['app.yaml']!;
  assert.ok(fixed.includes('  replicas: 2\n'));
});

test('a Service port out of range is invalid-value; targetPort 0 and nodePort 0 (defaults) are fine', () => {
  const svc =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\nspec:\n  ports:\n    - port: 70000\n      targetPort: 0\n      nodePort: 0\n';
  const d = only(project({ 'ws.yaml': WS, 'svc.yaml': svc }).diags('svc.yaml'), 'invalid-value');
  assert.match(d.message, /^`port` must be a port number from 1 to 65535, not 70000/);
  assert.equal(d.range.start.line, 6);
});

test('near misses: a project without TSB files, placeholders, a named targetPort', () => {
  none(project({ 'app.yaml': deployment('"2"', '"9080"') }).diags('app.yaml'), 'invalid-type');
  none(
    project({ 'ws.yaml': WS, 'app.yaml': deployment('${REPLICAS}', '{{ .Values.port }}') }).diags('app.yaml'),
    'invalid-type',
  );
  const svc =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\nspec:\n  ports:\n    - port: 9080\n      targetPort: http\n';
  assert.deepEqual(project({ 'ws.yaml': WS, 'svc.yaml': svc }).diags('svc.yaml'), []);
});
