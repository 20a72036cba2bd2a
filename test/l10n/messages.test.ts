// The client side speaks English and Simplified Chinese: every message id used in client/src (vscode.l10n.t
// in the extension, t in the webview app) exists in both bundles, and every %key% of package.json in both
// package.nls files. What must stay as written stays: placeholders, file names, field names (camelCase),
// kinds, rule ids, commands (kubectl, tctl, tsb-lint) and the YAML they quote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '../../server/src/engine/problems';
import { messageIds } from '../helpers/l10nKeys';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const read = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as Record<string, string>;
const en = read('l10n/bundle.l10n.json');
const zh = read('l10n/bundle.l10n.zh-cn.json');
const { uses, nonLiteral } = messageIds(path.join(root, 'client', 'src'));
const ids = [...new Set(uses.map((u) => u.key))];

/** Text that is never translated: it names something in the YAML, a file, a command, a rule, or is a placeholder. */
function protectedTokens(s: string): string[] {
  const out: string[] = [];
  const pats = [
    /\{\d+\}/g, // placeholders
    /[\w.-]+\.ya?ml\b/g, // file names
    /\b[a-z]+[A-Z][A-Za-z]*\b(?::\s*(?:true|false))?/g, // field names (defaultEastWestGatewaySettings, eastWestOnly: true)
    /\bWorkspaceSetting\b/g,
    /\bkubectl (?:apply|scale deployment [\w.-]+(?: --[\w=-]+)*)|\btctl apply\b|\btsb-lint\b/g, // commands
    /"TSB: [A-Za-z ]+"/g, // command palette titles quoted in messages
  ];
  for (const re of pats) for (const m of s.matchAll(re)) out.push(m[0].replace(/^"|"$/g, ''));
  for (const id of RULE_IDS) if (new RegExp(`\\b${id}\\b`).test(s)) out.push(id);
  return out;
}

/** Messages that are the same in both languages (separators, placeholders only, product names). */
const SAME = new Set(['{0} · {1}', 'TSB', 'TSB: {0} · {1} · {2}', '{0}: WorkspaceSetting {1}']);

test('every message id is a literal and exists in the English and the Chinese bundle; no bundle key is unused', () => {
  assert.deepEqual(nonLiteral, [], 'calls of t()/l10n.t() whose message is not a string literal');
  assert.ok(ids.length > 150, `found ${ids.length} message ids`);
  const missingEn = ids.filter((k) => !(k in en));
  const missingZh = ids.filter((k) => !(k in zh));
  assert.deepEqual(missingEn, [], 'missing from l10n/bundle.l10n.json');
  assert.deepEqual(missingZh, [], 'missing from l10n/bundle.l10n.zh-cn.json');
  assert.deepEqual(
    Object.keys(en).filter((k) => !ids.includes(k)),
    [],
    'unused in bundle.l10n.json',
  );
  assert.deepEqual(
    Object.keys(zh).filter((k) => !ids.includes(k)),
    [],
    'unused in bundle.l10n.zh-cn.json',
  );
  for (const [k, v] of Object.entries(en)) assert.equal(v, k, 'the English bundle says what the code says');
});

test('Chinese messages are translated and keep placeholders, file and field names, kinds, rule ids and commands', () => {
  const problems: string[] = [];
  for (const [k, v] of Object.entries(zh)) {
    if (!SAME.has(k) && (v === k || !/[\u4e00-\u9fff]/.test(v)) && !/^[{}\d\s·,:;/()]*$/.test(k))
      problems.push(`not translated: ${k}`);
    const want = protectedTokens(k).sort();
    const got = want.filter((tok) => v.split(tok).length - 1 >= k.split(tok).length - 1);
    if (got.length !== want.length)
      problems.push(`${k}\n    -> ${v}\n    lost: ${want.filter((x) => !got.includes(x)).join(', ')}`);
    const ph = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    if (ph(k) !== ph(v)) problems.push(`placeholders differ: ${k} -> ${v}`);
  }
  assert.deepEqual(problems, []);
});

test('the token check catches a translated field name or a dropped placeholder', () => {
  assert.deepEqual(
    protectedTokens(
      'Add defaultEastWestGatewaySettings to {0} in tsb.config.yaml (rule gateway-selector-no-match)',
    ).sort(),
    ['defaultEastWestGatewaySettings', 'gateway-selector-no-match', 'tsb.config.yaml', '{0}'].sort(),
  );
});

test('package.json: every %key% exists in package.nls.json and package.nls.zh-cn.json; the per-rule setting list is left as is', () => {
  const pkgText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const keys = [...new Set([...pkgText.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]!))];
  const nlsEn = read('package.nls.json');
  const nlsZh = read('package.nls.zh-cn.json');
  assert.ok(keys.includes('command.tsb.showFailoverPreview.title') && keys.includes('config.tsb.enable.description'));
  assert.deepEqual(
    keys.filter((k) => !(k in nlsEn)),
    [],
    'missing from package.nls.json',
  );
  assert.deepEqual(
    keys.filter((k) => !(k in nlsZh)),
    [],
    'missing from package.nls.zh-cn.json',
  );
  assert.deepEqual(Object.keys(nlsEn).sort(), [...keys].sort(), 'package.nls.json has no unused key');
  assert.deepEqual(Object.keys(nlsZh).sort(), [...keys].sort(), 'package.nls.zh-cn.json has no unused key');
  for (const k of keys) {
    for (const tok of protectedTokens(nlsEn[k]!))
      assert.ok(nlsZh[k]!.includes(tok), `${k}: "${tok}" kept in ${nlsZh[k]}`);
    if (nlsEn[k] !== 'TSB' && nlsEn[k] !== 'TSB Authoring')
      assert.match(nlsZh[k]!, /[\u4e00-\u9fff]/, `${k} is translated`);
  }
  const pkg = JSON.parse(pkgText) as {
    l10n: string;
    contributes: {
      configuration: { properties: Record<string, { markdownDescription?: string; properties?: object }> };
    };
  };
  assert.equal(pkg.l10n, './l10n');
  const rules = pkg.contributes.configuration.properties['tsb.rules']!;
  assert.doesNotMatch(
    JSON.stringify(rules),
    /%[\w.-]+%/,
    'tsb.rules (generated from the rule registry) is not localized here',
  );
});
