// missing-field: a required field is absent (range on the parent key), parents in tctl metadata and GitOps annotations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, none, marked, y } from '../helpers/engine';

test('a workloadSelector without labels: range on the workloadSelector key, add-field data', () => {
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
        - «workloadSelector»:
            namespace: eastwest
  `);
  const d = only(lint(text), 'missing-field');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /^`workloadSelector` is missing the required field `labels`/);
  assert.equal(d.data?.fix, 'add-field');
  assert.ok(d.data?.fix === 'add-field' && d.data.field === 'labels');
});

test('an east-west entry without workloadSelector: range on the list item', () => {
  const ds = lint(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: s
    spec:
      defaultEastWestGatewaySettings:
        - exposedServices:
            - serviceLabels:
                app: details
  `);
  const d = only(ds, 'missing-field');
  assert.match(d.message, /missing the required field `workloadSelector`/);
  assert.equal(d.range.start.line, 9);
  assert.ok(d.data?.fix === 'add-field' && d.data.field === 'workloadSelector');
  // the skeleton names the required children
  assert.ok(
    d.data?.fix === 'add-field' && /namespace/.test(d.data.snippet) && /labels/.test(d.data.snippet),
    JSON.stringify(d.data),
  );
});

test('tctl metadata without tenant: range on the metadata key, add-field tenant indented under metadata', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    «metadata»:
      organization: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
        names:
          - "*/bookinfo"
  `);
  const d = only(lint(text), 'missing-field');
  assert.deepEqual(d.range, ranges[0]);
  assert.equal(
    d.message,
    'Workspace metadata is missing `tenant` (the tenant it belongs to): tctl resolves the parent chain organization → tenant from metadata.',
  );
  assert.deepEqual(d.data, { fix: 'add-field', field: 'tenant', snippet: 'tenant: ', indent: 2 });
});

test('a group-scoped tctl object missing workspace and group gets one finding per parent', () => {
  const ds = lint(y`
    apiVersion: traffic.tsb.tetrate.io/v2
    kind: ServiceRoute
    metadata:
      organization: tetrate
      tenant: tetrate
      name: reviews
    spec:
      service: bookinfo/reviews.bookinfo.svc.cluster.local
      subsets:
        - name: v1
          labels:
            version: v1
  `).filter((d) => d.rule === 'missing-field');
  assert.deepEqual(
    ds.map((d) => (d.data?.fix === 'add-field' ? d.data.field : '')),
    ['workspace', 'group'],
  );
});

test('GitOps form without the tsb.tetrate.io/tenant annotation', () => {
  const { text, ranges } = marked(y`
    apiVersion: tsb.tetrate.io/v2
    kind: Workspace
    «metadata»:
      name: bookinfo-ws
      namespace: tsb-gitops
      annotations:
        tsb.tetrate.io/organization: tetrate
    spec:
      namespaceSelector:
        names:
          - "*/bookinfo"
  `);
  const d = only(lint(text), 'missing-field');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /missing the annotation `tsb\.tetrate\.io\/tenant`/);
});

test('GitOps group-scoped object names the group annotation of its type', () => {
  const d = only(
    lint(y`
    apiVersion: traffic.tsb.tetrate.io/v2
    kind: ServiceRoute
    metadata:
      name: reviews
      namespace: bookinfo
      annotations:
        tsb.tetrate.io/organization: tetrate
        tsb.tetrate.io/tenant: tetrate
        tsb.tetrate.io/workspace: bookinfo-ws
    spec:
      service: bookinfo/reviews.bookinfo.svc.cluster.local
      subsets:
        - name: v1
          labels:
            version: v1
  `),
    'missing-field',
  );
  assert.match(d.message, /tsb\.tetrate\.io\/trafficGroup/);
});

test('a complete GitOps Workspace and a complete tctl Workspace are clean', () => {
  assert.deepEqual(
    lint(y`
    apiVersion: tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      name: bookinfo-ws
      namespace: tsb-gitops
      annotations:
        tsb.tetrate.io/organization: tetrate
        tsb.tetrate.io/tenant: tetrate
    spec:
      namespaceSelector:
        names:
          - "*/bookinfo"
  `),
    [],
  );
  assert.deepEqual(
    lint(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
        names:
          - "*/bookinfo"
  `),
    [],
  );
});

test('a required field missing in spec: range on the spec key', () => {
  const { text, ranges } = marked(y`
    apiVersion: traffic.tsb.tetrate.io/v2
    kind: ServiceRoute
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      group: tg
      name: reviews
    «spec»:
      subsets:
        - name: v1
  `);
  const d = only(lint(text), 'missing-field');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /^`spec` is missing the required field `service`/);
  assert.ok(d.data?.fix === 'add-field' && d.data.field === 'service');
});

test('a missing spec at the top level: range on the kind line', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    «kind: Workspace»
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
  `);
  const d = only(lint(text), 'missing-field');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /^Workspace is missing the required field `spec`/);
  assert.deepEqual(d.data, {
    fix: 'add-field',
    field: 'spec',
    snippet: 'spec:\n  namespaceSelector:\n    names: []',
    indent: 0,
  });
});

test('the description quoted in a missing-field message is not cut inside "e.g."', () => {
  const d = only(
    lint(
      'apiVersion: traffic.tsb.tetrate.io/v2\nkind: ServiceRoute\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\n  name: r\nspec:\n  subsets:\n    - name: v1\n',
    ),
    'missing-field',
  );
  assert.doesNotMatch(d.message, /e\.g\)/);
});

test('add-field data for a nested required field carries the indentation of the children', () => {
  const text = y`
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
  `;
  const d = only(lint(text), 'missing-field');
  assert.ok(d.data?.fix === 'add-field');
  // `namespace` (the sibling of the missing `labels`) sits at column 8
  assert.equal(d.data.indent, 8);
});

test('a TSB kind without apiVersion is recognised and the apiVersion is inferred', () => {
  const { text, ranges } = marked(y`
    «kind: Workspace»
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
        names:
          - "*/bookinfo"
  `);
  const d = only(lint(text), 'missing-field');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /no `apiVersion`; from its metadata it is `apiVersion: api\.tsb\.tetrate\.io\/v2`/);
  assert.deepEqual(d.data, {
    fix: 'add-field',
    field: 'apiVersion',
    snippet: 'apiVersion: api.tsb.tetrate.io/v2',
    indent: 0,
    before: true,
  });
});

test('a present parent chain gives no missing-field', () => {
  none(
    lint(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Tenant
    metadata:
      organization: tetrate
      name: tetrate
  `),
    'missing-field',
  );
});
