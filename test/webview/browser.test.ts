// The preview app in a real browser: headless Chromium (Debian's package) driven by playwright-core.
// The page is the real shell (buildShellHtml: same CSP, nonce, bundle) plus a stub acquireVsCodeApi,
// served from 127.0.0.1. The test plays the host: it posts messages with window.postMessage.
import { after, afterEach, before, beforeEach, describe, it as nodeIt } from 'node:test';
import assert from 'node:assert/strict';
import { execSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import { createRequire } from 'module';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FailoverModel } from '../../server/src/engine/model/failoverTypes';
import type { AppToHostMessage, HostToAppMessage, PersistedState } from '../../client/src/webview/protocol';
import { buildShellHtml } from '../../client/src/webview/html';
import { readFixture, repoRoot } from './repoRoot';

// Callbacks given to page.evaluate run in the browser. The test tsconfig has no DOM lib (on purpose),
// so the few browser globals they touch are declared here, local to this module.
interface PageElement {
  dataset: Record<string, string | undefined>;
  classList: { add(...c: string[]): void; remove(...c: string[]): void };
  style: { setProperty(name: string, value: string): void };
  blur(): void;
}
interface PageWindow {
  __posted: AppToHostMessage[];
  __violations: string[];
  __state: PersistedState;
  postMessage(message: unknown, targetOrigin: string): void;
  scrollTo(x: number, y: number): void;
}
declare const window: PageWindow;
declare const document: {
  activeElement: PageElement | null;
  body: PageElement;
  documentElement: PageElement & { scrollWidth: number; clientWidth: number };
};
declare function getComputedStyle(element: unknown, pseudo?: string): { color: string; content: string };

const CHROMIUM = '/usr/bin/chromium';
const ROOT = repoRoot();
const OUT = path.join(ROOT, 'client', 'out', 'webview');
const SHOTS = path.join(ROOT, 'docs', 'screenshots');

const missing = !fs.existsSync(CHROMIUM);
if (missing && process.env['CI']) {
  // In CI a missing browser is a broken image, not a reason to pass quietly.
  nodeIt('browser tests need Chromium', () => {
    assert.fail(`${CHROMIUM} is missing: install Debian's package with \`apt-get update && apt-get install -y chromium\``);
  });
}
const skip = missing ? `${CHROMIUM} not found: install it with \`apt-get install -y chromium\` to run the webview browser tests` : false;
// Skipped one by one (not the whole describe) so that each skipped browser test still counts in the totals.
const it = (name: string, fn: () => Promise<void>) => nodeIt(name, { skip }, fn);

// ---------- themes, set the way VS Code does: a body class plus --vscode-* variables on <html> ----------

const COMMON: Record<string, string> = {
  '--vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, Ubuntu, "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-font-weight': 'normal',
  '--vscode-editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
  '--vscode-editor-font-size': '12px',
};
const THEMES: Record<'light' | 'dark' | 'hc', { bodyClass: string; vars: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      '--vscode-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171', '--vscode-editor-background': '#ffffff',
      '--vscode-editorWidget-background': '#f8f8f8', '--vscode-panel-border': '#e5e5e5', '--vscode-widget-border': '#e5e5e5',
      '--vscode-focusBorder': '#005fb8', '--vscode-textLink-foreground': '#005fb8', '--vscode-textLink-activeForeground': '#005fb8',
      '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-button-secondaryHoverBackground': '#cccccc',
      '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b', '--vscode-list-hoverBackground': '#f2f2f2',
      '--vscode-charts-green': '#388a34', '--vscode-charts-red': '#e51400', '--vscode-charts-orange': '#d18616', '--vscode-charts-blue': '#1a85ff',
      '--vscode-textCodeBlock-background': '#f8f8f8', '--vscode-checkbox-background': '#f8f8f8', '--vscode-checkbox-border': '#cecece',
      '--vscode-inputValidation-errorBackground': '#f2dede', '--vscode-inputValidation-errorBorder': '#be1100', '--vscode-errorForeground': '#f85149',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-editor-background': '#1f1f1f',
      '--vscode-editorWidget-background': '#202020', '--vscode-panel-border': '#2b2b2b', '--vscode-widget-border': '#313131',
      '--vscode-focusBorder': '#0078d4', '--vscode-textLink-foreground': '#4daafc', '--vscode-textLink-activeForeground': '#4daafc',
      '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc', '--vscode-button-secondaryHoverBackground': '#3c3c3c',
      '--vscode-badge-background': '#616161', '--vscode-badge-foreground': '#f8f8f8', '--vscode-list-hoverBackground': '#2a2d2e',
      '--vscode-charts-green': '#89d185', '--vscode-charts-red': '#f14c4c', '--vscode-charts-orange': '#d18616', '--vscode-charts-blue': '#3794ff',
      '--vscode-textCodeBlock-background': '#2b2b2b', '--vscode-checkbox-background': '#313131', '--vscode-checkbox-border': '#3c3c3c',
      '--vscode-inputValidation-errorBackground': '#5a1d1d', '--vscode-inputValidation-errorBorder': '#be1100', '--vscode-errorForeground': '#f85149',
    },
  },
  hc: {
    bodyClass: 'vscode-high-contrast',
    vars: {
      '--vscode-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff', '--vscode-editor-background': '#000000',
      '--vscode-contrastBorder': '#6fc3df', '--vscode-contrastActiveBorder': '#f38518', '--vscode-focusBorder': '#f38518',
      '--vscode-textLink-foreground': '#21a6ff', '--vscode-charts-green': '#89d185', '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-orange': '#d18616', '--vscode-charts-blue': '#3794ff', '--vscode-badge-background': '#000000', '--vscode-badge-foreground': '#ffffff',
    },
  },
};

// ---------- page served from loopback ----------

interface Harness { server: http.Server; origin: string }

function stubScript(initialState: PersistedState | undefined): string {
  const state = JSON.stringify(initialState ?? null).replace(/</g, '\\u003c');
  return `
window.__posted = [];
window.__violations = [];
window.__state = ${state};
document.addEventListener('securitypolicyviolation', (e) => { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });
window.acquireVsCodeApi = () => ({
  postMessage: (m) => { window.__posted.push(JSON.parse(JSON.stringify(m))); },
  getState: () => window.__state === null ? undefined : window.__state,
  setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
});`;
}

function pageHtml(origin: string, initialState?: PersistedState): string {
  const nonce = crypto.randomBytes(16).toString('base64url');
  const shell = buildShellHtml({ cspSource: origin, nonce, scriptUri: `${origin}/main.js`, styleUri: `${origin}/main.css` });
  // The stub stands in for VS Code's preload script: same nonce, before the bundle.
  return shell.replace('<script nonce=', `<script nonce="${nonce}">${stubScript(initialState)}</script>\n<script nonce=`);
}

async function startServer(): Promise<Harness> {
  const states = new Map<string, PersistedState>();
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const send = (status: number, type: string, body: string | Buffer) => { res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }); res.end(body); };
    if (url.pathname === '/main.js') return send(200, 'text/javascript', fs.readFileSync(path.join(OUT, 'main.js')));
    if (url.pathname === '/main.css') return send(200, 'text/css', fs.readFileSync(path.join(OUT, 'main.css')));
    if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', pageHtml(origin, states.get(url.searchParams.get('state') ?? '')));
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (server as http.Server & { states?: typeof states }).states = states;
  return { server, origin };
}

// ---------- helpers ----------

const seed = () => readFixture<FailoverModel>('seed-model.json');
const exposed = () => readFixture<FailoverModel>('exposed-services-model.json');

interface Tab { page: Page; errors: string[]; dialogs: string[] }

async function applyTheme(page: Page, theme: keyof typeof THEMES): Promise<void> {
  const t = THEMES[theme];
  await page.evaluate(({ bodyClass, vars }) => {
    document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
    document.body.classList.add(bodyClass);
    for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
  }, { bodyClass: t.bodyClass, vars: { ...COMMON, ...t.vars } });
}

async function send(page: Page, message: HostToAppMessage): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

async function posted(page: Page): Promise<AppToHostMessage[]> {
  return page.evaluate(() => window.__posted);
}

async function waitForPosted(page: Page, type: AppToHostMessage['type'], count = 1): Promise<AppToHostMessage[]> {
  await page.waitForFunction(({ type, count }) => window.__posted.filter((m) => m.type === type).length >= count, { type, count });
  return (await posted(page)).filter((m) => m.type === type);
}

async function toggle(page: Page, cluster: string, workload: string): Promise<void> {
  const sel = `button.toggle[data-cluster="${cluster}"][data-workload="${workload}"]`;
  const before = await page.getAttribute(sel, 'aria-pressed');
  await page.click(sel);
  await page.waitForSelector(`${sel}[aria-pressed="${before === 'true' ? 'false' : 'true'}"]`);
}

const routeSel = (service: string, subset: string, from = 'cluster-1') =>
  `li.route[data-service="${service}"][data-subset="${subset}"][data-from="callers in ${from}"]`;

// ---------- tests ----------

describe('failover preview in Chromium', () => {
  let browser: Browser;
  let harness: Harness;
  let context: BrowserContext;
  let tab: Tab;

  before(async () => {
    if (skip) return;
    // Test the current sources: build the bundle with the package's own script.
    const script = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:webview'];
    assert.ok(script, 'package.json has a build:webview script');
    execSync(script.replace(/^esbuild\b/, JSON.stringify(path.join(ROOT, 'node_modules', '.bin', 'esbuild'))), { cwd: ROOT, stdio: 'inherit' });
    assert.ok(fs.existsSync(path.join(OUT, 'main.css')), 'the webview build emits main.css beside main.js');
    // Resolved from the repository, so the compiled test also runs from another folder (e.g. /tmp/wv).
    const { chromium } = createRequire(path.join(ROOT, 'package.json'))('playwright-core') as typeof import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    harness = await startServer();
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (harness ? harness.server.close(() => resolve()) : resolve()));
  });

  async function open(initialState?: PersistedState, width = 960): Promise<Tab> {
    let query = '';
    if (initialState) {
      const id = crypto.randomUUID();
      (harness.server as http.Server & { states: Map<string, PersistedState> }).states.set(id, initialState);
      query = `?state=${id}`;
    }
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    const t: Tab = { page, errors: [], dialogs: [] };
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') t.errors.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => t.errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => { t.dialogs.push(d.message()); void d.dismiss(); });
    page.on('requestfailed', (r) => t.errors.push(`request failed: ${r.url()}`));
    await page.goto(`${harness.origin}/${query}`);
    await applyTheme(page, 'light');
    return t;
  }

  beforeEach(async () => { if (skip) return; context = await browser.newContext(); tab = await open(); });

  afterEach(async () => {
    if (skip) return;
    const violations = await tab.page.evaluate(() => window.__violations);
    await context.close();
    assert.deepEqual(violations, [], 'no CSP violations');
    assert.deepEqual(tab.errors, [], 'no console errors');
    assert.deepEqual(tab.dialogs, [], 'no dialogs');
  });

  it('sends ready before anything else, and renders the model only after the host posts it', async () => {
    const { page } = tab;
    const ready = await waitForPosted(page, 'ready');
    assert.equal(ready.length, 1);
    assert.deepEqual((await posted(page))[0], { type: 'ready' });
    assert.equal(await page.locator('table.matrix').count(), 0);
    await send(page, { type: 'model', model: seed(), version: 1 });
    await page.waitForSelector('table.matrix:not(.gateways) tbody tr');
  });

  it('renders the seed scenario: gateways, four services, both clusters, failover marks', async () => {
    const { page } = tab;
    await send(page, { type: 'model', model: seed(), version: 1 });
    await page.waitForSelector('section.workspace[data-workspace="bookinfo-ws"]');
    const services = await page.$$eval('table.matrix:not(.gateways) tbody tr', (rows) => rows.map((r) => r.getAttribute('data-service')));
    assert.deepEqual(services, ['details', 'productpage', 'ratings', 'reviews']);
    const headers = await page.$$eval('table.matrix:not(.gateways) thead th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(headers, ['Service', 'cluster-1', 'cluster-2']);
    const badges = await page.$$eval('tr.row .badge', (bs) => bs.map((b) => b.textContent?.trim()));
    assert.deepEqual(badges, ['✓ Can fail over', '✓ Can fail over', '✓ Can fail over', '✓ Can fail over']);
    const cell = page.locator('tr[data-service="reviews"] td[data-cluster="cluster-1"]');
    assert.equal(await cell.getAttribute('aria-label'), 'reviews in cluster-1: runs and is exposed through the east-west gateway; versions v1, v2');
    assert.deepEqual(await cell.locator('.chip').allTextContents(), ['v1', 'v2']);
    const gw = page.locator('tr[data-gateway="eastwest/app=eastwest-gateway"]');
    assert.deepEqual(await gw.locator('td').allTextContents(), ['● Deployed', '● Deployed']);
    assert.match(await gw.textContent() ?? '', /IngressGateway eastwest\/eastwest-gateway \(eastWestOnly\)/);
  });

  it('what-if: details-v1 down in cluster-1 fails over to cluster-2 through the east-west gateway', async () => {
    const { page } = tab;
    await send(page, { type: 'model', model: seed(), version: 1 });
    await page.waitForSelector('button.toggle');
    assert.equal(await page.locator('li.route').count(), 0);
    await toggle(page, 'cluster-1', 'details-v1');
    const route = page.locator(routeSel('details', 'any version'));
    await route.waitFor();
    assert.equal(await route.locator('.badge').textContent(), '⇄ Fails over');
    assert.equal(await route.locator('.to').textContent(), 'cluster-2 via east-west gateway eastwest/app=eastwest-gateway');
    // The matrix shows the version as down in cluster-1 only.
    assert.equal(await page.locator('tr[data-service="details"] td[data-cluster="cluster-1"] .chip.down').count(), 1);
    assert.equal(await page.locator('tr[data-service="details"] td[data-cluster="cluster-2"] .chip.down').count(), 0);
    // The what-if is persisted with setState.
    const state = await page.evaluate(() => window.__state);
    assert.deepEqual(state.down, [{ cluster: 'cluster-1', namespace: 'bookinfo', workload: 'details-v1' }]);
    // And toggling it back up clears the routes.
    await toggle(page, 'cluster-1', 'details-v1');
    await page.waitForSelector('li.route', { state: 'detached' });
  });

  it('what-if is subset-aware: reviews-v2 down keeps any-version traffic local, v2 fails over', async () => {
    const { page } = tab;
    await send(page, { type: 'model', model: seed(), version: 1 });
    await page.waitForSelector('button.toggle');
    await toggle(page, 'cluster-1', 'reviews-v2');
    const any = page.locator(routeSel('reviews', 'any version'));
    const v2 = page.locator(routeSel('reviews', 'subset v2'));
    await v2.waitFor();
    assert.equal(await any.locator('.badge').textContent(), '→ Stays local');
    assert.equal(await any.locator('.to').textContent(), 'cluster-1 (local)');
    assert.equal(await v2.locator('.badge').textContent(), '⇄ Fails over');
    assert.equal(await v2.locator('.to').textContent(), 'cluster-2 via east-west gateway eastwest/app=eastwest-gateway');
  });

  it('shows excluded services with their reason, and where traffic goes nowhere', async () => {
    const { page } = tab;
    await send(page, { type: 'model', model: exposed(), version: 1 });
    await page.waitForSelector('tr[data-service="ratings"]');
    for (const s of ['productpage', 'ratings', 'reviews']) {
      const row = page.locator(`tr[data-service="${s}"]`);
      assert.equal((await row.locator('.badge').textContent())?.trim(), '− Not exposed');
      assert.equal(await row.locator('.reason').textContent(), 'Not matched by exposedServices.');
    }
    assert.match(await page.locator('tr[data-service="mongodb"] .reason').textContent() ?? '', /^Runs only in cluster-1/);
    assert.deepEqual(await page.locator('code.selector-chip').allTextContents(), ['failover=enable', 'app=details']);
    await toggle(page, 'cluster-1', 'mongodb-v1');
    const none = page.locator(routeSel('mongodb', 'any version'));
    await none.waitFor();
    assert.equal(await none.locator('.badge').textContent(), '✕ No route');
    assert.equal(await none.locator('.to').textContent(), 'nowhere');
  });

  it('renders hostile strings as text', async () => {
    const { page } = tab;
    const model = seed();
    const ws = model.workspaces[0]!;
    ws.candidates[0]!.labels = { ...ws.candidates[0]!.labels, evil: '<img src=x onerror=alert(1)>' };
    ws.candidates[1]!.service = 'pp</script><script>alert(2)</script>';
    ws.name = '<b onmouseover=alert(3)>ws</b>';
    await send(page, { type: 'model', model, version: 1 });
    await page.waitForSelector('tr.row');
    assert.equal(await page.locator('img').count(), 0, 'no img element created');
    assert.equal(await page.locator('main script, main b').count(), 0);
    const text = await page.locator('main').textContent() ?? '';
    assert.ok(text.includes('evil=<img src=x onerror=alert(1)>'), 'the label shows as text');
    assert.ok(text.includes('pp</script><script>alert(2)</script>'), 'the service name shows as text');
    assert.ok(text.includes('<b onmouseover=alert(3)>ws</b>'));
  });

  it('clicking a service, gateway or selector posts reveal with its SourceRef', async () => {
    const { page } = tab;
    const model = seed();
    await send(page, { type: 'model', model, version: 1 });
    await page.click('tr[data-service="details"] button.svc-name');
    let reveals = await waitForPosted(page, 'reveal', 1);
    assert.deepEqual(reveals[0], { type: 'reveal', source: model.workspaces[0]!.candidates.find((c) => c.service === 'details')!.source });
    await page.click('tr[data-gateway] button.svc-name');
    reveals = await waitForPosted(page, 'reveal', 2);
    assert.deepEqual(reveals[1], { type: 'reveal', source: model.workspaces[0]!.gateways[0]!.selectorSource });
    // Keyboard: focus the selector link and press Enter.
    await page.focus('tr[data-service="ratings"] .selector button.link');
    await page.keyboard.press('Enter');
    reveals = await waitForPosted(page, 'reveal', 3);
    assert.deepEqual(reveals[2], { type: 'reveal', source: model.workspaces[0]!.gateways[0]!.selectorSource });
    // Refresh asks the host for a model.
    await page.click('button[data-key="toolbar:refresh"]');
    await waitForPosted(page, 'requestModel', 1);
  });

  it('what-if toggles work from the keyboard and expose aria-pressed', async () => {
    const { page } = tab;
    await send(page, { type: 'model', model: seed(), version: 1 });
    const sel = 'button.toggle[data-cluster="cluster-1"][data-workload="details-v1"]';
    await page.focus(sel);
    await page.keyboard.press('Space');
    await page.waitForSelector(`${sel}[aria-pressed="true"]`);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset['key']), 'down:cluster-1/bookinfo/details-v1', 'focus stays on the toggle');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset['key']), 'down:cluster-1/bookinfo/productpage-v1');
    await page.keyboard.press('Enter');
    await page.waitForSelector('button.toggle[data-workload="productpage-v1"][data-cluster="cluster-1"][aria-pressed="true"]');
    const labels = await page.$$eval('table.matrix td', (tds) => tds.filter((td) => !td.getAttribute('aria-label')).length);
    assert.equal(labels, 0, 'every matrix cell has an aria-label');
  });

  it('follows edits: a new model keeps the what-if and the focus; a stale model is ignored', async () => {
    const { page } = tab;
    await send(page, { type: 'model', model: seed(), version: 1 });
    await toggle(page, 'cluster-1', 'details-v1');
    await page.focus('button.toggle[data-cluster="cluster-1"][data-workload="details-v1"]');
    const edited = seed();
    edited.workspaces[0]!.candidates.push({ ...edited.workspaces[0]!.candidates[0]!, service: 'details-copy' });
    await send(page, { type: 'model', model: edited, version: 2 });
    await page.waitForSelector('tr[data-service="details-copy"]');
    assert.equal(await page.getAttribute('button.toggle[data-cluster="cluster-1"][data-workload="details-v1"]', 'aria-pressed'), 'true');
    await page.locator(routeSel('details', 'any version')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset['key']), 'down:cluster-1/bookinfo/details-v1');
    await send(page, { type: 'model', model: seed(), version: 1 });
    await send(page, { type: 'error', message: 'probe' });
    await page.waitForSelector('.banner.error');
    assert.equal(await page.locator('tr[data-service="details-copy"]').count(), 1, 'the older version was dropped');
    assert.match(await page.locator('.banner.error').textContent() ?? '', /probe/);
  });

  it('restores the what-if and the last model from vscode.getState after a reload', async () => {
    const fresh = await open({ down: [{ cluster: 'cluster-1', namespace: 'bookinfo', workload: 'reviews-v2' }], model: seed(), version: 7 });
    await fresh.page.locator(routeSel('reviews', 'subset v2')).waitFor();
    assert.equal(await fresh.page.getAttribute('button.toggle[data-cluster="cluster-1"][data-workload="reviews-v2"]', 'aria-pressed'), 'true');
    await waitForPosted(fresh.page, 'ready');
    // A new host starts counting versions again: its first model is accepted.
    const m = seed();
    m.workspaces[0]!.candidates = m.workspaces[0]!.candidates.filter((c) => c.service !== 'ratings');
    await send(fresh.page, { type: 'model', model: m, version: 1 });
    await fresh.page.waitForSelector('tr[data-service="ratings"]', { state: 'detached' });
    assert.deepEqual(fresh.errors, []);
  });

  it('teaches when there is nothing yet: placements and a WorkspaceSetting', async () => {
    const { page } = tab;
    await send(page, { type: 'model', model: { workspaces: [], clusters: [], placementsConfigured: false, notes: [] }, version: 1 });
    await page.waitForSelector('section.teach');
    const files = await page.locator('.snippet-file').allTextContents();
    assert.deepEqual(files, ['tsb.config.yaml', 'tsb/bookinfo-ws.yaml']);
    assert.match(await page.locator('section.teach pre').nth(1).textContent() ?? '', /defaultEastWestGatewaySettings:/);
    assert.equal(await page.locator('section.whatif').count(), 0);
  });

  it('stays readable at a narrow width (no horizontal scrolling)', async () => {
    const narrow = await open(undefined, 340);
    await send(narrow.page, { type: 'model', model: exposed(), version: 1 });
    await narrow.page.waitForSelector('tr.row');
    const { scroll, client } = await narrow.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px view`);
    const before = await narrow.page.$eval('tr[data-service="details"] td[data-cluster="cluster-2"]', (td) => getComputedStyle(td, '::before').content);
    assert.equal(before, '"cluster-2"', 'cells name their cluster when stacked');
    assert.deepEqual(narrow.errors, []);
  });

  it('works in the high-contrast theme', async () => {
    const { page } = tab;
    await applyTheme(page, 'hc');
    await send(page, { type: 'model', model: seed(), version: 1 });
    await page.waitForSelector('tr.row');
    const color = await page.$eval('.badge.failover', (b) => getComputedStyle(b).color);
    assert.equal(color, 'rgb(137, 209, 133)');
  });

  it('screenshots in light and dark themes, and narrow (written with UPDATE_SCREENSHOTS=1)', async () => {
    const shots: [string, 'light' | 'dark', FailoverModel, [string, string][], number][] = [
      ['preview-light.png', 'light', seed(), [['cluster-1', 'details-v1'], ['cluster-1', 'reviews-v2']], 900],
      ['preview-dark.png', 'dark', exposed(), [['cluster-1', 'details-v1'], ['cluster-1', 'mongodb-v1']], 900],
      ['preview-narrow.png', 'dark', seed(), [['cluster-1', 'reviews-v2']], 360],
    ];
    for (const [file, theme, model, downs, width] of shots) {
      const t = await open(undefined, width);
      await applyTheme(t.page, theme);
      await send(t.page, { type: 'model', model, version: 1 });
      for (const [c, w] of downs) await toggle(t.page, c, w);
      await t.page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      await t.page.mouse.move(0, 0);
      const png = await t.page.screenshot({ fullPage: true });
      assert.ok(png.length > 10_000);
      if (process.env['UPDATE_SCREENSHOTS'] === '1') {
        fs.mkdirSync(SHOTS, { recursive: true });
        fs.writeFileSync(path.join(SHOTS, file), png);
      }
      assert.deepEqual(t.errors, []);
    }
  });
});
