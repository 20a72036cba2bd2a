// The engine stays pure (docs/architecture.md): it imports only relative modules, the schemas, and a
// few data libraries — never vscode, the LSP connection package, fs or any node:* module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importsOf } from '../helpers/imports';
import { repoRoot } from '../helpers/repo';

const ALLOWED = new Set([
  'yaml',
  'ajv',
  'picomatch',
  'vscode-languageserver-types',
  'vscode-languageserver-textdocument',
]);
const engine = path.join(repoRoot(), 'server', 'src', 'engine');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

test('import scanner sees every form', () => {
  assert.deepEqual(
    importsOf(
      "import a from 'x';\nimport type { B } from \"y\";\nexport * from './z';\nimport 'side';\nconst f = require('fs');\nawait import('node:path');",
    ),
    ['x', 'y', './z', 'side', 'fs', 'node:path'],
  );
});

test('the engine imports only relative modules, the schemas and allowed libraries', () => {
  const files = tsFiles(engine);
  assert.ok(files.length > 10);
  const bad: string[] = [];
  for (const f of files) {
    for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(f), spec);
        const inEngine = target.startsWith(engine + path.sep);
        const inSchemas = target.startsWith(path.join(repoRoot(), 'schemas') + path.sep);
        if (!inEngine && !inSchemas) bad.push(`${path.relative(engine, f)}: ${spec} (outside the engine and schemas)`);
      } else if (!ALLOWED.has(spec)) bad.push(`${path.relative(engine, f)}: ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

// The facade: everything outside the engine (handlers, node glue, the CLI, the client and its webview,
// the benchmark) reaches it through engine/index.ts alone, types included. Tests and the build scripts
// under scripts/ (validators compiled ahead of time, rule docs) may read internals.
const FACADE = path.join(engine, 'index.ts');
const OUTSIDE = ['server/src', 'client/src', 'bench'];

test('outside the engine, only engine/index.ts is imported', () => {
  const root = repoRoot();
  const files = OUTSIDE.flatMap((d) => tsFiles(path.join(root, d))).filter((f) => !f.startsWith(engine + path.sep));
  assert.ok(files.length > 20);
  const bad: string[] = [];
  for (const f of files) {
    for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(f), spec);
      if (target !== engine && !target.startsWith(engine + path.sep)) continue;
      const resolved = [target, `${target}.ts`, path.join(target, 'index.ts')].find(
        (p) => fs.existsSync(p) && fs.statSync(p).isFile(),
      );
      if (resolved !== FACADE) bad.push(`${path.relative(root, f)}: ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

// The facade re-exports the whole engine; the engine's package.json (sideEffects: false) lets a bundle
// keep only what it uses. Without it the webview, which imports the what-if through the facade, would
// carry the schema catalog and every rule (about four times its size).
test('the webview bundle holds the what-if but not the project, schemas or rules', (t) => {
  const bundle = path.join(repoRoot(), 'client', 'out', 'webview', 'main.js');
  if (!fs.existsSync(bundle)) return t.skip('client/out/webview/main.js is missing: run npm run build first');
  const text = fs.readFileSync(bundle, 'utf8');
  assert.match(text, /function simulateDown\b/);
  for (const absent of [
    /function createProject\b/,
    /\bclass SchemaRegistry\b/,
    /function analyseFile\b/,
    /\bRULE_DEFINITIONS\b/,
  ])
    assert.doesNotMatch(text, absent);
});
