// Files changed on disk in bulk (a branch switch) are applied like a scan: after any scan under way,
// in the worker threads, several at a time, with requests reading the last complete results meanwhile.
// One file's read is held by the test, so nothing depends on timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseToData, catalog, Project, SchemaRegistry } from '../../server/src/engine/index';
import type { Connection } from 'vscode-languageserver';
import { DiagnosticsController } from '../../server/src/handlers/diagnostics';
import { ProjectChanges } from '../../server/src/handlers/projectChanges';
import type { SettingsStore } from '../../server/src/handlers/settings';
import { WorkspaceSync } from '../../server/src/handlers/workspaceSync';
import type { RuntimeEnvironment } from '../../server/src/runtime';
import { createNodeRuntime } from '../../server/src/node/runtime';

const registry = new SchemaRegistry(catalog);
const quiet = { error: () => {}, warn: () => {}, info: () => {}, log: () => {} };
const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

test('a branch switch of 250 files is read like a scan: in the workers, several at a time, requests reading the last results', async () => {
  const uris = Array.from({ length: 250 }, (_, i) => `file:///branch/f-${String(i).padStart(3, '0')}.yaml`);
  const texts = new Map(uris.map((u, i) => [u, namespace(`ns-${i}`)]));
  let hold: Promise<void> | undefined;
  let reached!: () => void;
  const heldRead = new Promise<void>((r) => {
    reached = r;
  });
  const read: string[] = [];
  const inWorkers: string[] = [];
  const node = createNodeRuntime();
  const runtime: RuntimeEnvironment = {
    ...node,
    normaliseUri: (u) => u,
    listYamlFiles: async () => uris.map((u) => ({ uri: u, template: false })),
    readFile: async (u) => {
      read.push(u);
      if (hold && u === uris[0]) {
        reached();
        await hold;
      }
      return { text: texts.get(u)! };
    },
    analyseDocuments: async (u, docs) => {
      inWorkers.push(u);
      return docs.map((d) => analyseToData(u, d.text, registry, d.line));
    },
  };
  const project = new Project(registry);
  const sync = new WorkspaceSync(project, runtime, quiet);
  await sync.addFolders(['file:///branch']);
  assert.equal(inWorkers.length, 250, 'the scan analysed every file in the workers');
  assert.equal(sync.busy, false);
  const before = project.version;

  for (const [i, u] of uris.entries()) texts.set(u, namespace(`switched-${i}`));
  let release!: () => void;
  hold = new Promise<void>((r) => {
    release = r;
  });
  read.length = 0;
  inWorkers.length = 0;
  const applied = sync.didChangeWatchedFiles(uris.map((uri) => ({ uri, type: 'changed' })));
  await heldRead;
  assert.equal(sync.busy, true, 'requests read the last complete results while the files are read');
  // The first file's read is held: the other files are read meanwhile, several at a time.
  const settled = sync.settled();
  let others = 0;
  while (read.length < 250 && others++ < 10_000) await new Promise((r) => setImmediate(r));
  assert.equal(read.length, 250, 'every other file read while one is held');
  release();
  await applied;
  await settled;
  assert.equal(sync.busy, false);
  assert.equal(inWorkers.length, 250, 'the changed files were analysed in the workers');
  assert.notEqual(project.version, before);
  assert.equal(project.facts(uris[0])?.namespaces[0]?.name, 'switched-0');
  assert.equal(project.facts(uris[249])?.namespaces[0]?.name, 'switched-249');
});

// Each file has a problem of its own (a misspelt field), so each is published and reported.
const workspaceText = (i: number) =>
  `apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: ws-${i}\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\nspec:\n  displayNam: w\n  namespaceSelector:\n    names:\n      - "*/ns-${i}"\n`;

/** Sixty such files under `root`, scanned, with a diagnostics controller over `connection` (and `project`). */
async function checkedWorkspace(root: string, mode: 'push' | 'pull', connectionOf: (p: Project) => Connection) {
  const uris = Array.from({ length: 60 }, (_, i) => `${root}/f-${String(i).padStart(2, '0')}.yaml`);
  const runtime: RuntimeEnvironment = {
    ...createNodeRuntime(),
    normaliseUri: (u) => u,
    listYamlFiles: async () => uris.map((u) => ({ uri: u, template: false })),
    readFile: async (u) => ({ text: workspaceText(uris.indexOf(u)) }),
  };
  const project = new Project(registry);
  const sync = new WorkspaceSync(project, runtime, quiet);
  await sync.addFolders([root]);
  const controllerFor = (read: Project = project) =>
    new DiagnosticsController({
      connection: connectionOf(project),
      project: read,
      sync,
      settings: { generation: 0 } as unknown as SettingsStore,
      runtime,
      logger: quiet,
      mode,
      canRefresh: false,
      changes: new ProjectChanges(project, sync, () => 0),
      locale: 'en',
      ownFirstMs: 0,
    });
  return { uris, project, sync, controllerFor };
}

test('publishing stops when the project changes under it, instead of checking it again for each file left', async () => {
  const sent: string[] = [];
  const { uris, project, sync, controllerFor } = await checkedWorkspace(
    'file:///publish',
    'push',
    (p) =>
      ({
        sendDiagnostics: async (d: { uri: string }) => {
          sent.push(d.uri);
          // A file read from disk is committed while the first files are being sent.
          if (sent.length === 1) p.update('file:///publish/new.yaml', workspaceText(99), 0);
        },
      }) as unknown as Connection,
  );
  await sync.derive();
  assert.equal(project.checked, true);
  await controllerFor().publish(() => true);
  assert.ok(sent.length < uris.length, `stopped after ${sent.length} of ${uris.length}`);
  assert.equal(project.checked, false, 'the changed project was not checked by the publishing');
});

test('a workspace pull whose project changes while it is answered brings the check up to date first, never on the spot', async () => {
  let workspacePull!: (params: unknown, token: unknown) => Promise<{ items: { uri: string }[] }>;
  const { project, controllerFor } = await checkedWorkspace(
    'file:///pull',
    'pull',
    () =>
      ({
        languages: {
          diagnostics: {
            on: () => undefined,
            onWorkspace: (h: typeof workspacePull) => {
              workspacePull = h;
            },
          },
        },
      }) as unknown as Connection,
  );
  // Counts the reads of a file's diagnostics made while the check is out of date (each would run it whole).
  let uncheckedReads = 0;
  let reads = 0;
  const watched = new Proxy(project, {
    get(target, key) {
      if (key !== 'diagnostics') {
        const v = Reflect.get(target, key, target);
        return typeof v === 'function' ? v.bind(target) : v;
      }
      return (uri: string, opts?: object) => {
        if (!target.checked) uncheckedReads++;
        const problems = target.diagnostics(uri, opts);
        // A file read from disk is committed once the first file is answered.
        if (++reads === 1) target.update('file:///pull/new.yaml', workspaceText(99), 0);
        return problems;
      };
    },
  });
  controllerFor(watched).registerPull();
  const report = await workspacePull({ previousResultIds: [] }, { isCancellationRequested: false });
  assert.ok(report.items.length >= 60, `${report.items.length} files reported`);
  assert.equal(uncheckedReads, 0);
});
