// Every contributed snippet, expanded with its defaults, parses and validates clean with the engine:
// users who press Tab through a snippet get valid TSB YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProject } from '../../server/src/engine/index';
import { repoRoot } from '../helpers/repo';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const file = path.join(repoRoot(), 'snippets', 'tsb.code-snippets');
const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Snippet>;

const VARIABLES: Record<string, string> = { TM_FILENAME_BASE: 'example', TM_FILENAME: 'example.yaml', CURRENT_YEAR: '2026' };

/** Expands VS Code snippet syntax with defaults: ${1:default}, ${1|a,b|} (first choice), $1/${1} (the tab stop's default elsewhere), $0, variables. */
export function expand(body: string): string {
  const defaults = new Map<string, string>();
  let prev: string | undefined;
  let text = body;
  // Nested placeholders resolve from the inside out.
  while (prev !== text) {
    prev = text;
    text = text
      .replace(/\$\{(\d+):((?:[^${}\\]|\\.)*)\}/g, (_m, n: string, d: string) => { if (!defaults.has(n)) defaults.set(n, d); return d; })
      .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, list: string) => { const first = list.split(',')[0]!; if (!defaults.has(n)) defaults.set(n, first); return first; })
      .replace(/\$\{([A-Z_]+)(?::([^}]*))?\}/g, (_m, v: string, d?: string) => VARIABLES[v] ?? d ?? '');
  }
  text = text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => defaults.get(a ?? b!) ?? '');
  text = text.replace(/\$([A-Z_]+)/g, (_m, v: string) => VARIABLES[v] ?? '');
  return text.replace(/\\([$}\\])/g, '$1');
}

test('the snippet expander resolves placeholders, choices, mirrors and $0', () => {
  assert.equal(expand('a: ${1:x}\nb: $1\nc: ${2|p,q|}\nd: ${2}$0'), 'a: x\nb: x\nc: p\nd: p');
});

test('snippets cover the commonly written kinds and the failover scenario', () => {
  const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
  for (const p of ['tsb-workspace', 'tsb-workspace-setting', 'tsb-tenant', 'tsb-gateway-group', 'tsb-traffic-group', 'tsb-security-group',
    'tsb-install-eastwest-gateway', 'tsb-gateway', 'tsb-service-route', 'tsb-security-setting', 'tsb-controlplane-dns-at-edge', 'tsb-failover']) {
    assert.ok(prefixes.includes(p), `no snippet with prefix ${p}`);
  }
  assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
});

for (const [name, s] of Object.entries(snippets)) {
  test(`snippet "${name}" expands to YAML that validates clean`, () => {
    assert.ok(s.description, 'has a description');
    const text = expand(Array.isArray(s.body) ? s.body.join('\n') : s.body);
    const project = createProject();
    const uri = 'file:///snippet/example.yaml';
    const analysis = project.update(uri, text, 1);
    assert.ok(analysis.chunks.length > 0 && analysis.chunks.every((c) => c.result.analyses.every((a) => a.entry)), `every document is a known TSB kind:\n${text}`);
    const problems = project.diagnostics(uri).filter((p) => p.severity === 'error' || p.severity === 'warning');
    assert.deepEqual(problems.map((p) => `${p.range.start.line + 1}: ${p.rule} ${p.message}`), [], text);
  });
}
