import { test } from 'node:test';
import assert from 'node:assert/strict';
import { none, only } from '../helpers/engine';
import { ns, repo, svc, tenant, unit, workspace } from './support';

// What is never applied together, and how the rules reason over it.

const eastWestGateway = (name: string, namespace: string) => `apiVersion: install.tetrate.io/v1alpha1
kind: IngressGateway
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  eastWestOnly: true
`;

const setting = (wsName: string, gw: string) => `apiVersion: api.tsb.tetrate.io/v2
kind: WorkspaceSetting
metadata:
  organization: tetrate
  tenant: prod
  workspace: ${wsName}
  name: ${wsName}-setting
spec:
  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: gw
        labels:
          app: ${gw}
`;

function scenario(dir: string, withGateway: boolean): Record<string, string> {
  return {
    'README.md': '# Scenarios\n',
    [`scenarios/${dir}/run.sh`]: [
      'D=$(dirname "$0")',
      'tctl apply -f "$D/tsb/tenant.yaml"',
      'tctl apply -f "$D/tsb/ws.yaml"',
      'tctl apply -f "$D/tsb/setting.yaml"',
      'for c in east west; do kubectl --context $c apply -f "$D/k8s/"; done',
    ].join('\n'),
    [`scenarios/${dir}/tsb/tenant.yaml`]: tenant('prod', dir),
    [`scenarios/${dir}/tsb/ws.yaml`]: workspace('shop', ['*/shop']),
    [`scenarios/${dir}/tsb/setting.yaml`]: setting('shop', 'eastwest'),
    [`scenarios/${dir}/k8s/app.yaml`]: [ns('shop'), svc('cart', 'shop')].join('---\n'),
    ...(withGateway ? { [`scenarios/${dir}/k8s/gw.yaml`]: eastWestGateway('eastwest', 'gw') } : {}),
  };
}

test('sibling scenarios are alternatives: no duplicate, ownership or settings errors between them', () => {
  const t = repo({ ...scenario('one', true), ...scenario('two', true) });
  for (const f of ['tsb/tenant.yaml', 'tsb/ws.yaml', 'tsb/setting.yaml']) {
    for (const r of ['duplicate-resource', 'namespace-owned-twice', 'multiple-workspace-settings'])
      none(t.diags(`scenarios/two/${f}`), r);
  }
  const d = t.p.deployment();
  assert.equal(d.relation(t.uri('scenarios/one/tsb/ws.yaml'), t.uri('scenarios/two/tsb/ws.yaml')), 'never');
  assert.equal(d.relation(t.uri('scenarios/one/tsb/ws.yaml'), t.uri('scenarios/one/k8s/app.yaml')), 'together');
  assert.ok(unit(t, 'scenarios/one/tsb/ws.yaml').alternativeTo.some((n) => n.startsWith('scenarios/two')));
});

test('a scenario whose setting selects a gateway only another scenario installs gets the warning', () => {
  const t = repo({ ...scenario('one', true), ...scenario('two', false) });
  none(t.diags('scenarios/one/tsb/setting.yaml'), 'gateway-selector-no-match');
  // Before units, scenario one's gateway satisfied this selector and the mistake stayed hidden.
  const d = only(t.diags('scenarios/two/tsb/setting.yaml'), 'gateway-selector-no-match');
  assert.match(
    d.message,
    /the only such gateway, eastwest, is installed by scenarios\/one \(run\.sh\) -> east, west, which is never applied together with this file/,
  );
  assert.equal(d.related?.[0]?.uri, t.uri('scenarios/one/k8s/gw.yaml'));
});

test('the failover model is computed per scenario: each workspace sees its own services and gateways', () => {
  const t = repo({ ...scenario('one', true), ...scenario('two', false) });
  const m = t.model();
  const view = m.workspaces.map((w) => [
    w.unit?.split(' ')[0],
    w.candidates.map((c) => `${c.service}:${c.failover}:${c.clusters.join(',')}`),
    w.excluded.map((e) => e.code),
  ]);
  assert.deepEqual(view, [
    ['scenarios/one', ['cart:true:east,west'], []],
    ['scenarios/two', [], ['no-gateway-cluster']],
  ]);
});

test('a unit that applies two scenarios together proves they are not alternatives', () => {
  const files = {
    ...scenario('one', true),
    ...scenario('two', true),
    'all.sh': 'tctl apply -f scenarios/one/tsb/ws.yaml -f scenarios/two/tsb/ws.yaml\n',
  };
  const t = repo(files);
  only(t.diags('scenarios/two/tsb/ws.yaml'), 'duplicate-resource');
});

test('successive versions: the same resource applied again later in one script or one sequence of labs is a new version, not a duplicate', () => {
  const policy = (v: string) => tenant('prod', v);
  const t = repo({
    'run.sh': 'tctl apply -f tsb/v1.yaml\nkubectl --context c apply -f k8s/app.yaml\ntctl apply -f tsb/v2.yaml\n',
    'tsb/v1.yaml': policy('first'),
    'tsb/v2.yaml': policy('second'),
    'k8s/app.yaml': svc('a'),
    '01-lab/README.md': '```sh\ntctl apply -f 01-lab/t.yaml\n```\n',
    '01-lab/t.yaml': tenant('lab', 'one'),
    '02-lab/README.md': '```sh\ntctl apply -f 02-lab/t.yaml\n```\n',
    '02-lab/t.yaml': tenant('lab', 'two'),
  });
  none(t.diags('tsb/v2.yaml'), 'duplicate-resource');
  none(t.diags('02-lab/t.yaml'), 'duplicate-resource');
  assert.equal(t.p.deployment().relation(t.uri('tsb/v1.yaml'), t.uri('tsb/v2.yaml')), 'never');
  assert.equal(t.p.deployment().relation(t.uri('tsb/v1.yaml'), t.uri('k8s/app.yaml')), 'together');
});

test('one step that applies two definitions of the same resource is an error; files with no evidence in one folder too', () => {
  const t = repo({
    'run.sh': 'tctl apply -f tsb/\n',
    'tsb/a.yaml': tenant('prod', 'a'),
    'tsb/b.yaml': tenant('prod', 'b'),
    'loose/x.yaml': tenant('dev', 'x'),
    'loose/y.yaml': tenant('dev', 'y'),
  });
  assert.equal(only(t.diags('tsb/b.yaml'), 'duplicate-resource').severity, 'error');
  assert.equal(only(t.diags('loose/y.yaml'), 'duplicate-resource').severity, 'error');
});

test('weak evidence: definitions in unrelated places are at most a hint that names both units', () => {
  const t = repo({
    'a/run.sh': 'tctl apply -f t.yaml\n',
    'a/t.yaml': tenant('prod', 'a'),
    'b/run.sh': 'tctl apply -f t.yaml\n',
    'b/t.yaml': tenant('prod', 'b'),
  });
  const d = only(t.diags('b/t.yaml'), 'duplicate-resource');
  assert.equal(d.severity, 'hint');
  assert.match(
    d.message,
    /^If a \(run\.sh\) and b \(run\.sh\) are applied together: Tenant prod is defined twice \(the other definition is a\/t\.yaml:5\)/,
  );
});

test('parents are found only where they can be in effect', () => {
  const t = repo({
    'scenarios/one/run.sh': 'tctl apply -f tsb/\n',
    'scenarios/one/tsb/tenant.yaml': tenant('prod'),
    'scenarios/two/run.sh': 'tctl apply -f tsb/\n',
    'scenarios/two/tsb/tenant.yaml': tenant('dev'),
    'scenarios/two/tsb/ws.yaml': workspace('shop', ['*/shop'], 'prod'),
  });
  const d = only(t.diags('scenarios/two/tsb/ws.yaml'), 'parent-not-found');
  assert.match(d.message, /refers to tenant prod, which is defined nowhere in the project/);
});
