// Multi-document files, `kind: List`, CRLF line endings, comments and incremental edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, project, rng, marked, y } from '../helpers/engine';

const MULTI = y`
  # leading comment
  apiVersion: v1
  kind: Namespace
  metadata:
    name: bookinfo
  ---
  apiVersion: api.tsb.tetrate.io/v2
  kind: Workspace
  metadata:
    organization: tetrate
    tenant: tetrate
    name: ws
  spec:
    namespaceSelector:
      «namez»:
        - "*/bookinfo"
  --- # third document
  apiVersion: install.tetrate.io/v1alpha1
  kind: IngressGateway
  metadata:
    name: eastwest-gateway
    namespace: eastwest
  spec:
    # a comment inside the document
    eastWestOnly: «"false"»
`;

test('ranges in the 2nd and 3rd documents are absolute in the file', () => {
  const { text, ranges } = marked(MULTI);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['unknown-field', 'invalid-type'],
  );
  assert.deepEqual(
    ds.map((d) => d.range),
    ranges,
  );
  assert.deepEqual(rng(ds[0]!.range), [14, 4, 14, 9]);
  assert.deepEqual(rng(ds[1]!.range), [24, 16, 24, 23]);
});

test('CRLF line endings: same lines and characters as LF', () => {
  const { text, ranges } = marked(MULTI);
  const crlf = text.replace(/\n/g, '\r\n');
  const ds = lint(crlf);
  assert.deepEqual(
    ds.map((d) => d.range),
    ranges,
  );
  assert.deepEqual(
    ds.map((d) => d.data),
    lint(text).map((d) => d.data),
  );
});

test('a document that ends with "..." and a file without a trailing newline', () => {
  const { text, ranges } = marked(
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n...\n---\napiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: g\n  namespace: eastwest\nspec:\n  eastWestOnly: «"true"»',
  );
  assert.deepEqual(
    lint(text).map((d) => d.range),
    ranges,
  );
});

test('`kind: List` items are validated one by one with absolute ranges', () => {
  const { text, ranges } = marked(y`
    apiVersion: v1
    kind: List
    items:
      - apiVersion: api.tsb.tetrate.io/v2
        kind: Workspace
        metadata:
          organization: tetrate
          tenant: tetrate
          name: ws
        spec:
          namespaceSelector:
            names:
              - «bookinfo»
      - apiVersion: install.tetrate.io/v1alpha1
        kind: IngressGateway
        metadata:
          name: eastwest-gateway
          namespace: eastwest
        spec:
          eastWestOnly: «"yes"»
  `);
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['invalid-value', 'invalid-type'],
  );
  assert.deepEqual(
    ds.map((d) => d.range),
    ranges,
  );
});

test('`kind: List` items contribute facts (a Workspace inside a List owns its namespaces)', () => {
  const t = project({
    'list.yaml':
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: api.tsb.tetrate.io/v2\n    kind: Workspace\n    metadata:\n      organization: o\n      tenant: t\n      name: ws\n    spec:\n      namespaceSelector:\n        names: ["*/bookinfo"]\n',
  });
  assert.deepEqual(
    t.model().workspaces.map((w) => [w.name, w.namespaces]),
    [['ws', ['*/bookinfo']]],
  );
});

test('comments and blank lines before the first document marker stay with the first document', () => {
  const { text, ranges } = marked(
    '# header\n\n---\napiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: g\n  namespace: eastwest\nspec:\n  eastWestOnly: «"true"»\n',
  );
  assert.deepEqual(
    lint(text).map((d) => d.range),
    ranges,
  );
});

test('a "---" inside a block scalar is not a document marker only when indented', () => {
  const { text, ranges } = marked(y`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cm
    data:
      script: |
        echo a
        ---
        echo b
    ---
    apiVersion: install.tetrate.io/v1alpha1
    kind: IngressGateway
    metadata:
      name: g
      namespace: eastwest
    spec:
      eastWestOnly: «"true"»
  `);
  assert.deepEqual(
    lint(text).map((d) => d.range),
    ranges,
  );
});

test("editing one document leaves the other documents' results identical", () => {
  const { text } = marked(MULTI);
  const t = project({ 'f.yaml': text });
  const before = t.diags('f.yaml');
  // change only the third document: fix the quoted boolean
  const edited = text.replace('eastWestOnly: "false"', 'eastWestOnly: false');
  t.set('f.yaml', edited);
  const after = t.diags('f.yaml');
  assert.deepEqual(
    after,
    before.filter((d) => d.rule !== 'invalid-type'),
  );
  // an edit that shifts lines in the first document moves later ranges by the same amount
  t.set('f.yaml', edited.replace('# leading comment\n', '# leading comment\n# another\n# and another\n'));
  const shifted = t.diags('f.yaml');
  assert.equal(shifted.length, 1);
  assert.deepEqual(rng(shifted[0]!.range), [16, 4, 16, 9]);
  assert.equal(shifted[0]!.message, before[0]!.message);
});

test("editing one document reuses the other documents' analyses (same objects)", () => {
  const { text } = marked(MULTI);
  const t = project({ 'f.yaml': text });
  const a1 = t.p.analysis(t.uri('f.yaml'))!;
  t.set('f.yaml', text.replace('eastWestOnly: "false"', 'eastWestOnly: false'));
  const a2 = t.p.analysis(t.uri('f.yaml'))!;
  assert.equal(a2.chunks.length, 3);
  assert.equal(a2.chunks[0]!.result, a1.chunks[0]!.result);
  assert.equal(a2.chunks[1]!.result, a1.chunks[1]!.result);
  assert.notEqual(a2.chunks[2]!.result, a1.chunks[2]!.result);
});

test('removing a file removes its diagnostics and facts', () => {
  const { text } = marked(MULTI);
  const t = project({ 'f.yaml': text });
  assert.equal(t.diags('f.yaml').length, 2);
  assert.equal(t.model().workspaces.length, 1);
  t.set('f.yaml', undefined);
  assert.deepEqual(t.diags('f.yaml'), []);
  assert.equal(t.model().workspaces.length, 0);
});

test('an empty document between markers and a document that is a scalar are ignored', () => {
  assert.deepEqual(lint('---\n---\njust a string\n---\n- a\n- b\n'), []);
});

test('diagnostics are sorted by position', () => {
  const { text } = marked(MULTI);
  const ds = lint(text.replace('  name: ws\n', '  name: ws\n  Description: x\n'));
  const keys = ds.map((d) => d.range.start.line * 1000 + d.range.start.character);
  assert.deepEqual(
    keys,
    [...keys].sort((a, b) => a - b),
  );
});
