// multiple-workspace-settings: more than one WorkspaceSetting for one workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, uriOf, y, WS, WS_SETTING } from '../helpers/engine';

test('a second WorkspaceSetting (other name) for the same workspace is an error on its name', () => {
  const t = project({
    'ws.yaml': WS,
    'a.yaml': WS_SETTING,
    'b.yaml': WS_SETTING.replace('name: bookinfo-ws-setting', 'name: second'),
  });
  none(t.diags('a.yaml'), 'multiple-workspace-settings');
  const d = only(t.diags('b.yaml'), 'multiple-workspace-settings');
  assert.equal(d.severity, 'error');
  assert.deepEqual(rng(d.range), [6, 8, 6, 14]);
  assert.equal(
    d.message,
    'Workspace bookinfo-ws already has WorkspaceSetting bookinfo-ws-setting (proj/a.yaml:7); a workspace has exactly one WorkspaceSetting, so merge second into it.',
  );
  assert.deepEqual(
    d.related?.map((r) => [r.uri, rng(r.range)]),
    [[uriOf('a.yaml'), [6, 8, 6, 27]]],
  );
});

test('settings of different workspaces are fine', () => {
  const t = project({
    'a.yaml': WS_SETTING,
    'b.yaml': WS_SETTING.replace('workspace: bookinfo-ws', 'workspace: other-ws'),
  });
  none(t.diags('b.yaml'), 'multiple-workspace-settings');
});

test('the first WorkspaceSetting is the one the failover model uses', () => {
  const t = project({
    'ws.yaml': WS,
    'a.yaml': WS_SETTING,
    'b.yaml': WS_SETTING.replace('name: bookinfo-ws-setting', 'name: second').replace(
      'namespace: eastwest',
      'namespace: other',
    ),
  });
  assert.deepEqual(
    t.model().workspaces[0]!.gateways.map((g) => g.namespace),
    ['eastwest'],
  );
});

test('a second copy of an extra setting is a duplicate-resource finding only, not a second "merge" error', () => {
  const second = WS_SETTING.replace('name: bookinfo-ws-setting', 'name: second');
  const t = project({ 'ws.yaml': WS, 'a.yaml': WS_SETTING, 'b.yaml': second, 'c.yaml': second });
  only(t.diags('b.yaml'), 'multiple-workspace-settings');
  none(t.diags('c.yaml'), 'multiple-workspace-settings');
  only(t.diags('c.yaml'), 'duplicate-resource');
});

test('settings of one workspace in GitOps and tctl form are two settings', () => {
  const gitops = y`
    apiVersion: tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      name: gitops-setting
      namespace: bookinfo
      annotations:
        tsb.tetrate.io/organization: tetrate
        tsb.tetrate.io/tenant: tetrate
        tsb.tetrate.io/workspace: bookinfo-ws
    spec: {}
  `;
  const t = project({ 'ws.yaml': WS, 'a.yaml': WS_SETTING, 'b.yaml': gitops });
  assert.match(
    only(t.diags('b.yaml'), 'multiple-workspace-settings').message,
    /^Workspace bookinfo-ws already has WorkspaceSetting bookinfo-ws-setting \(proj\/a\.yaml:7\)/,
  );
});
