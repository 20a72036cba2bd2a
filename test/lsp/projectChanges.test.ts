// One project-changed event: after each change of the project, however many paths flush it (the
// settle job, a pull for the edited file), the failover preview hears once (tsb/modelChanged) and code
// lenses refresh once; a change that moves no cross-file result (settings that leave the project as it
// is, a closed file's own text) reaches diagnostics only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Project } from '../../server/src/engine/index';
import { ProjectChanges, type ProjectChange } from '../../server/src/handlers/projectChanges';
import type { WorkspaceSync } from '../../server/src/handlers/workspaceSync';
import { ModelChangedNotification } from '../../server/src/protocol';
import { LspHarness, type Mode } from '../helpers/lspHarness';
import { makeWorkspace, removeWorkspace } from '../helpers/workspace';
import { within } from '../helpers/within';

const workspace = (name: string) =>
  `apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: o\n  tenant: t\n  name: ${name}\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n`;
const GROUP =
  'apiVersion: traffic.tsb.tetrate.io/v2\nkind: Group\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  name: g\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n';

/** Counts what the client receives of one kind, and waits (bounded) for a count. */
class Heard {
  readonly values: number[] = [];
  private waiters: (() => void)[] = [];

  add(value = 0): void {
    this.values.push(value);
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async reach(n: number, what: string): Promise<void> {
    await within(
      (async () => {
        while (this.values.length < n) await new Promise<void>((resolve) => this.waiters.push(resolve));
      })(),
      what,
      20_000,
    );
  }
}

for (const mode of ['pull', 'push'] as Mode[]) {
  test(`${mode}: each project change is announced once to the preview and the code lenses`, async () => {
    const root = makeWorkspace({ 'tsb/ws.yaml': workspace('w'), 'tsb/group.yaml': GROUP });
    const h = await LspHarness.start({ root, mode });
    const models = new Heard();
    const lenses = new Heard();
    h.client.onNotification(ModelChangedNotification.method, (p: { version: number }) => models.add(p.version));
    h.client.onRequest('workspace/codeLens/refresh', () => {
      lenses.add();
      return null;
    });
    try {
      await within(
        h.waitForStatus((s) => s.files === 2),
        'the scan',
        20_000,
      );
      // The initial announcements may still be on their way: start counting once the project is quiet.
      await h.request('tsb/projectSummary', {});
      const before = { models: models.values.length, lenses: lenses.values.length };
      await h.open('tsb/ws.yaml');
      let n = 0;
      for (const name of ['w2', 'w3']) {
        n++;
        await h.change('tsb/ws.yaml', workspace(name));
        // A pull flushes the edit itself (and announces at once); the settle job then finds nothing new.
        if (mode === 'pull') await h.pull('tsb/ws.yaml');
        await models.reach(before.models + n, `tsb/modelChanged after renaming the workspace to ${name}`);
      }
      await lenses.reach(before.lenses + 2, 'two code lens refreshes');
      // Anything still queued by either path would arrive before these answers.
      if (mode === 'pull') await h.pull('tsb/ws.yaml');
      await h.request('tsb/projectSummary', {});
      await h.request('textDocument/hover', {
        textDocument: { uri: h.uri('tsb/ws.yaml') },
        position: { line: 1, character: 2 },
      });
      const announced = models.values.slice(before.models);
      assert.equal(announced.length, 2, `model notifications: ${JSON.stringify(announced)}`);
      assert.ok(announced[0]! < announced[1]!, `versions increase: ${JSON.stringify(announced)}`);
      assert.equal(lenses.values.length - before.lenses, 2);
    } finally {
      await h.dispose();
      removeWorkspace(root);
    }
  });
}

/** ProjectChanges over a stand-in project and sync: only the version and the three update steps matter here. */
function changesOver(state: { version: number; settings: number }) {
  const steps: string[] = [];
  const sync = {
    ready: Promise.resolve(),
    flush: async () => {
      steps.push('flush');
    },
    derive: async () => {
      steps.push('derive');
    },
  } as unknown as WorkspaceSync;
  const project = {
    get version() {
      return state.version;
    },
  } as unknown as Project;
  const changes = new ProjectChanges(project, sync, () => state.settings);
  const heard: ProjectChange[] = [];
  const subscription = changes.onDidChange((c) => heard.push(c));
  return { changes, heard, steps, subscription };
}

test('the project-changed event fires once per change, says whether cross-file results moved, and stops at shutdown', async () => {
  const state = { version: 1, settings: 0 };
  const { changes, heard, steps, subscription } = changesOver(state);
  assert.equal(await changes.update(), true);
  assert.deepEqual(steps, ['flush', 'derive']);
  assert.deepEqual(heard, [{ version: 1, crossFile: true }]);
  await changes.update();
  assert.equal(heard.length, 1, 'nothing changed: nothing announced');
  state.version = 2;
  await changes.update({ announce: false });
  assert.equal(heard.length, 1, 'a read-only update does not announce');
  await changes.update();
  assert.deepEqual(heard.at(-1), { version: 2, crossFile: true });
  state.settings = 1;
  await changes.update();
  assert.deepEqual(heard.at(-1), { version: 2, crossFile: false });
  changes.closedFileChanged();
  await changes.update();
  assert.deepEqual(heard.at(-1), { version: 2, crossFile: false });
  assert.equal(heard.length, 4);
  state.version = 3;
  assert.equal(await changes.update({ isCurrent: () => false }), false, 'an overtaken run stops');
  assert.equal(heard.length, 4);
  subscription.dispose();
  await changes.update();
  assert.equal(heard.length, 4, 'a disposed subscription hears nothing');
  const other = changesOver({ version: 5, settings: 0 });
  other.changes.stop();
  await other.changes.update();
  assert.deepEqual(other.heard, [], 'nothing is announced after shutdown');
});
