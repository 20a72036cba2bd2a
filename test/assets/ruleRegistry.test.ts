// The rule registry is the one place a rule is defined: package.json's settings, the README table,
// docs/rules/<id>.md, SARIF rule metadata and the editor's diagnostic link all agree with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  REPOSITORY_URL,
  RULE_DEFINITIONS,
  RULE_DOCS_BASE,
  ruleHelpUri,
  sarifRule,
} from '../../server/src/engine/rules/registry/index';
import { RULE_IDS, RULES } from '../../server/src/engine/problems';
import { toDiagnostic } from '../../server/src/engine/features/diagnostics';
import { formatCheck } from '../../server/src/node/format';
import { readmeTable, README_END, README_START, rulePages, ruleSettings } from '../../scripts/rulesArtifacts';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const REGENERATE = 'run `npm run rules-docs` after changing a rule';

test('one file per rule, named after its id; ids are unique kebab-case and every definition is complete', () => {
  const dir = path.join(root, 'server/src/engine/rules/registry');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts')
    .map((f) => f.slice(0, -3))
    .sort();
  assert.deepEqual(files, RULE_DEFINITIONS.map((r) => r.id).sort());
  assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
  for (const r of RULE_DEFINITIONS) {
    assert.match(r.id, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.match(fs.readFileSync(path.join(dir, `${r.id}.ts`), 'utf8'), new RegExp(`id: '${r.id}'`));
    assert.ok(r.description.length > 20 && !r.description.includes('\n'), `${r.id}: one-line description`);
    assert.ok(r.explanation.length > 80, `${r.id}: explanation`);
    assert.ok(r.bad.trim() && r.good.trim() && r.bad !== r.good, `${r.id}: a bad and a good example`);
    assert.equal(RULES.get(r.id)?.severity, r.severity);
  }
});

test('package.json tsb.rules lists every rule with its description and documentation link', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.configuration.properties['tsb.rules'].properties, ruleSettings(), REGENERATE);
});

test('the README rule table is the generated one', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
  assert.equal(table, readmeTable(), REGENERATE);
  for (const r of RULE_DEFINITIONS)
    assert.ok(table.includes(`[\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} |`), r.id);
});

test('docs/rules holds exactly one generated page per rule', () => {
  const dir = path.join(root, 'docs/rules');
  const pages = rulePages();
  assert.deepEqual(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort(),
    [...pages.keys()].sort(),
    REGENERATE,
  );
  for (const [name, text] of pages)
    assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, `docs/rules/${name}: ${REGENERATE}`);
});

test('SARIF rule metadata: full description, help and a helpUri to the rule page, for every rule', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.equal(REPOSITORY_URL, pkg.repository.url);
  for (const r of RULE_DEFINITIONS) {
    const s = sarifRule(r.id)!;
    assert.equal(s.id, r.id);
    assert.equal(s.helpUri, `${RULE_DOCS_BASE}${r.id}.md`);
    assert.ok(fs.existsSync(path.join(root, 'docs/rules', `${r.id}.md`)));
    assert.equal(s.shortDescription.text, r.description);
    assert.ok(
      s.fullDescription.text.length > s.shortDescription.text.length && !s.fullDescription.text.includes('`'),
      r.id,
    );
    assert.ok(s.help.text.includes(r.id) && s.help.text.includes(s.helpUri), r.id);
    assert.ok(s.help.markdown.startsWith(rulePages().get(`${r.id}.md`)!) && s.help.markdown.includes(s.helpUri), r.id);
    assert.equal(
      s.defaultConfiguration.level,
      { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[r.severity],
    );
    assert.equal(
      sarifRule(r.id, 'https://example.com/fork')!.helpUri,
      `https://example.com/fork/blob/main/docs/rules/${r.id}.md`,
    );
  }
  assert.equal(sarifRule('no-such-rule'), undefined);
});

test('what tsb-lint --format sarif says about each rule agrees with the registry', () => {
  const repository = 'https://example.com/tsb';
  const sarif = JSON.parse(
    formatCheck([], 'sarif', { fileCount: 0, cwd: root, sarifRoot: root, version: '0.0.0', repository }),
  );
  const rules = sarif.runs[0].tool.driver.rules as Record<string, unknown>[];
  assert.deepEqual(
    rules.map((r) => r.id),
    RULE_DEFINITIONS.map((r) => r.id),
  );
  for (const driverRule of rules) {
    const expected = sarifRule(String(driverRule['id']), repository)!;
    for (const k of ['id', 'name', 'shortDescription', 'helpUri', 'defaultConfiguration'] as const)
      assert.deepEqual(driverRule[k], expected[k], `${driverRule['id']}: ${k}`);
  }
});

test('editor diagnostics link to the rule page', () => {
  const d = toDiagnostic({
    rule: 'invalid-name',
    severity: 'error',
    message: 'm',
    messageL10n: { key: 'm' },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  });
  assert.deepEqual(d.codeDescription, { href: ruleHelpUri('invalid-name') });
});
