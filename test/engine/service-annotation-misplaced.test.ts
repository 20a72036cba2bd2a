// service-annotation-misplaced: a load-balancer annotation on an install CR's own metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, marked, none, only, project, y } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

test('cloud.google.com/load-balancer-type on the CR metadata: error on the key, fix moves it under kubeSpec.service.annotations', () => {
  const { text, ranges } = marked(y`
    apiVersion: install.tetrate.io/v1alpha1
    kind: IngressGateway
    metadata:
      name: internal-gw
      namespace: edge
      annotations:
        «cloud.google.com/load-balancer-type»: Internal
    spec:
      kubeSpec:
        service:
          type: LoadBalancer
  `);
  const t = project({ 'gw.yaml': text });
  const d = only(t.diags('gw.yaml'), 'service-annotation-misplaced');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, ranges[0]);
  assert.equal(
    d.message,
    '`cloud.google.com/load-balancer-type` is an annotation of the gateway\'s Service, but it is on the IngressGateway install CR\'s own metadata, which the operator does not copy to the Service: it has no effect (an "internal" load balancer is created public). Move it to spec.kubeSpec.service.annotations.',
  );
  const fixed = applyFix(t, 'gw.yaml', d)['gw.yaml']!;
  assert.equal(
    fixed,
    y`
    apiVersion: install.tetrate.io/v1alpha1
    kind: IngressGateway
    metadata:
      name: internal-gw
      namespace: edge
    spec:
      kubeSpec:
        service:
          type: LoadBalancer
          annotations:
            cloud.google.com/load-balancer-type: Internal
  `,
  );
  assert.deepEqual(project({ 'gw.yaml': fixed }).diags('gw.yaml'), []);
});

test('the fix creates kubeSpec.service when missing and keeps the other annotations', () => {
  const text = y`
    apiVersion: install.tetrate.io/v1alpha1
    kind: Tier1Gateway
    metadata:
      name: t1
      namespace: t1
      annotations:
        team: edge
        service.beta.kubernetes.io/aws-load-balancer-internal: "true"
    spec:
      kubeSpec:
        deployment:
          replicaCount: 2
  `;
  const t = project({ 'gw.yaml': text });
  const fixed = applyFix(t, 'gw.yaml', only(t.diags('gw.yaml'), 'service-annotation-misplaced'))['gw.yaml']!;
  assert.equal(
    fixed,
    y`
    apiVersion: install.tetrate.io/v1alpha1
    kind: Tier1Gateway
    metadata:
      name: t1
      namespace: t1
      annotations:
        team: edge
    spec:
      kubeSpec:
        deployment:
          replicaCount: 2
        service:
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-internal: "true"
  `,
  );
  assert.deepEqual(project({ 'gw.yaml': fixed }).diags('gw.yaml'), []);
});

test('near misses: annotations already under kubeSpec.service, other annotations on the CR, a Kubernetes Service', () => {
  none(
    lint(y`
    apiVersion: install.tetrate.io/v1alpha1
    kind: IngressGateway
    metadata:
      name: gw
      namespace: gw
      annotations:
        argocd.argoproj.io/sync-wave: "2"
    spec:
      kubeSpec:
        service:
          annotations:
            service.beta.kubernetes.io/azure-load-balancer-internal: "false"
  `),
    'service-annotation-misplaced',
  );
  none(
    lint(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: gw\n  annotations:\n    cloud.google.com/load-balancer-type: Internal\nspec: {}\n',
    ),
    'service-annotation-misplaced',
  );
});

test('the move keeps CRLF line breaks, and works on a kind: List item', () => {
  const crlf =
    'apiVersion: install.tetrate.io/v1alpha1\r\nkind: IngressGateway\r\nmetadata:\r\n  name: gw\r\n  namespace: gw\r\n  annotations:\r\n    cloud.google.com/load-balancer-type: Internal\r\nspec:\r\n  kubeSpec:\r\n    service:\r\n      type: LoadBalancer\r\n';
  const t = project({ 'gw.yaml': crlf });
  const fixed = applyFix(t, 'gw.yaml', only(t.diags('gw.yaml'), 'service-annotation-misplaced'))['gw.yaml']!;
  assert.equal(
    fixed,
    'apiVersion: install.tetrate.io/v1alpha1\r\nkind: IngressGateway\r\nmetadata:\r\n  name: gw\r\n  namespace: gw\r\nspec:\r\n  kubeSpec:\r\n    service:\r\n      type: LoadBalancer\r\n      annotations:\r\n        cloud.google.com/load-balancer-type: Internal\r\n',
  );
  const list = y`
    apiVersion: v1
    kind: List
    items:
      - apiVersion: install.tetrate.io/v1alpha1
        kind: IngressGateway
        metadata:
          name: gw
          namespace: gw
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-scheme: internal
        spec:
          kubeSpec:
            service:
              type: LoadBalancer
  `;
  const tl = project({ 'list.yaml': list });
  const out = applyFix(tl, 'list.yaml', only(tl.diags('list.yaml'), 'service-annotation-misplaced'))['list.yaml']!;
  assert.ok(
    out.endsWith(
      '          type: LoadBalancer\n          annotations:\n            service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n',
    ),
    out,
  );
  assert.deepEqual(project({ 'list.yaml': out }).diags('list.yaml'), []);
});
