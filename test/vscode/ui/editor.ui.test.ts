// UI end-to-end, the journeys of a platform engineer's first day (Playwright in code-server's workbench):
//   1. a real repository without tsb.config.yaml (a copy of a corpus tree made now, never committed):
//      the extension starts with no file open, the status item says what the server found, a click opens
//      the project summary; the preview button shows on TSB files only;
//   2. completion: no resource snippets in a nested key; an accepted snippet leaves no problem;
//   3. the failover preview's what-if on a 1366×768 screen: the answer on screen, and its state after an edit.
// With UPDATE_SCREENSHOTS=1 the screenshots that docs/preview.md shows are copied to docs/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import {
  browser,
  type Doc,
  log,
  noCorpus,
  openFile,
  openFolder,
  out,
  page,
  quickInput,
  STEP_MS,
  screenshot,
  startEditorSession,
  statusItem,
  stopEditorSession,
  suggestRows,
  TREE,
  TREES,
  waitForProblems,
  webviewFrame,
  work,
} from './editorSession';

describe('editor journeys (code-server + Chromium)', { timeout: 420_000 }, () => {
  before(startEditorSession);

  after(stopEditorSession);

  describe(`a repository without tsb.config.yaml (${TREE})`, {
    skip: noCorpus ? `${TREES} is absent: the corpus trees live in ../shared, next to the checkout` : false,
  }, () => {
    let repo: string;
    let plainYaml: string;
    let tsbYaml: string;

    before(() => {
      // Copied now, for this run only: the corpus is never part of the project.
      repo = path.join(work, TREE);
      fs.cpSync(path.join(TREES, TREE), repo, { recursive: true });
      assert.ok(!fs.existsSync(path.join(repo, 'tsb.config.yaml')));
      tsbYaml = 'gitops/bookinfo/tsb-bookinfo-hierarchy.yaml';
      plainYaml = 'gitops/bookinfo/certificate-bookinfo.yaml';
      assert.match(fs.readFileSync(path.join(repo, tsbYaml), 'utf8'), /apiVersion: tsb\.tetrate\.io\//);
      assert.doesNotMatch(fs.readFileSync(path.join(repo, plainYaml), 'utf8'), /tetrate\.io\//);
      // A new file for completion: an empty first document, then one with a known problem (see below).
      fs.writeFileSync(
        path.join(repo, 'tsb', 'new-setting.yaml'),
        '\n---\napiVersion: api.tsb.tetrate.io/v2\nkind: Bogus\n',
      );
    });

    it('starts with no file open: the status item says what the server found', async () => {
      await openFolder(repo, 'gitops');
      assert.equal(await page.locator('.tabs-container .tab').count(), 0, 'no editor is open');
      await statusItem().waitFor({ timeout: 90_000 });
      await page.waitForFunction(
        () =>
          Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll('.statusbar-item')).some(
            (e) => /TSB: .* · \d+ files · /.test(e.textContent ?? ''),
          ),
        null,
        { timeout: 90_000 },
      );
      const text = (await statusItem().innerText()).replace(/\s+/g, ' ').trim();
      log('status item:', text);
      // No tsb.config.yaml: what the server inferred from the Argo CD Applications, then files and problems.
      assert.match(
        text,
        /TSB: \d+ clusters? inferred from \d+ files · 4\d files · /,
        'what was inferred about placements, files, problems',
      );
      await statusItem().hover();
      // The tooltip says more; its look differs between VS Code versions, so its absence is only logged.
      const tip = await page
        .locator('.monaco-hover, .workbench-hover')
        .filter({ hasText: 'Where files are applied' })
        .first()
        .waitFor({ timeout: 10_000 })
        .then(
          () => true,
          () => false,
        );
      log('status tooltip shown:', tip);
      await screenshot('first-minute-status', 'vscode-first-minute-status.png');
    });

    it('a click on the status item opens the project summary: what was inferred, what is missing', async () => {
      await page.mouse.move(600, 300);
      await statusItem().click();
      await page.locator('.tabs-container .tab:has-text("TSB Project Summary")').waitFor({ timeout: STEP_MS });
      const frame = await webviewFrame('main.summary .facts');
      const text = await frame.locator('main').innerText();
      fs.writeFileSync(path.join(out, 'summary.txt'), text);
      assert.match(text, /Where files are applied/);
      assert.match(text, /Inferred from the repository/i);
      // A unit and its evidence: the Argo CD Application that syncs gitops/bookinfo.
      assert.match(text, /addons\/argocd\/applications\/bookinfo\.yaml:3/);
      assert.match(text, /What is missing/);
      assert.match(text, /Workspaces without a WorkspaceSetting: .*eshop/);
      assert.match(text, /Workspaces\n[\s\S]*bookinfo-ws/);
      assert.equal(
        await frame.locator('button[data-key="summary:write"]').count(),
        1,
        '"Write tsb.config.yaml" is offered: the command is registered',
      );
      await screenshot('first-minute-summary', 'vscode-project-summary.png');
    });

    it("the preview's advice is written from this repository: its workspaces and the gateway it uses", async () => {
      const summary = await webviewFrame('main.summary .facts');
      await summary.locator('button[data-key="summary:preview"]').click();
      await page.locator('.tabs-container .tab:has-text("Failover Preview")').waitFor({ timeout: STEP_MS });
      const frame = await webviewFrame('section.teach[data-teach="teach:setting:eshop"]');
      assert.doesNotMatch(
        await frame.locator('main').innerText(),
        /cluster-1|eastwest-gateway/,
        "never the bundled example's names",
      );
      const setting = frame.locator('section.teach[data-teach="teach:setting:eshop"] pre');
      const yaml = await setting.innerText();
      assert.match(yaml, /workspace: eshop/);
      assert.match(
        yaml,
        /namespace: eshop\n\s+labels:\n\s+app: tsb-gateway-eshop/,
        "the gateway the repository installs in the workspace's own namespace",
      );
      await frame.locator('section.teach[data-teach="teach:setting:eshop"]').scrollIntoViewIfNeeded();
      await screenshot('preview-advice-from-repository', 'vscode-preview-advice.png');
    });

    it('the preview button sits on files with TSB documents only', async () => {
      const button = page.locator(
        '.editor-actions .action-item a[aria-label*="Show Failover Preview"], .editor-actions .action-item a[aria-label*="Failover Preview"]',
      );
      await openFile(tsbYaml, path.basename(tsbYaml));
      log('TSB file open');
      await button.first().waitFor({ timeout: STEP_MS });
      log('preview button shown');
      await screenshot('preview-button-on-tsb-file', 'vscode-preview-button.png');
      await openFile(plainYaml, path.basename(plainYaml));
      log('plain YAML file open');
      await button.first().waitFor({ state: 'detached', timeout: STEP_MS });
      log('preview button gone');
      assert.equal(await button.count(), 0, 'no preview button on a YAML file without TSB documents');
    });

    it('completion in a nested key shows no snippets', async () => {
      await openFile(tsbYaml, path.basename(tsbYaml));
      // Inside the Tenant's spec (a nested key): a new line at the spec's indentation, then the prefix.
      const lines = fs.readFileSync(path.join(repo, tsbYaml), 'utf8').split('\n');
      const at = lines.findIndex((l) => /^ {6}description: dev/.test(l));
      assert.ok(at > 0);
      await quickInput('Control+G', String(at + 1));
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      // First with nothing typed: the server answers there (spec keys), so an empty answer below means something.
      await page.keyboard.press('Control+Space');
      const keys = await suggestRows();
      log('nested suggestions:', keys.join(' | '));
      assert.ok(keys.length > 0, 'spec keys are offered in the nested key');
      assert.deepEqual(
        keys.filter((r) => /\btsb-[a-z-]+/.test(r)),
        [],
        'no resource snippet among them',
      );
      // Then with the snippets' prefix typed: nothing matches, where all 12 snippets used to.
      await page.keyboard.press('Escape');
      await page
        .locator('.editor-widget.suggest-widget.visible')
        .waitFor({ state: 'detached', timeout: STEP_MS })
        .catch(() => undefined);
      await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden', timeout: STEP_MS });
      await page.keyboard.type('tsb');
      await page.keyboard.press('Control+Space');
      // Settled: either rows, or the widget's own "No suggestions." message (not its "Loading…").
      await page.waitForFunction(
        () => {
          const w = (
            globalThis as unknown as {
              document: {
                querySelector(
                  s: string,
                ): { textContent: string | null; querySelectorAll(s: string): ArrayLike<unknown> } | null;
              };
            }
          ).document.querySelector('.editor-widget.suggest-widget.visible');
          return (
            !!w && (w.querySelectorAll('.monaco-list-row').length > 0 || /No suggestions/.test(w.textContent ?? ''))
          );
        },
        null,
        { timeout: STEP_MS },
      );
      const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
      const typed = (await rows.allInnerTexts()).map((x) => x.replace(/\s+/g, ' ').trim());
      log('nested suggestions for "tsb":', typed.join(' | ') || '(none)');
      assert.deepEqual(
        typed.filter((r) => /\btsb-[a-z-]+/.test(r)),
        [],
        'no resource snippet in a nested key',
      );
      await screenshot('nested-key-no-snippets', 'vscode-nested-key-no-snippets.png');
      await page.keyboard.press('Escape');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Z');
    });

    it('an accepted snippet at the start of a document leaves no problem', async () => {
      await openFile('tsb/new-setting.yaml', 'new-setting.yaml');
      await waitForProblems(
        'new-setting.yaml',
        (t) => /unknown-kind\n\[Ln 4,/.test(t),
        'unknown-kind on line 4 (the second document)',
      );
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('tsb-workspace-s');
      await page.keyboard.press('Control+Space');
      const rows = await suggestRows();
      log('top-level suggestions:', rows.join(' | '));
      assert.ok(
        rows.some((r) => r.includes('tsb-workspace-setting')),
        rows.join(' | '),
      );
      await page
        .locator('.editor-widget.suggest-widget.visible .monaco-list-row')
        .filter({ hasText: 'tsb-workspace-setting' })
        .first()
        .click();
      await page
        .locator('.monaco-editor .view-lines')
        .filter({ hasText: 'kind: WorkspaceSetting' })
        .first()
        .waitFor({ timeout: STEP_MS });
      // Still on the first tab stop: the problem of the second document moves down, and nothing else appears.
      const text = await waitForProblems(
        'new-setting.yaml',
        (t) => /unknown-kind\n\[Ln (\d{2,}|[5-9]),/.test(t),
        "the second document's problem below the snippet",
      );
      fs.writeFileSync(path.join(out, 'problems-new-setting.txt'), text);
      const rules = [...text.matchAll(/\n([a-z]+(?:-[a-z]+)+)\n\[Ln/g)].map((m) => m[1]);
      assert.deepEqual(rules, ['unknown-kind'], `only the marker's problem:\n${text}`);
      await screenshot('snippet-accepted-no-problem', 'vscode-snippet-accepted.png');
      await page.keyboard.press('Escape');
    });
    it('"Write tsb.config.yaml" in the summary writes what was inferred, for review', async () => {
      await quickInput('F1', 'TSB: Show Project Summary', 'Show Project Summary');
      const summary = await webviewFrame('main.summary .facts');
      await summary.locator('button[data-key="summary:write"]').click();
      await page.locator('.tabs-container .tab.active:has-text("tsb.config.yaml")').waitFor({ timeout: STEP_MS });
      const text = await page.locator('.monaco-editor .view-lines').first().innerText();
      log('written tsb.config.yaml (first lines):', text.split('\n').slice(0, 6).join(' | '));
      assert.match(text, /placements/);
      await screenshot('write-config', 'vscode-write-config.png');
    });
  });

  describe('the failover preview on a 1366×768 screen', () => {
    let frame: Frame;

    it('marking a workload down shows where its callers go, on screen', async () => {
      await openFolder(path.join(work, 'bookinfo-failover'), 'tsb.config.yaml');
      await openFile('apps/bookinfo.yaml', 'bookinfo.yaml');
      await quickInput('F1', 'TSB: Show Failover Preview', 'Show Failover Preview');
      await page.locator('.tabs-container .tab:has-text("Failover Preview")').waitFor({ timeout: STEP_MS });
      frame = await webviewFrame('button.toggle[data-workload="details-v1"]');
      await frame.locator('button.toggle[data-cluster="cluster-1"][data-workload="details-v1"]').click();
      const route = frame.locator('li.route[data-service="details"]').first();
      await route.waitFor({ timeout: STEP_MS });
      const box = await route.boundingBox();
      log('route box on the page:', JSON.stringify(box));
      assert.ok(
        box && box.y >= 0 && box.y + box.height <= 768,
        `the answer is on the 768-pixel screen: ${JSON.stringify(box)}`,
      );
      assert.match(await route.innerText(), /Fails over[\s\S]*cluster-2 via east-west gateway/);
      await screenshot('whatif-answer-on-screen', 'vscode-whatif-1366x768.png');
    });

    it('after an edit removes the workload, the marked-down set still lists it, as no longer existing, with a way to remove it', async () => {
      // Rename the Deployment in the editor, as a user would.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+H');
      const find = page.locator('.find-widget .find-part textarea, .find-widget .find-part input').first();
      await find.waitFor({ timeout: STEP_MS });
      await find.fill('name: details-v1');
      const replace = page.locator('.find-widget .replace-part textarea, .find-widget .replace-part input').first();
      await replace.fill('name: details-v9');
      await page.keyboard.press('Control+Alt+Enter'); // replace all
      await page.keyboard.press('Escape');
      const gone = frame.locator('li.marked.gone[data-workload="details-v1"]');
      await gone.waitFor({ timeout: STEP_MS });
      assert.match(await gone.innerText(), /no longer exists/);
      assert.ok(
        (await frame.locator('button.toggle[data-workload="details-v9"]').count()) > 0,
        'the renamed workload can be marked down',
      );
      await screenshot('whatif-after-edit', 'vscode-whatif-after-edit.png');
      await gone.locator('button.undo').click();
      await gone.waitFor({ state: 'detached', timeout: STEP_MS });
      await page.keyboard.press('Control+Z');
    });

    it('made no request off loopback', () => {
      assert.deepEqual([...browser.external], []);
    });
  });
});
