// The server speaks the client's display language (`initialize` params.locale): diagnostics with their
// related information, hovers, quick-fix titles, code lenses, completion details, the failover model and
// the project summary. Rule ids, ranges, fix data and the names from the YAML are the same in every
// language; a client that sends no locale (or another one) gets English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  Hover,
  MarkupContent,
} from 'vscode-languageserver-protocol';
import { BOOKINFO } from '../helpers/bookinfo';
import { LspHarness } from '../helpers/lspHarness';
import { WAIT_MS } from '../helpers/within';
import { caret, makeWorkspace, removeWorkspace } from '../helpers/workspace';
import {
  FailoverModelRequest,
  ProjectSummaryRequest,
  type FailoverModel,
  type ProjectSummary,
} from '../../server/src/protocol';

const MISTAKES = `apiVersion: api.tsb.tetrate.io/v2
kind: WorkspaceSetting
Metadata:
  organization: tetrate
  tenant: tetrate
  workspace: other-ws
  name: other-setting
defaultEastWestGatewaySettings:
  - workloadSelector:
      namespace: eastwest
      labels:
        app: eastwest-gw
`;

const CJK = /[\u4e00-\u9fff]/;
let zh: LspHarness;
let en: LspHarness;
let root: string;

before(async () => {
  root = makeWorkspace({ ...BOOKINFO, 'tsb/mistakes.yaml': MISTAKES });
  // These tests compare complete reports in two languages: the first pull must not get a file's own
  // problems alone, which a loaded machine brings about in two ways — a pull while the workspace is
  // still being read (waited for here: the inferred-config request answers once the scan is done),
  // and a first pull whose check takes a while (ownDiagnosticsAfterMs).
  zh = await LspHarness.start({ root, mode: 'pull', locale: 'zh-cn', ownDiagnosticsAfterMs: WAIT_MS });
  en = await LspHarness.start({ root, mode: 'pull', locale: 'en', ownDiagnosticsAfterMs: WAIT_MS });
  await Promise.all([zh.request('tsb/inferredConfig', {}), en.request('tsb/inferredConfig', {})]);
});
after(async () => {
  await zh.dispose();
  await en.dispose();
  removeWorkspace(root);
});

const strip = (ds: Diagnostic[]) =>
  ds.map(({ message: _m, relatedInformation, ...rest }) => ({
    ...rest,
    related: relatedInformation?.map((r) => r.location),
  }));

test('diagnostics in Chinese: the same problems, ranges, rule ids and fix data as in English; names and code kept', async () => {
  const z = await zh.pull('tsb/mistakes.yaml');
  const e = await en.pull('tsb/mistakes.yaml');
  assert.ok(z.length >= 2, JSON.stringify(z));
  assert.deepEqual(strip(z), strip(e), 'only the words change');
  const keyCase = z.find((d) => d.code === 'key-case')!;
  assert.equal(
    keyCase.message,
    '`Metadata` 应写作 `metadata`：tctl 可能容忍，但 kubectl、GitOps 和 Kubernetes 会拒绝大小写错误的写法。',
  );
  assert.equal(
    e.find((d) => d.code === 'key-case')!.message,
    '`Metadata` should be written `metadata`: tctl may tolerate it, but kubectl, GitOps and Kubernetes reject the wrong case.',
  );
  const misplaced = z.find((d) => d.code === 'unknown-field')!;
  assert.match(misplaced.message, CJK);
  assert.match(misplaced.message, /`defaultEastWestGatewaySettings`.*WorkspaceSetting.*`spec`/);
  for (const d of z) assert.match(d.message, CJK, d.message);
  // Related information of a cross-file problem is translated too.
  const selector = z.find((d) => d.code === 'gateway-selector-no-match')!;
  assert.match(selector.message, /没有网关符合命名空间 eastwest 中的 app=eastwest-gw；是否想写 app=eastwest-gateway？/);
  assert.ok(selector.relatedInformation?.length);
  for (const r of selector.relatedInformation!) assert.match(r.message, CJK, r.message);
  assert.match(
    z.find((d) => d.code === 'parent-not-found')!.message,
    /WorkspaceSetting other-setting 引用了工作区 other-ws/,
  );
});

test('hover in Chinese: what a selector matches, and our words around the API reference', async () => {
  await zh.open('tsb/workspace-setting.yaml');
  const sel = await zh.request<Hover>('textDocument/hover', {
    textDocument: { uri: zh.uri('tsb/workspace-setting.yaml') },
    position: { line: 12, character: 12 },
  });
  const text = (sel.contents as MarkupContent).value;
  assert.match(text, /\*\*选中 1 个网关：\*\*/);
  assert.match(
    text,
    /命名空间 `eastwest` 中的 IngressGateway `eastwest-gateway`（仅东西向）：`cluster-1, cluster-2`，由 `tsb\.config\.yaml placement 2 \(gateways\/\*\*\)[^`]*` 应用/,
  );
  await zh.close('tsb/workspace-setting.yaml');
  await zh.open('tsb/workspace.yaml');
  const key = await zh.request<Hover>('textDocument/hover', {
    textDocument: { uri: zh.uri('tsb/workspace.yaml') },
    position: { line: 7, character: 4 },
  });
  const doc = (key.contents as MarkupContent).value;
  assert.match(doc, /^\*\*namespaceSelector\*\* `object` — 必填/, 'our words in Chinese');
  assert.match(doc, /namespaces/i, 'the API reference as it is');
  await zh.close('tsb/workspace.yaml');
});

test('quick-fix titles in Chinese, with the same edits', async () => {
  const rel = 'tsb/mistakes.yaml';
  const titles = async (h: LspHarness) => {
    const ds = (await h.pull(rel)).filter((d) => d.code === 'key-case');
    const actions = await h.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: h.uri(rel) },
      range: ds[0]!.range,
      context: { diagnostics: ds, only: ['quickfix'] },
    });
    return actions.map((a) => [a.title, JSON.stringify(a.edit)]);
  };
  const z = await titles(zh);
  const e = await titles(en);
  assert.deepEqual(
    z.map((x) => x[1]),
    e.map((x) => x[1]),
  );
  assert.deepEqual(
    z.map((x) => x[0]),
    ['改写为 `metadata`'],
  );
  assert.deepEqual(
    e.map((x) => x[0]),
    ['Write `metadata`'],
  );
});

test('code lenses and completion details in Chinese', async () => {
  const lenses = await zh.request<CodeLens[]>('textDocument/codeLens', {
    textDocument: { uri: zh.uri('tsb/workspace-setting.yaml') },
  });
  assert.deepEqual(
    lenses.map((l) => l.command!.title),
    ['暴露 2 个服务 · 2 个可以故障转移', '显示故障转移预览'],
  );
  const { text, position } = caret(
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: |\n',
  );
  await zh.open('tsb/new.yaml', text);
  const list = await zh.request<CompletionList>('textDocument/completion', {
    textDocument: { uri: zh.uri('tsb/new.yaml') },
    position,
  });
  await zh.close('tsb/new.yaml');
  assert.equal(list.items.find((i) => i.label === 'tetrate')?.detail, '此项目中的租户');
});

test('the failover model and the project summary in Chinese, as plain data', async () => {
  const model = await zh.request<FailoverModel>(FailoverModelRequest.method, {});
  assert.doesNotMatch(JSON.stringify(model), /L10n/);
  const english = await en.request<FailoverModel>(FailoverModelRequest.method, {});
  assert.equal(
    JSON.stringify(model.workspaces.map((w) => w.candidates.map((c) => [c.service, c.clusters, c.failover]))),
    JSON.stringify(english.workspaces.map((w) => w.candidates.map((c) => [c.service, c.clusters, c.failover]))),
  );
  const summary = await zh.request<ProjectSummary>(ProjectSummaryRequest.method, {});
  for (const n of [...summary.notes, ...summary.inferenceNotes.map((x) => x.reason)]) assert.match(n, CJK, n);
});

test('a client that sends another language, or none, gets English', async () => {
  const fr = await LspHarness.start({ root, mode: 'pull', locale: 'fr' });
  try {
    const ds = await fr.pull('tsb/mistakes.yaml');
    assert.ok(ds.length > 0);
    for (const d of ds) assert.doesNotMatch(d.message, CJK);
  } finally {
    await fr.dispose();
  }
});
