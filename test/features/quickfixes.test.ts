// Quick fixes produce valid YAML by construction: every fix kind, on block, flow and CRLF
// variants of a document, is applied to the text the engine diagnosed; the result must parse without
// errors, keep the file's line breaks, hold what was meant (labels as strings, the new field, the key
// under its parent) and no longer have the diagnostic. Preferred ("Auto Fix") only where meaning cannot change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { codeActions } from '../../server/src/engine/features/codeActions';
import { toDiagnostic } from '../../server/src/engine/features/diagnostics';
import { applyWorkspaceEdit } from '../helpers/workspace';
import { project } from '../helpers/engine';

type Variant = 'block' | 'flow' | 'crlf';
const VARIANTS: Variant[] = ['block', 'flow', 'crlf'];
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

/** The fixes the engine offers for `rule` in `path`, the text they apply to, and the project. */
function fixesFor(files: Record<string, string>, path: string, rule: string): { text: string; actions: CodeAction[] } {
  const t = project(files);
  const ds = t.diags(path, rule);
  assert.equal(
    ds.length,
    1,
    `one ${rule} in ${path}: ${JSON.stringify(t.diags(path).map((d) => `${d.rule}: ${d.message}`))}`,
  );
  const text = files[path]!;
  const doc = TextDocument.create(t.uri(path), 'yaml', 1, text);
  return {
    text,
    actions: codeActions(
      doc,
      ds.map((p) => toDiagnostic(p)),
    ),
  };
}

function apply(
  files: Record<string, string>,
  path: string,
  rule: string,
  title: RegExp,
): { fixed: string; action: CodeAction } {
  const { text, actions } = fixesFor(files, path, rule);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `a fix ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  return { fixed: applyWorkspaceEdit(text, project(files).uri(path), action.edit), action };
}

/** Parses every document: no errors, and the line breaks of the original kept. */
function valid(fixed: string, original: string): unknown[] {
  const docs = parseAllDocuments(fixed.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false });
  for (const d of docs)
    assert.deepEqual(
      d.errors.map((e) => e.message),
      [],
      `fixed text parses:\n${fixed}`,
    );
  if (original.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), `CRLF kept everywhere:\n${JSON.stringify(fixed)}`);
  return docs.map((d) => d.toJS());
}

// ---- rename-key ----

const WS_BLOCK =
  'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: ws\nspec:\n  namespaceSelector:\n    names:\n      - "*/bookinfo"\n';
const WS_FLOW =
  '{apiVersion: api.tsb.tetrate.io/v2, kind: Workspace, metadata: {organization: tetrate, tenant: tetrate, name: ws}, spec: {namespaceSelector: {names: ["*/bookinfo"]}}}\n';
const ws = (v: Variant) => (v === 'flow' ? WS_FLOW : v === 'crlf' ? crlf(WS_BLOCK) : WS_BLOCK);

for (const v of VARIANTS) {
  test(`rename-key (${v}): a key in the wrong case is written right, preferred`, () => {
    const files = { 'ws.yaml': ws(v).replace('kind: Workspace', 'Kind: Workspace') };
    const { fixed, action } = apply(files, 'ws.yaml', 'key-case', /^Write `kind`/);
    assert.equal(action.isPreferred, true);
    const [value] = valid(fixed, files['ws.yaml']) as Record<string, unknown>[];
    assert.equal(value!['kind'], 'Workspace');
    assert.deepEqual(project({ 'ws.yaml': fixed }).diags('ws.yaml'), []);
  });

  test(`rename-key (${v}): the nearest field name is offered but not preferred (a guess)`, () => {
    const files = { 'ws.yaml': ws(v).replace('namespaceSelector', 'namespaceSelecter') };
    const { fixed, action } = apply(files, 'ws.yaml', 'unknown-field', /^Rename to `namespaceSelector`/);
    assert.notEqual(action.isPreferred, true);
    valid(fixed, files['ws.yaml']);
    assert.deepEqual(project({ 'ws.yaml': fixed }).diags('ws.yaml'), []);
  });
}

// ---- replace-value ----

const GW_BLOCK =
  'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: eastwest-gateway\n  namespace: eastwest\nspec:\n  eastWestOnly: "true"\n';
const GW_FLOW =
  'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata: {name: eastwest-gateway, namespace: eastwest}\nspec: {eastWestOnly: "true"}\n';
const gw = (v: Variant) => (v === 'flow' ? GW_FLOW : v === 'crlf' ? crlf(GW_BLOCK) : GW_BLOCK);

for (const v of VARIANTS) {
  test(`replace-value (${v}): "true" for a boolean becomes true, preferred (only the quotes change)`, () => {
    const files = { 'gw.yaml': gw(v) };
    const { fixed, action } = apply(files, 'gw.yaml', 'invalid-type', /^Change to `true`/);
    assert.equal(action.isPreferred, true);
    const [value] = valid(fixed, files['gw.yaml']) as { spec: { eastWestOnly: unknown } }[];
    assert.equal(value!.spec.eastWestOnly, true);
    assert.deepEqual(project({ 'gw.yaml': fixed }).diags('gw.yaml'), []);
  });

  test(`replace-value (${v}): a guessed kind is offered, not preferred`, () => {
    const files = { 'ws.yaml': ws(v).replace('kind: Workspace', 'kind: Workspase') };
    const { fixed, action } = apply(files, 'ws.yaml', 'unknown-kind', /^Change to `Workspace`/);
    assert.notEqual(action.isPreferred, true);
    valid(fixed, files['ws.yaml']);
    assert.deepEqual(project({ 'ws.yaml': fixed }).diags('ws.yaml'), []);
  });
}

// ---- indent ----

const MISINDENTED: Record<Variant, string> = {
  block:
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: ws\nspec: {}\nnamespaceSelector:\n  names:\n    - "*/bookinfo"\n',
  // The parent written as an empty flow mapping on its own, the block below it: `spec: {}` must go.
  flow: 'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata: {organization: tetrate, tenant: tetrate, name: ws}\nspec: {}\nnamespaceSelector:\n  names: ["*/bookinfo"]\n',
  crlf: crlf(
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: ws\nspec:\nnamespaceSelector:\n  names:\n    - "*/bookinfo"\n',
  ),
};

for (const v of VARIANTS) {
  test(`indent (${v}): the block goes under spec (an empty \`spec: {}\` is removed), not preferred`, () => {
    const files = { 'ws.yaml': MISINDENTED[v] };
    const { fixed, action } = apply(files, 'ws.yaml', 'unknown-field', /^Indent block under `spec`/);
    assert.notEqual(action.isPreferred, true);
    const [value] = valid(fixed, files['ws.yaml']) as { spec: { namespaceSelector: { names: string[] } } }[];
    assert.deepEqual(value!.spec.namespaceSelector.names, ['*/bookinfo']);
    assert.deepEqual(project({ 'ws.yaml': fixed }).diags('ws.yaml'), []);
  });
}

// ---- add-field ----

const NO_TENANT: Record<Variant, string> = {
  block: WS_BLOCK.replace('  tenant: tetrate\n', ''),
  // The issue's case: "Add tenant" after a flow mapping `metadata: {…}` wrote a syntax error.
  flow: WS_BLOCK.replace(
    'metadata:\n  organization: tetrate\n  tenant: tetrate\n  name: ws\n',
    'metadata: {organization: tetrate, name: ws}\n',
  ),
  crlf: crlf(WS_BLOCK.replace('  tenant: tetrate\n', '')),
};

for (const v of VARIANTS) {
  test(`add-field (${v}): a missing tctl parent is added inside metadata, not preferred`, () => {
    const files = { 'ws.yaml': NO_TENANT[v] };
    const { fixed, action } = apply(files, 'ws.yaml', 'missing-field', /^Add `tenant`/);
    assert.notEqual(action.isPreferred, true);
    const [value] = valid(fixed, files['ws.yaml']) as { metadata: Record<string, unknown> }[];
    assert.ok('tenant' in value!.metadata, JSON.stringify(value));
    assert.equal(value!.metadata['name'], 'ws');
    // The field is a skeleton (`tenant:` with no value yet): what remains is to fill it in, no syntax error.
    assert.deepEqual(project({ 'ws.yaml': fixed }).diags('ws.yaml', ['yaml-syntax', 'unknown-field']), []);
  });
}

test('add-field: a missing tenant is offered with the names the project uses under the same organization', () => {
  const tenant = (org: string, name: string) =>
    `apiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\nmetadata:\n  organization: ${org}\n  name: ${name}\n`;
  const files = {
    'ws.yaml': NO_TENANT.block,
    'tenants.yaml': `${tenant('tetrate', 'payments')}---\n${tenant('other-org', 'elsewhere')}`,
  };
  const { actions } = fixesFor(files, 'ws.yaml', 'missing-field');
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Add `tenant: payments`'],
    'the tenant of organization tetrate only, never a blank value',
  );
  const { fixed } = apply(files, 'ws.yaml', 'missing-field', /^Add `tenant: payments`/);
  assert.deepEqual(project({ ...files, 'ws.yaml': fixed }).diags('ws.yaml'), [], 'nothing left to fill in');
});

test('add-field: with no name known for the parent, the fix adds the key for the user to fill in', () => {
  const { actions } = fixesFor({ 'ws.yaml': NO_TENANT.block }, 'ws.yaml', 'missing-field');
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Add `tenant`'],
  );
});

// ---- replace-labels ----

// The gateway's pods carry version "2", release "1.20" and enabled "true" (strings); the selector names
// them but the wrong app. The fix must write them as strings, or the selector still matches nothing.
const GATEWAY =
  'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: eastwest-gateway\n  namespace: eastwest\nspec:\n  eastWestOnly: true\n  kubeSpec:\n    deployment:\n      labels:\n        version: "2"\n        release: "1.20"\n        enabled: "true"\n';
const SETTING_HEAD =
  'apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  workspace: ws\n  name: ws-setting\nspec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: eastwest\n';
const SELECTOR: Record<Variant, string> = {
  block:
    SETTING_HEAD +
    '        labels:\n          app: eastwest-gw\n          version: "2"\n          release: "1.20"\n          enabled: "true"\n',
  flow: SETTING_HEAD + '        labels: {app: eastwest-gw, version: "2", release: "1.20", enabled: "true"}\n',
  crlf: crlf(
    SETTING_HEAD +
      '        labels:\n          app: eastwest-gw\n          version: "2"\n          release: "1.20"\n          enabled: "true"\n',
  ),
};

for (const v of VARIANTS) {
  test(`replace-labels (${v}): the nearest gateway's labels are written as strings, not preferred`, () => {
    const files = { 'gw.yaml': GATEWAY, 'setting.yaml': SELECTOR[v] };
    const { fixed, action } = apply(files, 'setting.yaml', 'gateway-selector-no-match', /^Select app=eastwest-gateway/);
    assert.notEqual(action.isPreferred, true);
    const [value] = valid(fixed, files['setting.yaml']) as {
      spec: { defaultEastWestGatewaySettings: { workloadSelector: { labels: unknown } }[] };
    }[];
    assert.deepEqual(value!.spec.defaultEastWestGatewaySettings[0]!.workloadSelector.labels, {
      app: 'eastwest-gateway',
      version: '2',
      release: '1.20',
      enabled: 'true',
    });
    assert.deepEqual(project({ 'gw.yaml': GATEWAY, 'setting.yaml': fixed }).diags('setting.yaml'), []);
  });
}

test('a fix that would not parse is not offered (checked by parsing the edited document)', () => {
  // A stale diagnostic whose key no longer exists where it points: the rename would land inside a value.
  const text = 'a: "Kind: x"\n';
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  const actions = codeActions(doc, [
    {
      range: { start: { line: 0, character: 3 }, end: { line: 0, character: 7 } },
      message: 'm',
      source: 'tsb',
      code: 'key-case',
      data: { fix: 'rename-key', to: '"' },
    },
  ]);
  assert.deepEqual(actions, []);
});
