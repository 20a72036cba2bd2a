// Every feature over the real protocol, on the bookinfo project in a temp folder: completion at a
// caret, hover, each quick fix applied, definition/references across files, symbols, code lenses,
// and the tsb/failoverModel request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
} from 'vscode-languageserver-protocol';
import { BOOKINFO } from '../helpers/bookinfo';
import { LspHarness } from '../helpers/lspHarness';
import { applyWorkspaceEdit, caret, makeWorkspace, removeWorkspace } from '../helpers/workspace';
import { FailoverModelRequest, type FailoverModel } from '../../server/src/protocol';

let h: LspHarness;
let root: string;

before(async () => {
  root = makeWorkspace(BOOKINFO);
  h = await LspHarness.start({ root, mode: 'pull' });
  // Every file of the workspace is read and checked: completions and lenses below use project values.
  await h.waitForStatus((s) => s.files > 0);
});
after(async () => {
  await h.dispose();
  removeWorkspace(root);
});

async function completeAt(rel: string, marked: string): Promise<CompletionList> {
  const { text, position } = caret(marked);
  await h.open(rel, text);
  try {
    return await h.request<CompletionList>('textDocument/completion', { textDocument: { uri: h.uri(rel) }, position });
  } finally {
    await h.close(rel); // scratch documents must not join the project for the next tests
  }
}

const labels = (l: CompletionList) => l.items.map((i) => i.label);

test('completion: Workspace spec keys on a blank line under spec, with docs', async () => {
  const list = await completeAt('tsb/new-ws.yaml', `${BOOKINFO['tsb/workspace.yaml']}  |\n`);
  for (const k of ['displayName', 'privileged', 'isolationBoundary']) assert.ok(labels(list).includes(k), k);
  assert.ok(!labels(list).includes('namespaceSelector'), 'keys already present are not offered again');
  assert.ok(!labels(list).includes('defaultEastWestGatewaySettings'));
  const doc = list.items.find((i) => i.label === 'displayName')!.documentation as MarkupContent;
  assert.match(doc.value, /\S/);
});

test('completion: kinds for the apiVersion, apiVersions at the top', async () => {
  const kinds = await completeAt('tsb/k.yaml', 'apiVersion: api.tsb.tetrate.io/v2\nkind: |\n');
  assert.ok(labels(kinds).includes('Workspace') && labels(kinds).includes('WorkspaceSetting'));
  assert.ok(!labels(kinds).includes('ServiceRoute'), 'ServiceRoute is a traffic.tsb.tetrate.io kind');
  const versions = await completeAt('tsb/v.yaml', 'apiVersion: |\n');
  assert.ok(labels(versions).includes('install.tetrate.io/v1alpha1'));
});

test('completion: in a multi-document file, apiVersion and kind come from the document under the cursor', async () => {
  const first = 'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: a\n---\n';
  const versions = await completeAt('tsb/m1.yaml', `${first}kind: ServiceRoute\napiVersion: |\n`);
  assert.deepEqual(labels(versions), ['traffic.tsb.tetrate.io/v2']);
  const kinds = await completeAt('tsb/m2.yaml', `${first}apiVersion: traffic.tsb.tetrate.io/v2\nkind: |\n`);
  assert.ok(labels(kinds).includes('ServiceRoute') && !labels(kinds).includes('Workspace'), labels(kinds).join(', '));
  // Keys below spec in the second document, at its own indentation.
  const keys = await completeAt(
    'tsb/m3.yaml',
    `${first}apiVersion: traffic.tsb.tetrate.io/v2\nkind: ServiceRoute\nmetadata:\n  name: r\nspec:\n  |\n`,
  );
  assert.ok(labels(keys).includes('subsets'), labels(keys).join(', '));
});

test('completion: a required-field skeleton for an east-west entry', async () => {
  const list = await completeAt(
    'tsb/s.yaml',
    'apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  name: x\nspec:\n  default|\n',
  );
  const item = list.items.find((i) => i.label === 'defaultEastWestGatewaySettings')!;
  assert.ok(item, labels(list).join(', '));
  const edit = item.textEdit as { newText: string };
  assert.match(edit.newText, /^defaultEastWestGatewaySettings:\n {2}- workloadSelector:/);
});

test('completion: project values — tenancy names, gateway labels, service labels, cluster/namespace names', async () => {
  const tenant = await completeAt(
    'tsb/t.yaml',
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: |\n',
  );
  assert.ok(labels(tenant).includes('tetrate'));
  const ws = await completeAt(
    'tsb/w.yaml',
    'apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  workspace: |\n',
  );
  assert.ok(labels(ws).includes('bookinfo-ws'));
  const gw = await completeAt(
    'tsb/g.yaml',
    `apiVersion: api.tsb.tetrate.io/v2
kind: WorkspaceSetting
metadata:
  name: s
spec:
  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest
        labels:
          |
`,
  );
  const pair = gw.items.find((i) => i.label === 'app: eastwest-gateway');
  assert.ok(pair, labels(gw).join(', '));
  const ns = await completeAt(
    'tsb/n.yaml',
    `apiVersion: api.tsb.tetrate.io/v2
kind: WorkspaceSetting
metadata:
  name: s
spec:
  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: |
`,
  );
  assert.deepEqual(
    labels(ns).filter((l) => l === 'eastwest'),
    ['eastwest'],
  );
  const svc = await completeAt(
    'tsb/e.yaml',
    `apiVersion: api.tsb.tetrate.io/v2
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
      exposedServices:
        - serviceLabels:
            |
`,
  );
  assert.ok(labels(svc).includes('app: details') && labels(svc).includes('service: ratings'), labels(svc).join(', '));
  const names = await completeAt(
    'tsb/x.yaml',
    `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  name: x
spec:
  namespaceSelector:
    names:
      - |
`,
  );
  assert.ok(
    labels(names).includes('*/bookinfo') && labels(names).includes('cluster-2/bookinfo'),
    labels(names).join(', '),
  );
  const star = names.items.find((i) => i.label === '*/bookinfo')!;
  assert.equal((star.textEdit as { newText: string }).newText, '"*/bookinfo"', 'a leading * must be quoted in YAML');
});

test('hover: schema docs on keys, and what a selector matches right now', async () => {
  await h.open('tsb/workspace-setting.yaml');
  const onKey = await h.request<Hover>('textDocument/hover', {
    textDocument: { uri: h.uri('tsb/workspace-setting.yaml') },
    position: { line: 8, character: 6 },
  });
  assert.match((onKey.contents as MarkupContent).value, /defaultEastWestGatewaySettings/);
  const onSelector = await h.request<Hover>('textDocument/hover', {
    textDocument: { uri: h.uri('tsb/workspace-setting.yaml') },
    position: { line: 12, character: 12 },
  });
  const text = (onSelector.contents as MarkupContent).value;
  assert.match(text, /Selects 1 gateway/);
  assert.match(text, /eastwest-gateway.*cluster-1, cluster-2/);
  const onKind = await h.request<Hover>('textDocument/hover', {
    textDocument: { uri: h.uri('tsb/workspace-setting.yaml') },
    position: { line: 1, character: 8 },
  });
  assert.match((onKind.contents as MarkupContent).value, /WorkspaceSetting/);
});

async function fixedText(rel: string, text: string, rule: string, title?: RegExp): Promise<string> {
  await h.open(rel, text);
  const ds = (await h.pull(rel)).filter((d: Diagnostic) => d.code === rule);
  assert.equal(ds.length, 1, `${rule} in ${JSON.stringify(await h.pull(rel))}`);
  const actions = await h.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: h.uri(rel) },
    range: ds[0]!.range,
    context: { diagnostics: ds, only: ['quickfix'] },
  });
  const action = title ? actions.find((a) => title.test(a.title)) : actions.find((a) => a.isPreferred);
  assert.ok(action, actions.map((a) => a.title).join(' | '));
  assert.equal(action.kind, 'quickfix');
  await h.close(rel);
  return applyWorkspaceEdit(text, h.uri(rel), action.edit);
}

test('quick fix: key case (rename-key)', async () => {
  const text = BOOKINFO['tsb/workspace.yaml']!.replace('kind: Workspace', 'Kind: Workspace');
  assert.equal(await fixedText('tsb/fix-case.yaml', text, 'key-case'), BOOKINFO['tsb/workspace.yaml']);
});

test('quick fix: nearest field name (rename-key)', async () => {
  const text = BOOKINFO['tsb/workspace.yaml']!.replace('namespaceSelector', 'namespaceSelecter');
  assert.equal(
    await fixedText('tsb/fix-name.yaml', text, 'unknown-field', /^Rename to/),
    BOOKINFO['tsb/workspace.yaml'],
  );
});

test('quick fix: re-indent a mis-indented block under spec (indent)', async () => {
  const good = BOOKINFO['tsb/workspace-setting.yaml']!;
  const bad = good.replace(/\n {2}defaultEastWestGatewaySettings:[\s\S]*$/, (m) => m.replace(/\n {2}/g, '\n'));
  assert.notEqual(bad, good);
  assert.equal(await fixedText('tsb/fix-indent.yaml', bad, 'unknown-field', /^Indent block/), good);
});

test('quick fix: add a missing required field (add-field)', async () => {
  const good = BOOKINFO['tsb/workspace-setting.yaml']!;
  const bad = good.replace('        namespace: eastwest\n', '');
  const fixed = await fixedText('tsb/fix-add.yaml', bad, 'missing-field', /^Add/);
  assert.equal(fixed, good.replace('        namespace: eastwest\n', '        namespace: ""\n'));
});

test('quick fix: select the nearest matching gateway (replace-labels)', async () => {
  const good = BOOKINFO['tsb/workspace-setting.yaml']!;
  const bad = good.replace('app: eastwest-gateway', 'app: eastwest-gw');
  assert.equal(await fixedText('tsb/fix-labels.yaml', bad, 'gateway-selector-no-match', /^Select/), good);
});

test('quick fix: replace a value (replace-value)', async () => {
  const good = BOOKINFO['gateways/eastwest.yaml']!;
  const bad = good.replace('eastWestOnly: true', 'eastWestOnly: "true"');
  assert.equal(
    await fixedText('gateways/fix-value.yaml', bad.replace('eastwest-gateway', 'other-gateway'), 'invalid-type'),
    good.replace('eastwest-gateway', 'other-gateway'),
  );
});

test('definition and references across files: selector <-> install CR, parents <-> definitions', async () => {
  const setting = h.uri('tsb/workspace-setting.yaml');
  await h.open('tsb/workspace-setting.yaml');
  const def = await h.request<Location[]>('textDocument/definition', {
    textDocument: { uri: setting },
    position: { line: 12, character: 14 },
  });
  assert.deepEqual(
    def.map((l) => [l.uri, l.range.start.line]),
    [[h.uri('gateways/eastwest.yaml'), 3]],
  );
  const refs = await h.request<Location[]>('textDocument/references', {
    textDocument: { uri: h.uri('gateways/eastwest.yaml') },
    position: { line: 3, character: 10 },
    context: { includeDeclaration: false },
  });
  assert.deepEqual(
    refs.map((l) => [l.uri, l.range.start.line]),
    [[setting, 9]],
  );
  const ws = await h.request<Location[]>('textDocument/definition', {
    textDocument: { uri: setting },
    position: { line: 5, character: 16 },
  });
  assert.deepEqual(
    ws.map((l) => [l.uri, l.range.start.line]),
    [[h.uri('tsb/workspace.yaml'), 5]],
  );
  const users = await h.request<Location[]>('textDocument/references', {
    textDocument: { uri: h.uri('tsb/tenancy.yaml') },
    position: { line: 9, character: 9 },
    context: { includeDeclaration: false },
  });
  assert.ok(
    users.some((l) => l.uri === setting && l.range.start.line === 4),
    JSON.stringify(users),
  );
  // serviceLabels -> the Services it matches.
  const exposing =
    BOOKINFO['tsb/workspace-setting.yaml']! +
    '      exposedServices:\n        - serviceLabels:\n            app: details\n';
  await h.change('tsb/workspace-setting.yaml', exposing);
  const svc = await h.request<Location[]>('textDocument/definition', {
    textDocument: { uri: setting },
    position: { line: 15, character: 14 },
  });
  assert.deepEqual(
    svc.map((l) => [l.uri, l.range.start.line]),
    [[h.uri('apps/bookinfo.yaml'), 10]],
  );
  const exposers = await h.request<Location[]>('textDocument/references', {
    textDocument: { uri: h.uri('apps/bookinfo.yaml') },
    position: { line: 10, character: 9 },
    context: { includeDeclaration: false },
  });
  assert.deepEqual(
    exposers.map((l) => [l.uri, l.range.start.line]),
    [[setting, 14]],
  );
  await h.change('tsb/workspace-setting.yaml', BOOKINFO['tsb/workspace-setting.yaml']!);
});

test('document symbols: one per resource, spec sections below', async () => {
  const syms = await h.request<DocumentSymbol[]>('textDocument/documentSymbol', {
    textDocument: { uri: h.uri('tsb/tenancy.yaml') },
  });
  assert.deepEqual(
    syms.map((s) => s.name),
    ['Organization tetrate', 'Tenant tetrate'],
  );
  const setting = await h.request<DocumentSymbol[]>('textDocument/documentSymbol', {
    textDocument: { uri: h.uri('tsb/workspace-setting.yaml') },
  });
  const spec = setting[0]!.children!.find((c) => c.name === 'spec')!;
  assert.deepEqual(
    spec.children!.map((c) => c.name),
    ['defaultEastWestGatewaySettings'],
  );
});

test('code lens: exposure counts and the preview command on each east-west entry', async () => {
  const lenses = await h.request<CodeLens[]>('textDocument/codeLens', {
    textDocument: { uri: h.uri('tsb/workspace-setting.yaml') },
  });
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command!.title, l.command!.command]),
    [
      [9, 'exposes 2 services · 2 can fail over', 'tsb.showFailoverPreview'],
      [9, 'Show failover preview', 'tsb.showFailoverPreview'],
    ],
  );
});

test('tsb/failoverModel: the project model for the preview', async () => {
  const model = await h.request<FailoverModel>(FailoverModelRequest.method, {});
  const ws = model.workspaces.find((w) => w.name === 'bookinfo-ws')!;
  assert.deepEqual(
    ws.candidates.map((c) => [c.service, c.failover]),
    [
      ['details', true],
      ['ratings', true],
    ],
  );
});
