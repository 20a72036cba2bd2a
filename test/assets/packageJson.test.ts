// package.json and the code agree: every Settings key has a `tsb.*` configuration entry with the
// same default (and no extra ones), rule ids match the rule catalogue, commands are contributed,
// no static snippets (completion offers them where they fit), and vsce will not prompt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_SETTINGS,
  SEVERITY_SETTINGS,
  SETTING_KEYS,
  TRACE_SETTINGS,
  Commands,
  normaliseSettings,
  readSettingsWith,
} from '../../server/src/protocol';
import { FAILOVER_PREVIEW_VIEW_TYPE, PROJECT_SUMMARY_VIEW_TYPE } from '../../client/src/webview/protocol';
import { RULE_IDS } from '../../server/src/engine/problems';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  activationEvents: string[];
  license: string;
  capabilities: { untrustedWorkspaces: { supported: string; description?: string }; virtualWorkspaces: boolean };
  contributes: {
    configuration: {
      properties: Record<
        string,
        { type: string; default: unknown; enum?: string[]; properties?: Record<string, { enum: string[] }> }
      >;
    };
    commands: { command: string; title: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    snippets?: { language: string; path: string }[];
  };
};
const props = pkg.contributes.configuration.properties;

/** Settings flattened to dotted keys: { trace: { server } } -> trace.server. */
function flatten(o: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && k !== 'rules')
      Object.assign(out, flatten(v as Record<string, unknown>, key));
    else out[key] = v;
  }
  return out;
}

test('contributes.configuration has exactly the Settings keys, with the same defaults', () => {
  const expected = flatten(DEFAULT_SETTINGS as unknown as Record<string, unknown>);
  assert.deepEqual(
    Object.keys(props).sort(),
    Object.keys(expected)
      .map((k) => `tsb.${k}`)
      .sort(),
  );
  for (const [k, v] of Object.entries(expected)) assert.deepEqual(props[`tsb.${k}`]!.default, v, `default of tsb.${k}`);
  // Whatever package.json declares as default is what the server uses when nothing is set.
  assert.deepEqual(normaliseSettings({}), DEFAULT_SETTINGS);
});

test('setting ids are declared once (SETTING_KEYS): package.json and the Settings type have exactly those', () => {
  assert.deepEqual(Object.keys(props).sort(), SETTING_KEYS.map((k) => `tsb.${k}`).sort());
  assert.deepEqual(
    [...SETTING_KEYS].sort(),
    Object.keys(flatten(DEFAULT_SETTINGS as unknown as Record<string, unknown>)).sort(),
  );
});

test('the client reads every setting key (a value set for each one reaches Settings)', () => {
  const set: Record<string, unknown> = {
    enable: false,
    rules: { 'unknown-field': 'off' },
    'trace.server': 'verbose',
    maxFileSize: 5,
    diagnosticsDelay: 50,
    version: '1.10',
  };
  assert.deepEqual(Object.keys(set).sort(), [...SETTING_KEYS].sort());
  const asked: string[] = [];
  const got = readSettingsWith((k) => {
    asked.push(k);
    return set[k];
  });
  assert.deepEqual(asked.sort(), [...SETTING_KEYS].sort());
  assert.deepEqual(got, {
    enable: false,
    rules: { 'unknown-field': 'off' },
    trace: { server: 'verbose' },
    maxFileSize: 5,
    diagnosticsDelay: 50,
    version: '1.10',
  });
  for (const [k, v] of Object.entries(flatten(got as unknown as Record<string, unknown>)))
    assert.notDeepEqual(v, flatten(DEFAULT_SETTINGS as unknown as Record<string, unknown>)[k], `${k} was read`);
});

test('tsb.rules lists every rule id with the severity enum; tsb.trace.server the trace values', () => {
  const rules = props['tsb.rules']!;
  assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), [...RULE_IDS].sort());
  for (const [id, p] of Object.entries(rules.properties ?? {})) assert.deepEqual(p.enum, [...SEVERITY_SETTINGS], id);
  assert.deepEqual(props['tsb.trace.server']!.enum, [...TRACE_SETTINGS]);
});

test('commands, menus, activation and capabilities', () => {
  const ids = pkg.contributes.commands.map((c) => c.command);
  assert.deepEqual(
    [...ids].sort(),
    Object.values(Commands).sort(),
    'contributes.commands lists exactly the declared command ids',
  );
  for (const view of [FAILOVER_PREVIEW_VIEW_TYPE, PROJECT_SUMMARY_VIEW_TYPE])
    assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${view}`), view);
  assert.ok(
    pkg.contributes.menus['editor/title']!.some(
      (m) => m.command === Commands.showFailoverPreview && /yaml/.test(m.when ?? ''),
    ),
  );
  assert.ok(pkg.activationEvents.includes('onLanguage:yaml'));
  assert.ok(pkg.activationEvents.includes('workspaceContains:**/tsb.config.yaml'));
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.ok(pkg.capabilities.untrustedWorkspaces.description);
  assert.equal(pkg.capabilities.virtualWorkspaces, false);
  assert.equal(pkg.main, './client/out/extension.js');
});

test('command ids are written only where they are declared (server/src/engine/commandIds.ts)', () => {
  const ids = new Set<string>(Object.values(Commands));
  const bare: string[] = [];
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? (e.name === 'out' ? [] : walk(p)) : e.name.endsWith('.ts') ? [p] : [];
    });
  for (const f of [...walk(path.join(root, 'server', 'src')), ...walk(path.join(root, 'client', 'src'))]) {
    if (f.endsWith(path.join('engine', 'commandIds.ts'))) continue;
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/['"](tsb\.[A-Za-z]+)['"]/g))
      if (ids.has(m[1]!)) bare.push(`${path.relative(root, f)}: ${m[1]}`);
  }
  assert.deepEqual(bare, []);
});

test('no contributed snippets (VS Code would offer them in every key) and packaging will not prompt (license file, allowlist .vscodeignore)', () => {
  assert.equal(
    pkg.contributes.snippets,
    undefined,
    'resource snippets come from the server, only where a resource starts',
  );
  assert.equal(pkg.license, 'Apache-2.0');
  assert.match(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'), /Apache License/);
  const ignore = fs
    .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  assert.equal(ignore[0], '**', '.vscodeignore starts by excluding everything');
  for (const want of [
    '!client/out/extension.js',
    '!server/out/serverMain.js',
    '!server/out/validators/*.js',
    '!server/out/analysisWorker.js',
    '!package.json',
    '!LICENSE',
  ])
    assert.ok(ignore.includes(want), want);
});
