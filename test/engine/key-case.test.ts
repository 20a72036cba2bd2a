// key-case: a known key in the wrong case (apiversion, Metadata, nested NameSpace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, none, marked, y } from '../helpers/engine';

test("the seed's lower-case apiversion is a key-case warning on the key, with a rename fix", () => {
  const { text, ranges } = marked(y`
    «apiversion»: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
        names:
          - "*/bookinfo"
  `);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['key-case'],
    'the document is still identified and otherwise valid',
  );
  const d = ds[0]!;
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /`apiversion` should be written `apiVersion`/);
  assert.deepEqual(d.data, { fix: 'rename-key', to: 'apiVersion' });
});

test('Metadata: the parent chain is still read (no missing-field), one key-case warning', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    «Metadata»:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
        names:
          - "*/bookinfo"
  `);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['key-case'],
  );
  assert.deepEqual(ds[0]!.range, ranges[0]);
  assert.deepEqual(ds[0]!.data, { fix: 'rename-key', to: 'metadata' });
});

test('a nested NameSpace in a workloadSelector is key-case, and validation uses the meant key', () => {
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
            «NameSpace»: eastwest
            labels:
              app: eastwest-gateway
  `);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['key-case'],
    'no missing-field for namespace',
  );
  const d = ds[0]!;
  assert.deepEqual(d.range, ranges[0]);
  assert.equal(
    d.message,
    '`NameSpace` should be written `namespace`: YAML keys are case-sensitive, so `NameSpace` is ignored by Kubernetes and GitOps.',
  );
  assert.deepEqual(d.data, { fix: 'rename-key', to: 'namespace' });
});

test('several keys in the wrong case are each reported', () => {
  const { text, ranges } = marked(y`
    «apiversion»: api.tsb.tetrate.io/v2
    «Kind»: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    «Spec»:
      namespaceSelector:
        «Names»:
          - "*/bookinfo"
  `);
  const ds = lint(text).filter((d) => d.rule === 'key-case');
  assert.deepEqual(
    ds.map((d) => d.range),
    ranges,
  );
  assert.deepEqual(
    ds.map((d) => d.data),
    [
      { fix: 'rename-key', to: 'apiVersion' },
      { fix: 'rename-key', to: 'kind' },
      { fix: 'rename-key', to: 'spec' },
      { fix: 'rename-key', to: 'names' },
    ],
  );
});

test('a wrong-case key beside its correct spelling is an unknown field, not key-case', () => {
  const ds = lint(y`
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
        Names:
          - "*/other"
  `);
  none(ds, 'key-case');
  only(ds, 'unknown-field');
});

test('correctly cased keys give no key-case', () => {
  none(lint('apiVersion: api.tsb.tetrate.io/v2\nkind: Organization\nmetadata:\n  name: tetrate\n'), 'key-case');
});
