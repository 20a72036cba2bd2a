// UI end-to-end: Playwright drives code-server's workbench in Debian's Chromium as a user would.
// The examples are copied and opened one after the other in the same window: examples/common-mistakes
// (Problems panel), then examples/bookinfo-failover (clean; the failover preview). Each is its own project:
// opened side by side in one multi-root window they would be one project, and their identical
// Workspace/WorkspaceSetting names would clash. The extension is the packaged .vsix installed into a fresh
// extensions dir (TSB_VSIX), or, without one, the built checkout (or TSB_DEV_PATH) as a development path.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../harness/browser';
import { collectLogs, startCodeServer, type CodeServer } from '../harness/codeServer';
import { OUT, ROOT, elapsed, freshDir } from '../harness/paths';

const out = path.join(OUT, 'ui');
const VSIX = process.env['TSB_VSIX'];
const DEV_PATH = process.env['TSB_DEV_PATH'] ?? ROOT;
const STEP_MS = 30_000;
const t0 = Date.now();
let cs: CodeServer;
let browser: Browser;
let page: Page;
let shot = 0;

const log = (...a: unknown[]) => console.log(`[ui ${elapsed(t0)}]`, ...a);

async function screenshot(name: string): Promise<string> {
  const file = path.join(out, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  log('screenshot', path.relative(ROOT, file));
  return file;
}

/** Opens quick input with `keys`, types `text`, and clicks the first row that shows every one of `row`. */
async function quickInput(keys: string, text: string, ...row: string[]): Promise<void> {
  await page.keyboard.press(keys);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await page.keyboard.type(text);
  let rows = page.locator('.quick-input-list .monaco-list-row');
  for (const r of row) rows = rows.filter({ hasText: r });
  await rows.first().waitFor({ timeout: STEP_MS });
  await rows.first().click();
}

/** One row of the Problems panel's text: the message (its start), then the source line, the rule and the position. */
function problemRow(messageStart: string, rule: string, line: number, col: number): RegExp {
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${esc(messageStart)}[^\\n]*\\n(?:[^\\n]*\\n)?${esc(rule)}\\n\\[Ln ${line}, Col ${col}\\]`);
}

async function markersText(): Promise<string> {
  return (
    (await page
      .locator('.markers-panel')
      .innerText()
      .catch(() => '')) ?? ''
  );
}

/** The frame that holds the preview app (two iframes deep: iframe.webview → iframe#active-frame). */
async function previewFrame(): Promise<Frame> {
  const end = Date.now() + STEP_MS;
  while (Date.now() < end) {
    for (const f of page.frames()) {
      if (
        await f
          .locator('section.workspace')
          .count()
          .catch(() => 0)
      )
        return f;
    }
    await page.waitForTimeout(250); // polling the frame tree: there is no event for "a frame got this element"
  }
  throw new Error(
    `no frame with section.workspace; frames: ${page
      .frames()
      .map((f) => f.url().slice(0, 100))
      .join(' , ')}`,
  );
}

describe('workbench UI (code-server + Chromium)', { timeout: 300_000 }, () => {
  let examples: string;

  async function openFolder(name: string): Promise<void> {
    const payload = VSIX ? [] : [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${cs.port}${DEV_PATH}`]];
    const url =
      `${cs.origin}/?folder=${encodeURIComponent(path.join(examples, name))}` +
      `&payload=${encodeURIComponent(JSON.stringify([...payload, ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']]))}`;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      (want) => {
        const t =
          (
            globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }
          ).document.querySelector('.explorer-folders-view')?.textContent ?? '';
        return t.includes(want);
      },
      'tsb.config.yaml',
      { timeout: STEP_MS },
    );
    log(
      `${name}: explorer shows`,
      (await page.locator('.explorer-folders-view .monaco-list-row').allInnerTexts()).join(' | '),
    );
  }

  async function openFile(query: string, ...row: string[]): Promise<void> {
    await page
      .locator('.monaco-workbench .part.editor')
      .click({ position: { x: 300, y: 300 } })
      .catch(() => undefined);
    await quickInput('Control+P', query, ...row);
    await page
      .locator(`.tabs-container .tab.active:has-text(${JSON.stringify(path.basename(query))})`)
      .waitFor({ timeout: STEP_MS });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: STEP_MS });
  }

  async function showPreview(): Promise<Frame> {
    await quickInput('F1', 'TSB: Show Failover Preview', 'TSB: Show Failover Preview');
    await page.locator('.tabs-container .tab:has-text("Failover Preview")').waitFor({ timeout: STEP_MS });
    const frame = await previewFrame();
    const depth = (() => {
      let d = 0;
      let f: Frame | null = frame;
      while ((f = f.parentFrame())) d++;
      return d;
    })();
    log(`preview frame at depth ${depth}: ${frame.url().slice(0, 100)}`);
    return frame;
  }

  before(async () => {
    freshDir(out);
    cs = await startCodeServer({ name: 'ui', ...(VSIX ? { vsix: [VSIX] } : {}), lifetimeSeconds: 600 });
    log(
      `code-server on ${cs.origin}, ${VSIX ? `vsix ${path.basename(VSIX)} installed` : `extension development path: ${DEV_PATH}`}`,
    );
    examples = path.join(cs.runDir, 'examples');
    for (const ex of ['bookinfo-failover', 'common-mistakes'])
      fs.cpSync(path.join(ROOT, 'examples', ex), path.join(examples, ex), { recursive: true });
    browser = await launchBrowser(cs.runDir, cs.env);
    page = browser.page;
  });

  after(async () => {
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
  });

  it('common-mistakes: loads the workbench with the example in the explorer', async () => {
    await openFolder('common-mistakes');
  });

  it('common-mistakes: opens tsb/bookinfo-ws-setting.yaml with Ctrl+P', async () => {
    await openFile('tsb/bookinfo-ws-setting.yaml', 'bookinfo-ws-setting.yaml');
    assert.match(await page.locator('.monaco-editor .view-lines').first().innerText(), /WorkspaceSetting/);
  });

  it("common-mistakes: the Problems panel lists the example's mistakes", async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ timeout: STEP_MS });
    await page
      .waitForFunction(
        () => {
          const t =
            (
              globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }
            ).document.querySelector('.markers-panel')?.textContent ?? '';
          // The open file's misindentation, and problems of files that are not open (workspace diagnostics).
          return ['defaultEastWestGatewaySettings', 'key-case', 'invalid-type', 'invalid-value'].every((w) =>
            t.includes(w),
          );
        },
        null,
        { timeout: 60_000 },
      )
      .catch(async (e: unknown) => {
        throw new Error(`${String(e)}\nProblems panel:\n${await markersText()}`);
      });
    const text = await markersText();
    fs.writeFileSync(path.join(out, 'problems-common-mistakes.txt'), text);
    log('problems panel:\n   ', text.split('\n').filter(Boolean).slice(0, 24).join('\n    '));
    // The misindented east-west settings, on the line tsb-lint reports (11:1).
    // Each problem reads: message, source, rule, position; the same positions as `tsb-lint check`.
    assert.match(text, problemRow('`defaultEastWestGatewaySettings` is not a field', 'unknown-field', 11, 1));
    assert.match(text, problemRow('`apiversion` should be written `apiVersion`', 'key-case', 2, 1));
    assert.match(text, problemRow('`eastWestOnly` must be a boolean', 'invalid-type', 8, 17));
    assert.match(text, problemRow('"bookinfo" is not a valid value for `names`', 'invalid-value', 11, 9));
    log(
      'status bar problems:',
      (
        await page
          .locator('[id="status.problems"]')
          .innerText()
          .catch(() => '')
      ).replace(/\s+/g, ' '),
    );
    await screenshot('common-mistakes-problems');
  });

  it('common-mistakes: the preview explains what is missing', async () => {
    const frame = await showPreview();
    const text = await frame.locator('body').innerText();
    fs.writeFileSync(path.join(out, 'preview-common-mistakes.txt'), text);
    assert.match(text, /bookinfo-ws/);
    // The mis-indented east-west settings are read where they belong: the panel says why nothing is exposed.
    assert.match(
      text,
      /failover=enable|no exposedServices entry matches/,
      'the panel says the exposedServices selector matches no service',
    );
    await screenshot('common-mistakes-preview');
  });

  it('bookinfo-failover: opens the clean example; the Problems panel stays empty', async () => {
    await openFolder('bookinfo-failover');
    await openFile('tsb/bookinfo-ws-setting.yaml', 'bookinfo-ws-setting.yaml');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ timeout: STEP_MS });
    const text = await markersText();
    assert.match(text, /No problems have been detected/, text);
  });

  it('bookinfo-failover: F1 → "TSB: Show Failover Preview": every bookinfo service can fail over', async () => {
    const frame = await showPreview();
    const ws = frame
      .locator('section.workspace')
      .filter({ has: frame.locator('tr.row[data-service="details"]') })
      .first();
    await ws.locator('tr.row[data-service="reviews"]').waitFor({ timeout: STEP_MS });
    const rows: Record<string, string> = {};
    for (const svc of ['details', 'productpage', 'ratings', 'reviews']) {
      rows[svc] = (await ws.locator(`tr.row[data-service="${svc}"] .badge`).first().innerText()).trim();
    }
    log('preview rows:', JSON.stringify(rows));
    fs.writeFileSync(path.join(out, 'preview-bookinfo-failover.txt'), await frame.locator('body').innerText());
    for (const [svc, badge] of Object.entries(rows)) assert.match(badge, /Can fail over/, `${svc}: ${badge}`);
    const cells = await ws.locator('tr.row[data-service="reviews"] td.cell').allInnerTexts();
    assert.equal(cells.length, 2, `reviews: one cell per cluster, got ${JSON.stringify(cells)}`);
    await screenshot('bookinfo-failover-preview');
  });

  it('bookinfo-failover: the preview does not claim the example lacks tsb.config.yaml placements', async () => {
    // The example has a tsb.config.yaml whose placements cover every file: no inference note belongs here.
    const text = fs.readFileSync(path.join(out, 'preview-bookinfo-failover.txt'), 'utf8');
    const note = text.split('\n').find((l) => /No tsb\.config\.yaml placements/.test(l));
    assert.equal(note, undefined, `the panel says: ${note}`);
  });

  it('bookinfo-failover: a service link in the panel opens its YAML', async () => {
    const frame = await previewFrame();
    await frame.locator('tr.row[data-service="details"] .svc-name').first().click();
    await page.locator('.tabs-container .tab.active:has-text("bookinfo.yaml")').waitFor({ timeout: STEP_MS });
    await screenshot('bookinfo-failover-reveal');
  });

  it('made no request off loopback', () => {
    assert.deepEqual([...browser.external], []);
  });
});
