// tsb-lint in the user's language: `--lang`, else LC_ALL / LC_MESSAGES / LANG for what people read (text
// output, usage and errors); JSON and SARIF follow `--lang` only, and SARIF fingerprints never change with
// the language. Severities, rule ids, paths and names from the YAML stay as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, tsbLint } from '../helpers/cli';
import { BOOKINFO } from '../helpers/bookinfo';
import { BUILT, unlessBuilt } from '../helpers/built';

const NEEDS_CLI = { skip: unlessBuilt(BUILT.cli) };

const ZH = { LANG: 'zh_CN.UTF-8' };
const CJK = /[\u4e00-\u9fff]/;

const files = {
  ...BOOKINFO,
  'tsb/mistakes.yaml': `apiVersion: api.tsb.tetrate.io/v2
kind: WorkspaceSetting
metadata:
  organization: tetrate
  tenant: tetrate
  workspace: other-ws
  name: other-setting
spec:
  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest
        labels:
          app: eastwest-gw
`,
  'gateways/bad.yaml':
    'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: extra\n  namespace: eastwest\nspec:\n  eastWestOnly: "true"\n',
};

test(
  'check --lang zh-cn: messages and the summary in Chinese; file, line, severity and rule as always',
  NEEDS_CLI,
  () => {
    const dir = project(files);
    const en = tsbLint(['check', '.'], dir);
    const zh = tsbLint(['check', '.', '--lang', 'zh-cn'], dir);
    assert.equal(zh.code, en.code);
    assert.equal(en.code, 1);
    const head = (s: string) =>
      s
        .trimEnd()
        .split('\n')
        .slice(0, -1)
        .map((l) => l.replace(/: [^:]*[^\x00-\x7f].*$|: [^:]+$/, ''));
    assert.deepEqual(head(zh.stdout), head(en.stdout), 'the same problems at the same places');
    assert.match(
      zh.stdout,
      /^gateways\/bad\.yaml:7:17: error invalid-type: `eastWestOnly` 必须是布尔值（true 或 false），而不是 "true"。请去掉引号。$/m,
    );
    assert.match(
      zh.stdout,
      /^tsb\/mistakes\.yaml:12:9: warning gateway-selector-no-match: 没有网关符合命名空间 eastwest 中的 app=eastwest-gw；是否想写 app=eastwest-gateway？（名为 X 的网关安装 CR 部署的 Pod 带有标签 app=X。）$/m,
    );
    assert.match(
      zh.stdout,
      /^tsb\/mistakes\.yaml:6:14: warning parent-not-found: WorkspaceSetting other-setting 引用了工作区 other-ws，但项目中没有任何地方定义它。$/m,
    );
    assert.match(zh.stdout, /\n1 个错误，\d+ 个警告，\d+ 个提示，共 \d+ 个文件。\n$/);
    assert.match(en.stdout, /\n1 error, \d+ warnings?, \d+ notes? in \d+ files\.\n$/);
  },
);

test(
  'LANG=zh_CN.UTF-8: text in Chinese, JSON and SARIF in English; LC_ALL and LC_MESSAGES come first',
  NEEDS_CLI,
  () => {
    const dir = project(files);
    const text = tsbLint(['check', '.'], dir, undefined, ZH);
    assert.match(text.stdout, /个错误，/);
    assert.match(text.stdout, /invalid-type: `eastWestOnly` 必须是布尔值/);
    const json = JSON.parse(tsbLint(['check', '.', '--format', 'json'], dir, undefined, ZH).stdout) as {
      diagnostics: { message: string }[];
    };
    for (const d of json.diagnostics) assert.doesNotMatch(d.message, CJK, 'JSON follows --lang only');
    const sarif = tsbLint(['check', '.', '--format', 'sarif'], dir, undefined, ZH).stdout;
    assert.doesNotMatch(
      JSON.stringify(
        (JSON.parse(sarif) as { runs: { results: { message: { text: string } }[] }[] }).runs[0]!.results.map(
          (r) => r.message.text,
        ),
      ),
      CJK,
    );
    assert.doesNotMatch(tsbLint(['check', '.'], dir, undefined, { ...ZH, LC_ALL: 'C' }).stdout, CJK, 'LC_ALL=C wins');
    assert.match(
      tsbLint(['check', '.'], dir, undefined, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }).stdout,
      CJK,
      'LC_MESSAGES before LANG',
    );
    assert.doesNotMatch(
      tsbLint(['check', '.', '--lang', 'en'], dir, undefined, ZH).stdout,
      CJK,
      '--lang before the environment',
    );
  },
);

test(
  '--lang zh-cn: JSON and SARIF messages in Chinese; SARIF fingerprints and rule metadata do not change with the language',
  NEEDS_CLI,
  () => {
    const dir = project(files);
    const json = JSON.parse(tsbLint(['check', '.', '--format', 'json', '--lang', 'zh-cn'], dir).stdout) as {
      diagnostics: { rule: string; message: string }[];
    };
    assert.ok(json.diagnostics.length > 2);
    for (const d of json.diagnostics) assert.match(d.message, CJK, d.message);
    type Sarif = {
      runs: {
        tool: unknown;
        results: { ruleId: string; message: { text: string }; partialFingerprints: Record<string, string> }[];
      }[];
    };
    const en = JSON.parse(tsbLint(['check', '.', '--format', 'sarif'], dir).stdout) as Sarif;
    const zh = JSON.parse(tsbLint(['check', '.', '--format', 'sarif', '--lang', 'zh-cn'], dir).stdout) as Sarif;
    assert.deepEqual(
      zh.runs[0]!.results.map((r) => [r.ruleId, r.partialFingerprints]),
      en.runs[0]!.results.map((r) => [r.ruleId, r.partialFingerprints]),
    );
    assert.deepEqual(zh.runs[0]!.tool, en.runs[0]!.tool, 'rule documentation stays English');
    for (const r of zh.runs[0]!.results) assert.match(r.message.text, CJK);
  },
);

test('failover and units in Chinese: tables keep their column heads, names stay as written', NEEDS_CLI, () => {
  const dir = project(BOOKINFO);
  const f = tsbLint(['failover', '.', '--lang', 'zh-cn', '--down', 'cluster-1/bookinfo/details-v1'], dir);
  assert.equal(f.code, 0, f.stderr);
  assert.match(f.stdout, /^Workspace tetrate\/tetrate\/bookinfo-ws {2}（命名空间：\*\/bookinfo）/m);
  assert.match(f.stdout, /SERVICE +NAMESPACE +CLUSTERS +VERSIONS +FAILOVER/);
  assert.match(f.stdout, /details +bookinfo +cluster-1,cluster-2 +v1 +是/);
  assert.match(f.stdout, /^如果 cluster-1\/bookinfo\/details-v1 缩容到零副本：$/m);
  assert.match(
    f.stdout,
    /cluster-1 中 details 的调用方经由东西向网关 eastwest\/app=eastwest-gateway 转到 cluster-2：cluster-1 中已没有 details 工作负载/,
  );
  const json = JSON.parse(tsbLint(['failover', '.', '--format', 'json'], dir, undefined, ZH).stdout) as {
    notes: string[];
  };
  assert.doesNotMatch(JSON.stringify(json), /L10n/);
  const u = tsbLint(['units', '.', '--lang', 'zh-cn'], dir);
  assert.match(u.stdout, /个部署单元，覆盖 \d+ 个文件。/);
});

test("usage and errors on stderr in the user's language; an unknown --lang is a usage error", NEEDS_CLI, () => {
  const dir = project({});
  const zh = tsbLint(['frob'], dir, undefined, ZH);
  assert.equal(zh.code, 2);
  assert.equal(zh.stderr, 'tsb-lint: 未知命令 "frob"（参见 tsb-lint --help）\n');
  assert.equal(tsbLint(['frob'], dir).stderr, 'tsb-lint: unknown command "frob" (see tsb-lint --help)\n');
  const missing = tsbLint(['check', 'nope', '--lang', 'zh-cn'], dir);
  assert.equal(missing.stderr, 'tsb-lint: 没有这个文件或文件夹：nope（参见 tsb-lint --help）\n');
  const bad = tsbLint(['check', '.', '--lang', 'fr'], dir);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'tsb-lint: --lang must be en or zh-cn, not "fr" (see tsb-lint --help)\n');
  assert.equal(tsbLint(['check', '.', '--lang'], dir).stderr, 'tsb-lint: --lang needs a value (see tsb-lint --help)\n');
  const help = tsbLint(['--help', '--lang', 'zh-cn'], dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^用法：\n {2}tsb-lint check .*\[--lang en\|zh-cn\]/);
});
