// A batch project (the CLI's) keeps of each file only what diagnostics and the cross-file step read:
// no documents, so no syntax trees, outlines or per-document copies of problems and facts. Everything
// it reports must be exactly what an editing project reports for the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Project, CONFIG_FILE } from '../../server/src/engine/index';
import { project, registry } from '../helpers/engine';
import { treeDirs } from '../helpers/trees';

const ws = (name: string, tenant: string | undefined, ns: string) =>
  [
    'apiVersion: api.tsb.tetrate.io/v2',
    'kind: Workspace',
    'metadata:',
    '  organization: tetrate',
    ...(tenant ? [`  tenant: ${tenant}`] : []),
    `  name: ${name}`,
    'spec:',
    '  namespaceSelector:',
    `    names: ["*/${ns}"]`,
  ].join('\n');
const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}`;
const service = (name: string) =>
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    '  namespace: ns-a',
    'spec:',
    `  selector: {app: ${name}}`,
    '  ports: [{name: http, port: "80"}]',
  ].join('\n');

// Problems in several documents at several lines, cross-file findings pointing into later documents,
// a document repeated word for word (analysed once, placed twice), and a Workspace without its tenant
// (its quick fix offers the tenant the project uses).
const FILES: Record<string, string> = {
  'tenants.yaml': [
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\nmetadata:\n  organization: tetrate\n  name: team',
    ws('first', 'team', 'ns-a'),
    ws('second', 'teem', 'ns-b'),
  ].join('\n---\n'),
  'apps.yaml':
    [
      service('one'),
      namespace('ns-a'),
      ws('third', undefined, 'ns-c'),
      namespace('ns-a'),
      service('two'),
      namespace('ns-a'),
    ].join('\n---\n') + '\n',
};

function both(files: Record<string, string>) {
  return { editing: project(files), batch: project(files, { batch: true }) };
}

test('a batch project keeps no documents, and reports exactly what an editing project reports', () => {
  const { editing, batch } = both(FILES);
  for (const file of Object.keys(FILES)) {
    const uri = batch.uri(file);
    assert.equal(batch.p.analysis(uri)!.chunks.length, 0, `${file}: no documents kept`);
    assert.ok(editing.p.analysis(uri)!.chunks.length > 0);
    assert.deepEqual(batch.diags(file), editing.diags(file), file);
    assert.deepEqual(batch.p.facts(uri), editing.p.facts(uri), `${file}: facts at the same lines`);
  }
  assert.deepEqual(batch.p.failoverModel(), editing.p.failoverModel());
  assert.equal(JSON.stringify(batch.p.deployments()), JSON.stringify(editing.p.deployments()));
  // What this compares is not empty: findings from documents below the first, a repeated document
  // reported at each place, and the fix values read through the documents' starts.
  const rules = editing.rules('apps.yaml');
  assert.ok(rules.length >= 3, rules.join(', '));
  const lines = editing.diags('apps.yaml').map((d) => d.range.start.line);
  assert.ok(Math.max(...lines) > 20, `findings below the first documents (lines ${lines.join(', ')})`);
  const missing = batch.diags('apps.yaml').find((d) => (d.data as { field?: string } | undefined)?.field === 'tenant');
  assert.deepEqual((missing?.data as { values?: string[] } | undefined)?.values, ['team', 'teem']);
});

test('a batch project counts documents for the project budget and forgets them on removal', () => {
  const { batch } = both(FILES);
  const counted = (p: Project) => (p as unknown as { documents: number }).documents;
  assert.equal(counted(batch.p), 9);
  batch.set('apps.yaml', undefined);
  assert.equal(counted(batch.p), 3);
  batch.set('tenants.yaml', FILES['tenants.yaml']! + '\n---\n' + namespace('x'));
  assert.equal(counted(batch.p), 4);
  assert.equal(batch.p.analysis(batch.uri('tenants.yaml'))!.chunks.length, 0);
});

test('the real repositories: a batch project reports what an editing project reports', (t) => {
  const dirs = treeDirs(t);
  if (!dirs) return;
  for (const dir of dirs) {
    const editing = new Project(registry());
    const batch = new Project(registry(), { batch: true });
    const yaml: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(d, e.name);
        if (e.isDirectory() && e.name !== '.git' && e.name !== 'node_modules') walk(p);
        else if (e.isFile() && /\.ya?ml$/i.test(e.name)) yaml.push(p);
      }
    };
    walk(dir);
    for (const f of yaml) {
      const text = fs.readFileSync(f, 'utf8');
      const uri = pathToFileURL(f).href;
      for (const p of [editing, batch]) {
        if (path.basename(f) === CONFIG_FILE) p.setConfig(pathToFileURL(path.dirname(f)).href, text);
        else p.update(uri, text, 0, { strictUtf8: true });
      }
    }
    assert.ok(batch.uris().length > 0, dir);
    for (const uri of batch.uris()) {
      assert.equal(batch.analysis(uri)!.chunks.length, 0);
      assert.deepEqual(batch.diagnostics(uri), editing.diagnostics(uri), uri);
    }
    assert.deepEqual(batch.failoverModel(), editing.failoverModel(), dir);
  }
});
