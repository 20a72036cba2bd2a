// unknown-field: keys the schema does not have, with the nearest name, or the level they belong to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, none, rng, marked, y } from '../helpers/engine';

test('a misspelled field suggests the nearest name with a rename-key fix', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      «namespaceSelecter»:
        names:
          - "*/bookinfo"
  `);
  const ds = lint(text);
  const d = only(ds, 'unknown-field');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, ranges[0]);
  assert.equal(d.message, '`namespaceSelecter` is not a field of `spec`; did you mean `namespaceSelector`?');
  assert.deepEqual(d.data, { fix: 'rename-key', to: 'namespaceSelector' });
  // the misspelling explains the absent required namespaceSelector: no missing-field noise
  none(ds, 'missing-field');
});

test("the seed's defaultEastWestGatewaySettings outside spec: belongs one level deeper, under spec", () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: bookinfo-ws-setting
    spec:
    «defaultEastWestGatewaySettings»:
      - workloadSelector:
          namespace: eastwest
          labels:
            app: eastwest-gateway
        exposedServices:
          - serviceLabels:
              failover: enable
          - serviceLabels:
              app: details
  `);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['unknown-field'],
    'no other noise (spec is empty, explained by the mis-indentation)',
  );
  const d = ds[0]!;
  assert.deepEqual(d.range, ranges[0]);
  assert.deepEqual(rng(d.range), [8, 0, 8, 30]);
  assert.match(d.message, /it belongs under `spec`: indent this block by 2 spaces/);
  assert.deepEqual(d.data, { fix: 'indent', under: 'spec', spaces: 2, lines: 10 });
});

test('a field that belongs under a missing sibling says to add the sibling (no indent fix)', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    «namespaceSelector»:
      names:
        - "*/bookinfo"
  `);
  const d = only(lint(text), 'unknown-field');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /belongs under `spec`, which is missing: add `spec:`/);
  assert.equal(d.data, undefined);
});

test('exposedServices indented under workloadSelector: belongs one level up, outdent by 2', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: s
    spec:
      defaultEastWestGatewaySettings:
        - workloadSelector:
            namespace: eastwest
            labels:
              app: eastwest-gateway
            «exposedServices»:
              - serviceLabels:
                  app: details
  `);
  const d = only(lint(text), 'unknown-field');
  assert.deepEqual(d.range, ranges[0]);
  assert.deepEqual(rng(d.range), [13, 8, 13, 23]);
  assert.equal(
    d.message,
    '`exposedServices` is not a field of `workloadSelector`; it belongs one level up, in an item of `defaultEastWestGatewaySettings` beside `workloadSelector`: outdent this block by 2 spaces.',
  );
  assert.deepEqual(d.data, { fix: 'indent', under: 'workloadSelector', spaces: -2, lines: 3 });
});

test('a field with no near name lists the known fields', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
        «zzzzzz»: x
        names:
          - "*/bookinfo"
  `);
  const d = only(lint(text), 'unknown-field');
  assert.deepEqual(d.range, ranges[0]);
  assert.equal(d.message, '`zzzzzz` is not a field of `namespaceSelector`. Known fields: `names`.');
  assert.equal(d.data, undefined);
});

test('unknown fields inside list items name the list', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: s
    spec:
      defaultEastWestGatewaySettings:
        - workloadSelector:
            namespace: eastwest
            labels:
              app: eastwest-gateway
          «exposedService»:
            - serviceLabels:
                app: details
  `);
  const d = only(lint(text), 'unknown-field');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(
    d.message,
    /not a field of an item of `defaultEastWestGatewaySettings`; did you mean `exposedServices`\?/,
  );
  assert.deepEqual(d.data, { fix: 'rename-key', to: 'exposedServices' });
});

test('open maps (labels, annotations) and Kubernetes documents never get unknown-field', () => {
  none(
    lint(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: s
      labels:
        anything: goes
      annotations:
        any.thing/else: "1"
    spec:
      defaultEastWestGatewaySettings:
        - workloadSelector:
            namespace: eastwest
            labels:
              whatever-label: x
  `),
    'unknown-field',
  );
  assert.deepEqual(lint('apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\nwhatever: 1\n'), []);
});

test('the correct seed WorkspaceSetting is clean', () => {
  assert.deepEqual(
    lint(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: bookinfo-ws-setting
    spec:
      defaultEastWestGatewaySettings:
        - workloadSelector:
            namespace: eastwest
            labels:
              app: eastwest-gateway
          exposedServices:
            - serviceLabels:
                failover: enable
            - serviceLabels:
                app: details
  `),
    [],
  );
});
