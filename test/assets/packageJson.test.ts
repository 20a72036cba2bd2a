// package.json and the code agree: every Settings key has a `tsb.*` configuration entry with the
// same default (and no extra ones), rule ids match the rule catalogue, commands are contributed,
// no static snippets (completion offers them where they fit), and vsce will not prompt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, SEVERITY_SETTINGS, TRACE_SETTINGS, Commands, normalizeSettings } from '../../server/src/protocol';
import { RULE_IDS } from '../../server/src/engine/problems';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  activationEvents: string[];
  license: string;
  capabilities: { untrustedWorkspaces: { supported: string; description?: string }; virtualWorkspaces: boolean };
  contributes: {
    configuration: { properties: Record<string, { type: string; default: unknown; enum?: string[]; properties?: Record<string, { enum: string[] }> }> };
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
    if (v && typeof v === 'object' && !Array.isArray(v) && k !== 'rules') Object.assign(out, flatten(v as Record<string, unknown>, key));
    else out[key] = v;
  }
  return out;
}

test('contributes.configuration has exactly the Settings keys, with the same defaults', () => {
  const expected = flatten(DEFAULT_SETTINGS as unknown as Record<string, unknown>);
  assert.deepEqual(Object.keys(props).sort(), Object.keys(expected).map((k) => `tsb.${k}`).sort());
  for (const [k, v] of Object.entries(expected)) assert.deepEqual(props[`tsb.${k}`]!.default, v, `default of tsb.${k}`);
  // Whatever package.json declares as default is what the server uses when nothing is set.
  assert.deepEqual(normalizeSettings({}), DEFAULT_SETTINGS);
});

test('tsb.rules lists every rule id with the severity enum; tsb.trace.server the trace values', () => {
  const rules = props['tsb.rules']!;
  assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), [...RULE_IDS].sort());
  for (const [id, p] of Object.entries(rules.properties ?? {})) assert.deepEqual(p.enum, [...SEVERITY_SETTINGS], id);
  assert.deepEqual(props['tsb.trace.server']!.enum, [...TRACE_SETTINGS]);
});

test('commands, menus, activation and capabilities', () => {
  const ids = pkg.contributes.commands.map((c) => c.command);
  for (const c of Object.values(Commands)) assert.ok(ids.includes(c), c);
  assert.ok(pkg.contributes.menus['editor/title']!.some((m) => m.command === Commands.showFailoverPreview && /yaml/.test(m.when ?? '')));
  assert.ok(pkg.activationEvents.includes('onLanguage:yaml'));
  assert.ok(pkg.activationEvents.includes('workspaceContains:**/tsb.config.yaml'));
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.ok(pkg.capabilities.untrustedWorkspaces.description);
  assert.equal(pkg.capabilities.virtualWorkspaces, false);
  assert.equal(pkg.main, './client/out/extension.js');
});

test('no contributed snippets (VS Code would offer them in every key) and packaging will not prompt (license file, allowlist .vscodeignore)', () => {
  assert.equal(pkg.contributes.snippets, undefined, 'resource snippets come from the server, only where a resource starts');
  assert.equal(pkg.license, 'Apache-2.0');
  assert.match(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'), /Apache License/);
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  assert.equal(ignore[0], '**', '.vscodeignore starts by excluding everything');
  for (const want of ['!client/out/extension.js', '!server/out/serverMain.js', '!server/out/validators/*.js', '!server/out/analysisWorker.js', '!package.json', '!LICENSE']) assert.ok(ignore.includes(want), want);
});
