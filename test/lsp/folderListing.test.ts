// The server lists a workspace folder without blocking its thread: requests are answered while a
// large, deep folder is walked, and the asynchronous walk finds exactly what the CLI's walk finds
// (same skips: node_modules/, .git/, symbolic links below the root; same Helm templates; same sources).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findYamlFiles, findYamlFilesAsync } from '../../server/src/node/scan';
import { LspHarness } from '../helpers/lspHarness';
import { treeDirs } from '../helpers/trees';
import { makeWorkspace, removeWorkspace, writeFile } from '../helpers/workspace';
import { within } from '../helpers/within';

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n';
const WORKSPACE =
  'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: o\n  tenant: t\n  name: w\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n';

test('requests are answered while a large, deep folder is being listed', async () => {
  const root = makeWorkspace({ 'tsb/a.yaml': WORKSPACE });
  // 60 chains of 50 nested folders: 3,000 folders to read, nothing in them to analyse.
  for (let i = 0; i < 60; i++)
    fs.mkdirSync(path.join(root, 'deep', `c${i}`, ...Array.from({ length: 50 }, (_, j) => `d${j}`)), {
      recursive: true,
    });
  let started!: () => void;
  const listing = new Promise<void>((resolve) => {
    started = resolve;
  });
  let listed = false;
  const h = await LspHarness.start({
    root,
    mode: 'push',
    runtime: (node) => ({
      ...node,
      listYamlFiles: async (uri) => {
        started();
        try {
          return await node.listYamlFiles(uri);
        } finally {
          listed = true;
        }
      },
    }),
  });
  try {
    await h.open('tsb/a.yaml');
    await within(listing, 'the listing to start', 20_000);
    const hover = await within(
      h.request<{ contents: unknown } | null>('textDocument/hover', {
        textDocument: { uri: h.uri('tsb/a.yaml') },
        position: { line: 1, character: 2 },
      }),
      'the hover',
      20_000,
    );
    assert.equal(listed, false, 'the hover was answered only after the whole folder was listed');
    assert.ok(hover, 'the hover has an answer');
    // The listing then ends and the scan goes on as before.
    await within(
      h.waitForStatus((s) => s.files >= 1),
      'the scan to end',
      60_000,
    );
    assert.equal(listed, true);
  } finally {
    await h.dispose();
    removeWorkspace(root);
  }
});

test('the asynchronous walk finds what the synchronous one finds, with the same skips', async () => {
  const root = makeWorkspace({
    'a.yaml': NAMESPACE,
    'B.YML': NAMESPACE,
    'deploy.sh': 'kubectl apply -f a.yaml\n',
    Makefile: 'all:\n',
    'README.md': '# x\n',
    'node_modules/x/c.yaml': NAMESPACE,
    '.git/d.yaml': NAMESPACE,
    'chart/Chart.yaml': 'name: c\n',
    'chart/values.yaml': 'a: 1\n',
    'chart/templates/t.yaml': 'kind: {{ .Values.kind }}\n',
    'z/deeper/e.yaml': NAMESPACE,
    'notes.txt': 'not yaml\n',
  });
  const outside = makeWorkspace({ 'f.yaml': NAMESPACE });
  try {
    // Symbolic links below the root are never followed (to a folder or to a file).
    fs.symlinkSync(outside, path.join(root, 'linked'), 'dir');
    fs.symlinkSync(path.join(outside, 'f.yaml'), path.join(root, 'link.yaml'));
    for (const withSources of [false, true]) {
      const sync = findYamlFiles([root], withSources);
      const async = await findYamlFilesAsync([root], withSources);
      assert.deepEqual(async, sync);
    }
    const rel = (await findYamlFilesAsync([root], true)).map(
      (f) =>
        `${path.relative(root, f.path).split(path.sep).join('/')}${f.template ? ' (template)' : ''}${f.source ? ' (source)' : ''}`,
    );
    assert.deepEqual(
      rel.sort(),
      [
        'B.YML',
        'Makefile (source)',
        'README.md (source)',
        'a.yaml',
        'chart/Chart.yaml',
        'chart/templates/t.yaml (template)',
        'chart/values.yaml',
        'deploy.sh (source)',
        'z/deeper/e.yaml',
      ].sort(),
    );
    // A file given as the root is the one file; a root that does not exist fails the same way.
    assert.deepEqual(await findYamlFilesAsync([path.join(root, 'a.yaml')]), findYamlFiles([path.join(root, 'a.yaml')]));
    await assert.rejects(
      findYamlFilesAsync([path.join(root, 'missing')]),
      (err: NodeJS.ErrnoException) => err.code === 'ENOENT',
    );
    assert.throws(
      () => findYamlFiles([path.join(root, 'missing')]),
      (err: NodeJS.ErrnoException) => err.code === 'ENOENT',
    );
    writeFile(root, 'later.yaml', NAMESPACE);
    assert.ok((await findYamlFilesAsync([root])).some((f) => f.path.endsWith('later.yaml')));
  } finally {
    removeWorkspace(root);
    removeWorkspace(outside);
  }
});

test('on the real repositories the asynchronous walk finds what the synchronous one finds', async (t) => {
  const dirs = treeDirs(t);
  if (!dirs) return;
  for (const dir of dirs) assert.deepEqual(await findYamlFilesAsync([dir], true), findYamlFiles([dir], true), dir);
});
