// An edit inside a spec that changes nothing the cross-file steps read (a displayName) keeps the
// cross-file results: they are not derived again, and they equal those of a project loaded afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { only, project, seedFiles, WS, WS_SETTING } from '../helpers/engine';

const named = (display: string) => WS.replace('spec:\n', `spec:\n  displayName: ${display}\n`);

function everyFile(t: ReturnType<typeof project>, paths: string[]) {
  return Object.fromEntries(paths.map((p) => [p, t.diags(p)]));
}

test('an edit of a spec field no cross-file rule reads keeps the cross-file results', () => {
  const wrongSelector = WS_SETTING.replace('app: eastwest-gateway', 'app: eastwest-gw');
  const files = seedFiles({ 'tsb/bookinfo-ws.yaml': named('Bookinfo'), 'tsb/bookinfo-ws-setting.yaml': wrongSelector });
  const paths = Object.keys(files);
  const t = project(files);
  // There are cross-file results to keep.
  assert.ok(t.diags('tsb/bookinfo-ws-setting.yaml').some((d) => d.rule === 'gateway-selector-no-match'));
  const version = t.p.version;
  t.set('tsb/bookinfo-ws.yaml', named('Bookinfx'));
  assert.equal(t.p.version, version, 'no cross-file result depends on the displayName');
  const fresh = project({ ...files, 'tsb/bookinfo-ws.yaml': named('Bookinfx') });
  assert.deepEqual(everyFile(t, paths), everyFile(fresh, paths));
});

test('an edit of the spec of a resource defined twice derives again (duplicate-resource compares specs)', () => {
  const t = project({ 'a.yaml': named('Bookinfo'), 'b.yaml': named('Bookinfo') });
  assert.match(only(t.diags('b.yaml'), 'duplicate-resource').message, /both definitions have the same spec/);
  const version = t.p.version;
  t.set('b.yaml', named('Bookinfx'));
  assert.notEqual(t.p.version, version);
  assert.match(only(t.diags('b.yaml'), 'duplicate-resource').message, /their specs differ/);
});

test('an edit inside a spec that changes what a cross-file rule reads derives again', () => {
  const t = project({ 'ws.yaml': named('Bookinfo'), 'setting.yaml': WS_SETTING });
  const version = t.p.version;
  void t.diags('ws.yaml');
  t.set('ws.yaml', named('Bookinfo').replace('*/bookinfo', '*/bookinfx'));
  assert.notEqual(t.p.version, version);
});
