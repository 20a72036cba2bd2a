// service-selector-no-match: an exposedServices serviceLabels entry matches no Service in the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, only, none, rng, seedFiles, uriOf, BOOKINFO, WS_SETTING } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

const SET = 'tsb/bookinfo-ws-setting.yaml';
const exposed = (...entries: string[]) =>
  WS_SETTING + '      exposedServices:\n' + entries.map((e) => `        - serviceLabels:\n            ${e}\n`).join('');

test('seed-exposed-services: failover: enable matches nothing (warning on that serviceLabels), app: details matches', () => {
  const t = project(seedFiles({ [SET]: exposed('failover: enable', 'app: details') }));
  const ds = t.diags(SET);
  const d = only(ds, 'service-selector-no-match');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [14, 10, 14, 23]);
  assert.match(
    d.message,
    /^exposedServices selector failover=enable matches no Service in workspace bookinfo-ws's namespaces \(serviceLabels match Service labels, not pod labels\); their labels are app=details, service=details/,
  );
  assert.deepEqual(
    ds.filter((x) => x.severity === 'error'),
    [],
  );
});

test("a selector sharing a key with a Service names that Service's value", () => {
  const t = project(seedFiles({ [SET]: exposed('app: detail') }));
  const d = only(t.diags(SET), 'service-selector-no-match');
  assert.match(d.message, /; details has app=details\.$/);
});

test('Service labels, not pod labels: version=v1 is a pod label only', () => {
  const t = project(seedFiles({ [SET]: exposed('version: v1') }));
  only(t.diags(SET), 'service-selector-no-match');
});

test('matching selectors and an empty exposedServices give no warning', () => {
  none(
    project(seedFiles({ [SET]: exposed('app: details', 'service: reviews') })).diags(SET),
    'service-selector-no-match',
  );
  none(project(seedFiles()).diags(SET), 'service-selector-no-match');
});

test('a workspace with no Services in the project is not checked', () => {
  const t = project(seedFiles({ [SET]: exposed('failover: enable'), 'apps/bookinfo.yaml': undefined }));
  none(t.diags(SET), 'service-selector-no-match');
});

test("Services outside the workspace's namespaces do not count", () => {
  const other =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  namespace: elsewhere\n  labels:\n    failover: enable\nspec:\n  selector:\n    app: x\n';
  const t = project(seedFiles({ [SET]: exposed('failover: enable'), 'apps/other.yaml': other }));
  only(t.diags(SET), 'service-selector-no-match');
});

test('the nearest Service is the one whose labels are closest, not the first sharing a key; the fix selects its labels', () => {
  // reviews' Service label was changed to app=review: the message used to name details (app=details).
  const bookinfo = BOOKINFO.replace(
    '  labels:\n    app: reviews\n    service: reviews\n',
    '  labels:\n    app: review\n    service: reviews\n',
  );
  assert.notEqual(bookinfo, BOOKINFO);
  const t = project(seedFiles({ [SET]: exposed('app: reviews'), 'apps/bookinfo.yaml': bookinfo }));
  const d = only(t.diags(SET), 'service-selector-no-match');
  assert.match(d.message, /; reviews has app=review\.$/);
  assert.deepEqual(d.data, { fix: 'replace-labels', labels: { app: 'review' } });
  assert.equal(d.related?.[0]?.uri, uriOf('apps/bookinfo.yaml'));
  assert.match(d.related?.[0]?.message ?? '', /^Service reviews \(labels app=review,service=reviews\)$/);
});

test('a selector sharing no key with any Service gets no fix (the answer is not known)', () => {
  const d = only(project(seedFiles({ [SET]: exposed('failover: enable') })).diags(SET), 'service-selector-no-match');
  assert.equal(d.data, undefined);
});

test("the quick fix selects the nearest Service's labels, and the warning goes away", () => {
  const bookinfo = BOOKINFO.replace(
    '  labels:\n    app: reviews\n    service: reviews\n',
    '  labels:\n    app: review\n    service: reviews\n',
  );
  const t = project(seedFiles({ [SET]: exposed('app: reviews'), 'apps/bookinfo.yaml': bookinfo }));
  const fixed = applyFix(t, SET, only(t.diags(SET), 'service-selector-no-match'))[SET]!;
  assert.ok(fixed.endsWith('        - serviceLabels:\n            app: review\n'), fixed);
  none(project(seedFiles({ [SET]: fixed, 'apps/bookinfo.yaml': bookinfo })).diags(SET), 'service-selector-no-match');
});
