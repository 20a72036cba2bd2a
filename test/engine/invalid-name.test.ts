// invalid-name: a metadata.name that Kubernetes or TSB rejects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, marked, none, only, project, y } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

test('a tctl-form TSB object named SPG_Cluster1_Service1 (a real ExternalCluster): warning, fix spg-cluster1-service1', () => {
  const { text, ranges } = marked(y`
    apiVersion: gateway.tsb.tetrate.io/v2
    kind: ExternalCluster
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: ws
      group: gg
      name: «SPG_Cluster1_Service1»
    spec: {}
  `);
  const t = project({ 'ec.yaml': text });
  const d = only(t.diags('ec.yaml'), 'invalid-name');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(
    d.message,
    /^ExternalCluster name "SPG_Cluster1_Service1" has upper case and `_`: TSB names must be lower-case letters, digits, `-` and `\.`/,
  );
  assert.match(d.message, /Use "spg-cluster1-service1"/);
  const fixed = applyFix(t, 'ec.yaml', d)['ec.yaml']!;
  assert.ok(fixed.includes('  name: spg-cluster1-service1\n'));
  none(project({ 'ec.yaml': fixed }).diags('ec.yaml'), 'invalid-name');
});

test('Kubernetes objects, install CRs and GitOps-form TSB objects: an error (the API server rejects them)', () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: Reviews_Svc\nspec:\n  selector: {app: reviews}\n';
  const d = only(lint(svc), 'invalid-name');
  assert.equal(d.severity, 'error');
  assert.match(
    d.message,
    /the API server rejects the object \(metadata\.name: Invalid value\): it must be a Service name \(DNS-1035 label\)/,
  );
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'reviews-svc' });
  const gw =
    'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: EastWest\n  namespace: eastwest\nspec: {}\n';
  assert.equal(only(lint(gw), 'invalid-name').severity, 'error');
  const gitops =
    'apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: Bookinfo\n  annotations:\n    tsb.tetrate.io/organization: o\n    tsb.tetrate.io/tenant: t\nspec:\n  namespaceSelector:\n    names: ["*/bookinfo"]\n';
  assert.equal(only(lint(gitops), 'invalid-name').severity, 'error');
});

test('near misses: valid names, dots in a Deployment name, placeholders, RBAC names with colons, unknown kinds', () => {
  none(lint('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews-v2.canary\nspec: {}\n'), 'invalid-name');
  none(lint('apiVersion: v1\nkind: Service\nmetadata:\n  name: ${SERVICE_NAME}\nspec: {}\n'), 'invalid-name');
  none(
    lint(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:Aggregate\nrules: []\n',
    ),
    'invalid-name',
  );
  none(
    lint('apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: My_App\nspec: {}\n'),
    'invalid-name',
  );
  // A dot is fine in most names, not in a Service's.
  only(lint('apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews.v2\nspec: {}\n'), 'invalid-name');
});
