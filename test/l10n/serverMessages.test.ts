// The server and tsb-lint speak English and Simplified Chinese. Every message is made from a literal
// English template (msg/msgN, read here from the sources) or is a text of the schema catalog; each one
// exists in the Chinese bundle with the same placeholders, and what must stay as written stays: code
// spans, field names, kinds, rule ids, file names, commands and flags. The analysis carries messages as
// data: the English text is the template rendered, and rendering in Chinese never falls back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalog, createProject, RULE_IDS, type Project } from '../../server/src/engine/index';
import { bundle, missingTranslations, render, renderArg, toLocale } from '../../server/src/engine/l10n/translate';
import { andLast, commas, msg, msgN, ors } from '../../server/src/engine/l10n/message';
import { localizeModel, localizeNote, localizeProblem, localizeUnit } from '../../server/src/engine/localize';
import { scanYamlFiles, readText } from '../../server/src/node/scan';
import { chooseLanguages, environmentLocale } from '../../server/src/node/language';
import { callArguments, literalValue, schemaMessageIds, serverMessageIds } from '../helpers/serverMessages';
import { repoRoot } from '../helpers/repo';
import { treeDirs } from '../helpers/trees';

const root = repoRoot();
const zh = bundle('zh-cn');
const { uses, nonLiteral } = serverMessageIds(path.join(root, 'server', 'src'));
const codeIds = [...new Set(uses.map((u) => u.key))];
const schemaIds = schemaMessageIds();
const ids = [...new Set([...codeIds, ...schemaIds])];

const PLACEHOLDER = /\{[A-Za-z0-9_]+\}/g;
const placeholders = (s: string) => [...new Set(s.match(PLACEHOLDER) ?? [])].sort();

/** Kinds a message may name; they stay as written. */
const KINDS = [
  ...new Set([...catalog.map((e) => e.kind), 'Service', 'Namespace', 'Deployment', 'Application', 'ApplicationSet']),
];

/** Code spans that hold English words, not YAML (the fallback name of a list): translated. */
const PROSE_CODE = new Set(['`the list`']);

/** Text that is never translated: placeholders, code, names from the API and the tools, commands, flags. */
function protectedTokens(s: string): string[] {
  const out: string[] = [];
  const pats = [
    PLACEHOLDER,
    /`[^`]+`/g, // code spans (field names, YAML, values)
    /[\w.-]+\.ya?ml\b/g, // file names
    /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g, // field names (defaultEastWestGatewaySettings, clusterName)
    /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, // environment variables (ENABLE_DNS_RESOLUTION_AT_EDGE)
    /(?<![\w-])--[a-z][a-z-]*/g, // flags
    /\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[\w*.-]+/g, // annotation keys and API groups (xcp.tetrate.io/cluster-external-addresses)
    /\b(?:kubectl|tctl|tsb-lint|helm template|kustomize|envsubst|picomatch|Istio|Envoy|GitOps|Kubernetes|Argo CD|Flux|IST0145|DNS-1035|DNS-1123)\b/g,
  ];
  for (const re of pats) for (const m of s.matchAll(re)) if (!PROSE_CODE.has(m[0])) out.push(m[0]);
  for (const kind of KINDS) if (new RegExp(`\\b${kind}\\b`).test(s)) out.push(kind);
  for (const id of RULE_IDS) if (new RegExp(`\\b${id}\\b`).test(s)) out.push(id);
  return [...new Set(out)];
}

/** Templates made only of placeholders, code and names: the same in both languages. */
const SAME = new Set(['TSB {version}', 'Cluster {name}']);
const hasWords = (k: string) => /[A-Za-z]{2,}/.test(k.replace(PLACEHOLDER, '').replace(/`[^`]*`/g, ''));

test('the message scanner reads literals and arguments as the compiler does', () => {
  assert.equal(literalValue("'a `b` c'"), 'a `b` c');
  assert.equal(literalValue('"it\'s {x}"'), "it's {x}");
  assert.equal(literalValue('`no ${interpolation}`'), undefined);
  assert.equal(literalValue("'a' + 'b'"), undefined);
  assert.equal(literalValue('name'), undefined);
  const src = "msg('x, y {a}', { a: f(1, 2), b: [3, 4] }, 'z')";
  assert.deepEqual(
    callArguments(src, 3).map((a) => a.trim()),
    ["'x, y {a}'", '{ a: f(1, 2), b: [3, 4] }', "'z'"],
  );
});

test('every server and tsb-lint message is a literal template and exists in the Chinese bundle; no bundle entry is unused', () => {
  assert.deepEqual(nonLiteral, [], 'msg/msgN calls whose template is not a string literal');
  assert.ok(codeIds.length > 400, `found ${codeIds.length} message ids in server/src`);
  assert.ok(schemaIds.length > 15, `found ${schemaIds.length} texts in the schema catalog`);
  assert.deepEqual(
    ids.filter((k) => !(k in zh)),
    [],
    'missing from server/src/engine/l10n/zh-cn.json',
  );
  assert.deepEqual(
    Object.keys(zh).filter((k) => !ids.includes(k)),
    [],
    'unused in zh-cn.json',
  );
});

test('Chinese messages are translated and keep placeholders, code, field names, kinds, rule ids, files, commands and flags', () => {
  const problems: string[] = [];
  for (const [k, v] of Object.entries(zh)) {
    if (!SAME.has(k) && hasWords(k) && !/[\u4e00-\u9fff]/.test(v)) problems.push(`not translated: ${k} -> ${v}`);
    if (placeholders(k).join() !== placeholders(v).join()) problems.push(`placeholders differ: ${k} -> ${v}`);
    const lost = protectedTokens(k).filter((tok) => !v.includes(tok));
    if (lost.length) problems.push(`${k}\n    -> ${v}\n    lost: ${lost.join(', ')}`);
  }
  assert.deepEqual(problems, []);
});

test('the token check catches a translated field name, a lost kind or a dropped placeholder', () => {
  assert.deepEqual(
    protectedTokens(
      'Add `version: {version}` to WorkspaceSetting {name} (defaultEastWestGatewaySettings, rule gateway-selector-no-match, --lang, tsb.config.yaml)',
    ).sort(),
    [
      'WorkspaceSetting',
      'defaultEastWestGatewaySettings',
      'gateway-selector-no-match',
      '--lang',
      'tsb.config.yaml',
      '`version: {version}`',
      '{name}',
      '{version}',
    ].sort(),
  );
});

test('messages render in either language; lists and nested messages are whole sentences in each', () => {
  const m = msg('{apiVersion} has no kind {kind}; {kind} is {versions}.', {
    apiVersion: 'a/v1',
    kind: 'K',
    versions: ors(['b/v1', 'c/v2']),
  });
  assert.equal(render(m), 'a/v1 has no kind K; K is b/v1 or c/v2.');
  assert.equal(render(m, 'zh-cn'), 'a/v1 中没有 kind K；K 属于 b/v1 或 c/v2。');
  assert.equal(renderArg(andLast(['a', 'b', 'c']), 'en'), 'a, b and c');
  assert.equal(renderArg(andLast(['a', 'b']), 'en'), 'a and b');
  assert.equal(renderArg(andLast(['a', 'b', 'c']), 'zh-cn'), 'a、b 和 c');
  assert.equal(renderArg(commas(['a', 'b']), 'zh-cn'), 'a、b');
  const nested = msg('If {a} and {b} are applied together: {finding}', {
    a: 'x/',
    b: 'y/',
    finding: msg(
      '{kind} {name} is defined twice (the other definition is {where}): both definitions have the same spec, so one is redundant.',
      { kind: 'Tenant', name: 't', where: 'a.yaml:3' },
    ),
  });
  assert.equal(
    render(nested, 'zh-cn'),
    '如果 x/ 和 y/ 一起应用：Tenant t 定义了两次（另一处定义在 a.yaml:3）：两处定义的 spec 相同，其中一处是多余的。',
  );
  // Values are inserted once: a value that looks like a placeholder stays as it is.
  assert.equal(render(msg('unknown option {option}', { option: '{option}{x}' }), 'zh-cn'), '未知选项 {option}{x}');
  assert.equal(render(msgN(1, '{n} file', '{n} files', { n: 1 })), '1 file');
  assert.equal(render(msgN(2, '{n} file', '{n} files', { n: 2 }), 'zh-cn'), '2 个文件');
});

test('locale names: zh* is Chinese, anything else English; tsb-lint reads --lang, else LC_ALL, LC_MESSAGES, LANG', () => {
  for (const zhName of ['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh', 'zh-Hans', 'zh-tw', 'zh_CN@pinyin'])
    assert.equal(toLocale(zhName), 'zh-cn', zhName);
  for (const other of ['en', 'en-US', 'C', 'C.UTF-8', 'POSIX', 'fr_FR.UTF-8', 'zhx', '', undefined, null])
    assert.equal(toLocale(other), 'en', String(other));
  assert.equal(environmentLocale({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
  assert.equal(environmentLocale({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en', 'LC_ALL wins');
  assert.equal(
    environmentLocale({ LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'en_US' }),
    'zh-cn',
    'an empty LC_ALL is unset',
  );
  assert.equal(environmentLocale({}), 'en');
  assert.deepEqual(
    chooseLanguages(['check'], { LANG: 'zh_CN.UTF-8' }),
    { text: 'zh-cn', data: 'en' },
    'JSON and SARIF do not follow the environment',
  );
  assert.deepEqual(chooseLanguages(['check', '--lang', 'zh-cn'], {}), { text: 'zh-cn', data: 'zh-cn' });
  assert.deepEqual(chooseLanguages(['check', '--lang=en'], { LANG: 'zh_CN.UTF-8' }), { text: 'en', data: 'en' });
  assert.equal(chooseLanguages(['check', '--lang', 'fr'], {}).invalid, 'fr');
});

/** Every file of a folder, as the CLI reads it, in a fresh project. */
function load(dir: string): Project {
  const project = createProject();
  const { files } = scanYamlFiles([dir], true);
  for (const f of files) {
    const uri = pathToFileURL(f.path).href;
    if (f.path.endsWith(`${path.sep}tsb.config.yaml`)) {
      const r = readText(f.path, 1 << 20);
      if ('text' in r) project.setConfig(pathToFileURL(path.dirname(f.path)).href, r.text);
      continue;
    }
    const r = readText(f.path, 20 << 20);
    if (f.source) {
      if ('text' in r) project.setSource(uri, r.text);
      continue;
    }
    if ('skipped' in r) project.update(uri, '', 0, { skip: r.skipped });
    else project.update(uri, r.text, 0, { template: f.template, strictUtf8: true });
  }
  return project;
}

/** What a project says, in Chinese: no message falls back to English, no placeholder is left, English is the template rendered. */
function checkProject(project: Project): number {
  let n = 0;
  const leftover = (text: string, english: string) =>
    (text.match(PLACEHOLDER) ?? []).filter((p) => !english.includes(p));
  for (const uri of project.uris()) {
    for (const p of project.diagnostics(uri)) {
      n++;
      assert.equal(render(p.messageL10n), p.message, 'the English message is its template rendered');
      const z = localizeProblem(p, 'zh-cn');
      assert.deepEqual(leftover(z.message, p.message), [], z.message);
      for (const r of p.related ?? []) assert.equal(render(r.messageL10n), r.message);
      for (const tok of [p.rule]) assert.ok(!z.message.includes(`{${tok}}`));
    }
  }
  const model = localizeModel(project.failoverModel(), 'zh-cn');
  assert.doesNotMatch(JSON.stringify(model), /L10n/, 'the localized model carries no messages');
  const reasons = [
    ...model.notes,
    ...model.workspaces.flatMap((w) => [
      ...w.candidates.flatMap((c) => (c.reason ? [c.reason] : [])),
      ...w.excluded.map((e) => e.reason),
    ]),
  ];
  for (const r of reasons) assert.match(r, /[\u4e00-\u9fff]/, `not in Chinese: ${r}`);
  for (const d of project.deployments()) {
    for (const u of d.units) assert.doesNotMatch(JSON.stringify(localizeUnit(u, 'zh-cn')), /L10n/);
    for (const note of d.notes) assert.match(localizeNote(note, 'zh-cn').reason, /[\u4e00-\u9fff]/, note.reason);
  }
  return n;
}

test('the bundled examples and test fixtures in Chinese: every message translated, English unchanged', () => {
  const before = missingTranslations().length;
  let n = 0;
  for (const dir of ['examples/bookinfo-failover', 'examples/common-mistakes', 'test/fixtures/tctl-get'])
    n += checkProject(load(path.join(root, dir)));
  assert.ok(n >= 7, `${n} problems checked`);
  assert.deepEqual(missingTranslations().slice(before), []);
});

test('the corpus trees, real-world files and acceptance cases in Chinese: every message translated', (t) => {
  const dirs = treeDirs(t);
  if (!dirs) return;
  const shared = path.resolve(dirs[0]!, '..', '..', '..');
  const more = (sub: string) =>
    fs
      .readdirSync(path.join(shared, sub), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(shared, sub, e.name));
  let n = 0;
  for (const dir of [...dirs, ...more(path.join('corpus', 'real-world')), ...more(path.join('acceptance', 'cases'))])
    n += checkProject(load(dir));
  t.diagnostic(`${n} problems checked in Chinese`);
  assert.ok(n > 100, `${n} problems checked`);
  assert.deepEqual(missingTranslations(), []);
});
