// The editor journeys' session (see editor.ui.test.ts): one code-server and one Chromium page for the
// whole file, and the workbench gestures the journeys use (quick open, the Problems panel, webviews).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../harness/browser';
import { collectLogs, startCodeServer, type CodeServer } from '../harness/codeServer';
import { OUT, ROOT, elapsed, freshDir } from '../harness/paths';

export const out = path.join(OUT, 'ui-editor');
export const VSIX = process.env['TSB_VSIX'];
export const DEV_PATH = process.env['TSB_DEV_PATH'] ?? ROOT;
export const STEP_MS = 30_000;
export const TREE = 'tetratelabs__tetrate-service-bridge-sandbox';
export const TREES = path.join(ROOT, '..', 'shared', 'corpus', 'trees');
export const noCorpus = !fs.existsSync(path.join(TREES, TREE));
export const DOCS_SHOTS = path.join(ROOT, 'docs', 'screenshots');
export const t0 = Date.now();
export let cs: CodeServer;
export let browser: Browser;
export let page: Page;
export let shot = 0;
export let work: string;

export const log = (...a: unknown[]) => console.log(`[ui-editor ${elapsed(t0)}]`, ...a);

/** The page's document, inside callbacks that run in the browser (this file is type-checked without the DOM lib). */
export interface Doc {
  querySelector(s: string): { textContent: string | null } | null;
  querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
}

export async function screenshot(name: string, docsName?: string): Promise<void> {
  const file = path.join(out, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  log('screenshot', path.relative(ROOT, file));
  if (docsName && process.env['UPDATE_SCREENSHOTS'] === '1') fs.copyFileSync(file, path.join(DOCS_SHOTS, docsName));
}

export async function quickInput(keys: string, text: string, ...row: string[]): Promise<void> {
  await page.keyboard.press(keys);
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: STEP_MS });
  await page.keyboard.type(text);
  let rows = page.locator('.quick-input-list .monaco-list-row');
  for (const r of row) rows = rows.filter({ hasText: r });
  await rows.first().waitFor({ timeout: STEP_MS });
  await rows.first().click();
}

export async function openFolder(folder: string, marker: string): Promise<void> {
  const payload = VSIX ? [] : [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${cs.port}${DEV_PATH}`]];
  const url =
    `${cs.origin}/?folder=${encodeURIComponent(folder)}` +
    `&payload=${encodeURIComponent(JSON.stringify([...payload, ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']]))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    (want) =>
      (
        (globalThis as unknown as { document: Doc }).document.querySelector('.explorer-folders-view')?.textContent ?? ''
      ).includes(want),
    marker,
    { timeout: 60_000 },
  );
}

export async function openFile(query: string, ...row: string[]): Promise<void> {
  // Focus the workbench outside any webview (a webview in the editor area would take the keystrokes).
  await page
    .locator('.part.sidebar .composite.title')
    .first()
    .click()
    .catch(() => undefined);
  await quickInput('Control+P', query, ...row);
  await page
    .locator(`.tabs-container .tab.active:has-text(${JSON.stringify(path.basename(query))})`)
    .waitFor({ timeout: STEP_MS });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: STEP_MS });
}

export function statusItem(): Locator {
  return page.locator('.statusbar-item').filter({ hasText: 'TSB:' }).first();
}

/** The frame of a webview whose page holds `selector` (two iframes deep). */
export async function webviewFrame(selector: string): Promise<Frame> {
  const end = Date.now() + STEP_MS;
  while (Date.now() < end) {
    for (const f of page.frames())
      if (
        await f
          .locator(selector)
          .count()
          .catch(() => 0)
      )
        return f;
    await page.waitForTimeout(250); // polling the frame tree: there is no event for "a frame got this element"
  }
  throw new Error(`no frame with ${selector}`);
}

/** The Problems panel, filtered to one file, as text. */
export async function problemsOf(file: string): Promise<string> {
  const input = page
    .locator(
      '.markers-panel-container .viewpane-filter input, .pane-header .viewpane-filter input, .panel .viewpane-filter input',
    )
    .first();
  if (!(await input.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
    await input.waitFor({ timeout: STEP_MS });
  }
  if ((await input.inputValue()) !== file) {
    await input.fill(file);
  }
  return (
    (await page
      .locator('.markers-panel')
      .innerText()
      .catch(() => '')) ?? ''
  );
}

export async function waitForProblems(file: string, accept: (text: string) => boolean, what: string): Promise<string> {
  const end = Date.now() + 60_000;
  let text = '';
  while (Date.now() < end) {
    text = await problemsOf(file);
    if (accept(text)) return text;
    await page.waitForTimeout(300); // the panel's text has no event to wait on
  }
  throw new Error(`timed out waiting for ${what}; Problems panel (filter ${file}):\n${text}`);
}

export async function suggestRows(): Promise<string[]> {
  const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  await rows
    .first()
    .waitFor({ timeout: STEP_MS })
    .catch(() => undefined);
  return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Starts code-server with the extension and opens the page on a laptop-sized screen. */
export async function startEditorSession(): Promise<void> {
  freshDir(out);
  cs = await startCodeServer({ name: 'ui-editor', ...(VSIX ? { vsix: [VSIX] } : {}), lifetimeSeconds: 600 });
  log(
    `code-server on ${cs.origin}, ${VSIX ? `vsix ${path.basename(VSIX)}` : `extension development path ${DEV_PATH}`}`,
  );
  work = path.join(cs.runDir, 'repos');
  fs.cpSync(path.join(ROOT, 'examples', 'bookinfo-failover'), path.join(work, 'bookinfo-failover'), {
    recursive: true,
  });
  browser = await launchBrowser(cs.runDir, cs.env);
  page = browser.page;
  // A laptop screen: what a platform engineer sees without an external monitor.
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Saves a last screenshot and the browser's record, then stops the browser and code-server. */
export async function stopEditorSession(): Promise<void> {
  if (page) await screenshot('final').catch(() => undefined);
  if (browser) {
    fs.writeFileSync(
      path.join(out, 'browser.json'),
      JSON.stringify({ external: [...browser.external], consoleErrors: browser.consoleErrors }, null, 2),
    );
    await browser.close();
  }
  if (cs) {
    await cs.stop();
    collectLogs(cs, out);
  }
}
