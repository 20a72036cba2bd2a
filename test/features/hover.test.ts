// Hover on selectors says what the Problems panel says: it reads the same facts and problems as the
// diagnostics. A selector the analysis does not read gets no verdict of its own; one reported as
// matching nothing shows that report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/engine/features/hover';
import { BOOKINFO } from '../helpers/bookinfo';
import { project } from '../helpers/engine';
import { caret } from '../helpers/workspace';

/** Hover at the `|` in `marked` (file `rel` of a project made of `files` plus that file). */
function hoverAt(files: Record<string, string>, rel: string, marked: string): { text: string; rules: string[] } {
  const { text, position } = caret(marked);
  const t = project({ ...files, [rel]: text });
  const file = t.p.analysis(t.uri(rel))!;
  const h = hover(file, position, t.p);
  return { text: h ? (h.contents as MarkupContent).value : '', rules: t.rules(rel) };
}

const SETTING_HEAD = `apiVersion: api.tsb.tetrate.io/v2
kind: WorkspaceSetting
metadata:
  organization: tetrate
  tenant: tetrate
  workspace: bookinfo-ws
  name: bookinfo-ws-setting
spec:
`;
const base = { ...BOOKINFO };
delete base['tsb/workspace-setting.yaml'];

test('a misplaced east-west block is read where it belongs: the hover shows what Problems reports about its selector', () => {
  // The common-mistakes example: defaultEastWestGatewaySettings at the top level, a label no gateway has.
  const r = hoverAt(
    base,
    'tsb/setting.yaml',
    `${SETTING_HEAD}defaultEastWestGatewaySettings:
  - workloadSelector:
      namespace: eastwest
      labels:
        app: eastwest-|gw
`,
  );
  assert.deepEqual(r.rules, ['unknown-field', 'gateway-selector-no-match']);
  assert.match(
    r.text,
    /\*\*Selects no gateway\*\* \(gateway-selector-no-match\): No gateway has app=eastwest-gw in namespace eastwest/,
  );
  assert.match(
    r.text,
    /^\*\*Read where it belongs\*\* \(`defaultEastWestGatewaySettings` is not a field/,
    'the hover says the block is read as if indented, with the problem that reports it',
  );
});

test('a misplaced block whose selector matches: the hover lists the gateway and says it is read where it belongs', () => {
  const r = hoverAt(
    base,
    'tsb/setting.yaml',
    `${SETTING_HEAD}defaultEastWestGatewaySettings:
  - workloadSelector:
      namespace: eastwest
      labels:
        app: eastwest-|gateway
`,
  );
  assert.deepEqual(r.rules, ['unknown-field']);
  assert.match(r.text, /^\*\*Read where it belongs\*\* \(`defaultEastWestGatewaySettings` is not a field/);
  assert.match(r.text, /\*\*Selects 1 gateway:\*\*/);
});

test('once indented under spec: the hover shows the problem the Problems panel lists', () => {
  const r = hoverAt(
    base,
    'tsb/setting.yaml',
    `${SETTING_HEAD}  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest
        labels:
          app: eastwest-|gw
`,
  );
  assert.deepEqual(r.rules, ['gateway-selector-no-match']);
  assert.match(
    r.text,
    /\*\*Selects no gateway\*\* \(gateway-selector-no-match\): No gateway has app=eastwest-gw in namespace eastwest; did you mean app=eastwest-gateway\?/,
  );
});

test('a matching selector lists the gateways, with no problem', () => {
  const r = hoverAt(
    base,
    'tsb/setting.yaml',
    `${SETTING_HEAD}  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest
        labels:
          app: eastwest-|gateway
`,
  );
  assert.deepEqual(r.rules, []);
  assert.match(r.text, /Selects 1 gateway/);
});

test('serviceLabels of a workspace that owns no Service: silent Problems, and the hover says why it is not reported', () => {
  const files = {
    ...base,
    'tsb/workspace.yaml': BOOKINFO['tsb/workspace.yaml']!.replace('"*/bookinfo"', '"*/elsewhere"'),
  };
  const r = hoverAt(
    files,
    'tsb/setting.yaml',
    `${SETTING_HEAD}  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest
        labels:
          app: eastwest-gateway
      exposedServices:
        - serviceLabels:
            failover: en|able
`,
  );
  assert.deepEqual(r.rules, []);
  // Workspace names are shown as code (they come from the workspace).
  assert.match(r.text, /Matches no Service.*not reported as a problem: workspace `bookinfo-ws` owns no Service/);
});

test('serviceLabels reported as matching nothing: the hover shows that report', () => {
  const r = hoverAt(
    base,
    'tsb/setting.yaml',
    `${SETTING_HEAD}  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest
        labels:
          app: eastwest-gateway
      exposedServices:
        - serviceLabels:
            failover: en|able
`,
  );
  assert.deepEqual(r.rules, ['service-selector-no-match']);
  assert.match(
    r.text,
    /\*\*Matches no Service\*\* \(service-selector-no-match\): exposedServices selector failover=enable matches no Service/,
  );
});

test('a workloadSelector the rules do not check (it selects workloads, not gateways) gets no gateway verdict', () => {
  const r = hoverAt(
    base,
    'istio/sidecar.yaml',
    `apiVersion: networking.istio.io/v1beta1
kind: Sidecar
metadata:
  name: default
  namespace: bookinfo
spec:
  workloadSelector:
    labels:
      app: detai|ls
`,
  );
  assert.doesNotMatch(r.text, /gateway/i);
});

test('while the workspace is read or checked, the hover answers from the last complete check and never runs one', () => {
  const { text, position } = caret(`${SETTING_HEAD}  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest
        labels:
          app: eastwest-|gw
`);
  const t = project({ ...base, 'tsb/setting.yaml': text });
  const uri = t.uri('tsb/setting.yaml');
  assert.deepEqual(t.rules('tsb/setting.yaml'), ['gateway-selector-no-match']);
  let busy = true;
  t.p.setStaleReads(() => busy);
  // A gateway that the selector matches arrives (as from a scan): the check is out of date.
  t.set(
    'gateways/other-eastwest.yaml',
    'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: eastwest-gw\n  namespace: eastwest\nspec:\n  eastWestOnly: true\n  kubeSpec:\n    service:\n      type: LoadBalancer\n',
  );
  assert.equal(t.p.checked, false);
  const during = hover(t.p.analysis(uri)!, position, t.p);
  assert.match((during!.contents as MarkupContent).value, /Selects no gateway/, 'the last complete check');
  assert.equal(t.p.checked, false, 'no check run by the hover');
  assert.equal(t.p.failoverModel({ stale: true }).workspaces.length > 0, true);
  assert.equal(t.p.checked, false, 'nor by a stale read of the model');
  busy = false;
  const after = hover(t.p.analysis(uri)!, position, t.p);
  assert.doesNotMatch((after!.contents as MarkupContent).value, /Selects no gateway/);
  assert.equal(t.p.checked, true);
});

test('before the first check completes, stale reads give no cross-file problems and an empty model', () => {
  const { text } = caret(`${SETTING_HEAD}  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest
        labels:
          app: eastwest-|gw
`);
  const t = project({});
  t.p.setStaleReads(() => true);
  for (const [rel, body] of Object.entries({ ...base, 'tsb/setting.yaml': text })) t.set(rel, body);
  assert.deepEqual(
    t.p.diagnostics(t.uri('tsb/setting.yaml'), { stale: true }).map((d) => d.rule),
    [],
  );
  assert.deepEqual(t.p.failoverModel({ stale: true }).workspaces, []);
  assert.equal(t.p.checked, false);
  assert.deepEqual(t.rules('tsb/setting.yaml'), ['gateway-selector-no-match'], 'a plain read still checks');
});
