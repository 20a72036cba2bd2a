// parent-not-found: a referenced organization/tenant/workspace/group defined nowhere in the project
// (only checked for levels the project defines at all), with the nearest name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, WS, WS_SETTING, y } from '../helpers/engine';

const tenant = (name: string) =>
  `apiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\nmetadata:\n  organization: tetrate\n  name: ${name}\n`;

test('no Tenant in the project: tenant references are not checked', () => {
  const t = project({ 'ws.yaml': WS, 'set.yaml': WS_SETTING });
  none(t.diags('ws.yaml'), 'parent-not-found');
  none(t.diags('set.yaml'), 'parent-not-found');
});

test('a tenant reference that matches no defined Tenant: warning on the reference, nearest name fix', () => {
  const t = project({ 'tenant.yaml': tenant('tetrat'), 'ws.yaml': WS });
  const d = only(t.diags('ws.yaml'), 'parent-not-found');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [4, 10, 4, 17]);
  assert.equal(
    d.message,
    'Workspace bookinfo-ws refers to tenant tetrate, which is defined nowhere in the project; did you mean tetrat?',
  );
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'tetrat' });
});

test('a defined parent gives no finding', () => {
  const t = project({ 'tenant.yaml': tenant('tetrate'), 'ws.yaml': WS, 'set.yaml': WS_SETTING });
  none(t.diags('ws.yaml'), 'parent-not-found');
  none(t.diags('set.yaml'), 'parent-not-found');
});

test('workspace reference of a WorkspaceSetting: nearest workspace name', () => {
  const t = project({
    'ws.yaml': WS,
    'set.yaml': WS_SETTING.replace('workspace: bookinfo-ws', 'workspace: bookinfo-wss'),
  });
  const d = only(t.diags('set.yaml'), 'parent-not-found');
  assert.deepEqual(rng(d.range), [5, 13, 5, 25]);
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'bookinfo-ws' });
});

test('a name far from every candidate has no suggestion', () => {
  const t = project({ 'ws.yaml': WS, 'set.yaml': WS_SETTING.replace('workspace: bookinfo-ws', 'workspace: payments') });
  const d = only(t.diags('set.yaml'), 'parent-not-found');
  assert.match(d.message, /refers to workspace payments, which is defined nowhere in the project\.$/);
  assert.equal(d.data, undefined);
});

test('a workspace of the same name under another tenant does not count', () => {
  const t = project({ 'ws.yaml': WS.replace('tenant: tetrate', 'tenant: other'), 'set.yaml': WS_SETTING });
  const d = only(t.diags('set.yaml'), 'parent-not-found');
  assert.match(d.message, /exists elsewhere in the hierarchy/);
});

test('group references are checked against groups of the matching type only', () => {
  const group = (api: string, name: string) => y`
    apiVersion: ${api}
    kind: Group
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: ${name}
    spec:
      namespaceSelector:
        names:
          - "*/bookinfo"
  `;
  const route = y`
    apiVersion: traffic.tsb.tetrate.io/v2
    kind: ServiceRoute
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      group: bookinfo-tg
      name: reviews
    spec:
      service: bookinfo/reviews.bookinfo.svc.cluster.local
      subsets:
        - name: v1
          labels:
            version: v1
  `;
  // a security group named bookinfo-tg does not satisfy a traffic group reference... but with no traffic group
  // defined at all, the traffic level is not managed by this project: no finding
  const t = project({ 'ws.yaml': WS, 'g.yaml': group('security.tsb.tetrate.io/v2', 'bookinfo-tg'), 'r.yaml': route });
  none(t.diags('r.yaml'), 'parent-not-found');
  const t2 = project({ 'ws.yaml': WS, 'g.yaml': group('traffic.tsb.tetrate.io/v2', 'bookinfo-tgg'), 'r.yaml': route });
  const d = only(t2.diags('r.yaml'), 'parent-not-found');
  assert.deepEqual(rng(d.range), [6, 9, 6, 20]);
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'bookinfo-tgg' });
  const t3 = project({ 'ws.yaml': WS, 'g.yaml': group('traffic.tsb.tetrate.io/v2', 'bookinfo-tg'), 'r.yaml': route });
  none(t3.diags('r.yaml'), 'parent-not-found');
});

test('GitOps annotations are checked and the range is the annotation value', () => {
  const gitops = y`
    apiVersion: tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      name: s
      namespace: tsb
      annotations:
        tsb.tetrate.io/organization: tetrate
        tsb.tetrate.io/tenant: tetrate
        tsb.tetrate.io/workspace: bookinfo-wz
    spec: {}
  `;
  const t = project({ 'ws.yaml': WS, 'set.yaml': gitops });
  const d = only(t.diags('set.yaml'), 'parent-not-found');
  assert.deepEqual(rng(d.range), [8, 30, 8, 41]);
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'bookinfo-ws' });
});
