// Suppression: `# tsb-lint-disable-next-line RULE[, RULE]`, `# tsb-lint-disable RULE` and `rules:` in tsb.config.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, project, rng, y } from '../helpers/engine';

const WS_TYPO = y`
  apiVersion: api.tsb.tetrate.io/v2
  kind: Workspace
  metadata:
    organization: tetrate
    tenant: tetrate
    name: ws
  spec:
    namespaceSelecter:
      names:
        - "*/bookinfo"
    displayNam: x
`;

test('without directives both unknown fields are reported', () => {
  assert.deepEqual(
    lint(WS_TYPO).map((d) => [d.rule, d.range.start.line]),
    [
      ['unknown-field', 7],
      ['unknown-field', 10],
    ],
  );
});

test('disable-next-line suppresses only the next line', () => {
  const text = WS_TYPO.replace(
    '  namespaceSelecter:',
    '  # tsb-lint-disable-next-line unknown-field\n  namespaceSelecter:',
  );
  const ds = lint(text);
  assert.deepEqual(
    ds.map((d) => [d.rule, rng(d.range)]),
    [['unknown-field', [11, 2, 11, 12]]],
  );
});

test('disable-next-line skips blank and comment lines between the directive and its target', () => {
  const text = WS_TYPO.replace(
    '  namespaceSelecter:',
    '  # tsb-lint-disable-next-line unknown-field -- renamed later\n\n  # more prose\n  namespaceSelecter:',
  );
  assert.deepEqual(
    lint(text).map((d) => d.range.start.line),
    [13],
  );
});

test('disable-next-line with another rule id does not suppress', () => {
  const text = WS_TYPO.replace('  namespaceSelecter:', '  # tsb-lint-disable-next-line key-case\n  namespaceSelecter:');
  assert.equal(lint(text).length, 2);
});

test('disable-next-line with a list of rules', () => {
  const text = y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: ws
    spec:
      namespaceSelector:
        names:
          - "*/bookinfo"
      # tsb-lint-disable-next-line key-case, invalid-value
      Description: 5
  `;
  // key-case suppressed; the invalid-type on the same line is not in the list
  assert.deepEqual(
    lint(text).map((d) => d.rule),
    ['invalid-type'],
  );
  assert.deepEqual(lint(text.replace('invalid-value', 'invalid-type')), []);
});

test('disable (whole file) for one rule', () => {
  const text = '# tsb-lint-disable unknown-field\n' + WS_TYPO + '  Description: x\n';
  assert.deepEqual(
    lint(text).map((d) => d.rule),
    ['key-case'],
  );
});

test('a directive without rule ids suppresses every rule', () => {
  assert.deepEqual(lint('# tsb-lint-disable\n' + WS_TYPO), []);
  const text = WS_TYPO.replace('  namespaceSelecter:', '  # tsb-lint-disable-next-line\n  namespaceSelecter:');
  assert.equal(lint(text).length, 1);
});

test('directives work with CRLF line endings', () => {
  const text = WS_TYPO.replace(
    '  namespaceSelecter:',
    '  # tsb-lint-disable-next-line unknown-field\n  namespaceSelecter:',
  ).replace(/\n/g, '\r\n');
  assert.deepEqual(
    lint(text).map((d) => rng(d.range)),
    [[11, 2, 11, 12]],
  );
});

test('cross-file findings are suppressed by directives in the file they are reported in', () => {
  const other = y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: other
    spec:
      namespaceSelector:
        names:
          # tsb-lint-disable-next-line namespace-owned-twice
          - "*/bookinfo"
  `;
  const t = project({
    'a.yaml': WS_TYPO.replace('namespaceSelecter', 'namespaceSelector').replace('  displayNam: x\n', ''),
    'b.yaml': other,
  });
  assert.deepEqual(t.diags('b.yaml'), []);
  const t2 = project({
    'a.yaml': WS_TYPO.replace('namespaceSelecter', 'namespaceSelector').replace('  displayNam: x\n', ''),
    'b.yaml': other.replace(/ *# tsb-lint-disable.*\n/, ''),
  });
  assert.deepEqual(t2.rules('b.yaml'), ['namespace-owned-twice']);
});

test('rules: in tsb.config.yaml turns a rule off', () => {
  const t = project({ 'tsb.config.yaml': 'rules:\n  unknown-field: off\n', 'ws.yaml': WS_TYPO });
  assert.deepEqual(t.diags('ws.yaml'), []);
});

test('rules: in tsb.config.yaml changes a severity (error -> info, info -> error)', () => {
  const t = project({ 'tsb.config.yaml': 'rules:\n  unknown-field: info\n', 'ws.yaml': WS_TYPO });
  assert.deepEqual(
    t.diags('ws.yaml').map((d) => d.severity),
    ['info', 'info'],
  );
  const t2 = project({
    'tsb.config.yaml': 'rules:\n  deprecated-field: error\n',
    'ws.yaml':
      'apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  name: s\nspec:\n  regionalFailover:\n    - from: a\n      to: b\n',
  });
  assert.deepEqual(
    t2.diags('ws.yaml').map((d) => [d.rule, d.severity]),
    [['deprecated-field', 'error']],
  );
});

test('a rule severity override also applies to a variant with its own severity (identical duplicate)', () => {
  const t = project({ 'tsb.config.yaml': 'rules:\n  duplicate-resource: off\n', 'a.yaml': WS_TYPO, 'b.yaml': WS_TYPO });
  assert.deepEqual(t.diags('b.yaml', 'duplicate-resource'), []);
});

test('editor settings (ProjectOptions.ruleSeverities) apply, and tsb.config.yaml rules win over them', () => {
  const t = project({ 'ws.yaml': WS_TYPO }, { ruleSeverities: { 'unknown-field': 'warning' } });
  assert.deepEqual(
    t.diags('ws.yaml').map((d) => d.severity),
    ['warning', 'warning'],
  );
  const t2 = project(
    { 'tsb.config.yaml': 'rules:\n  unknown-field: hint\n', 'ws.yaml': WS_TYPO },
    { ruleSeverities: { 'unknown-field': 'off' } },
  );
  assert.deepEqual(
    t2.diags('ws.yaml').map((d) => d.severity),
    ['hint', 'hint'],
  );
});

test('changing the config re-applies severities without re-updating the files', () => {
  const t = project({ 'ws.yaml': WS_TYPO });
  assert.equal(t.diags('ws.yaml').length, 2);
  t.set('tsb.config.yaml', 'rules:\n  unknown-field: off\n');
  assert.equal(t.diags('ws.yaml').length, 0);
  t.set('tsb.config.yaml', undefined);
  assert.equal(t.diags('ws.yaml').length, 2);
});
