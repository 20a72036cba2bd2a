// The preview app in a real browser: headless Chromium (Debian's package) driven by playwright-core.
// The page is the real shell (buildShellHtml: same CSP, nonce, bundle) plus a stub acquireVsCodeApi,
// served from 127.0.0.1. The test plays the host: it posts messages with window.postMessage.
import { after, afterEach, before, beforeEach, describe, it as nodeIt } from 'node:test';
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FailoverModel } from '../../server/src/engine/model/failoverTypes';
import type { AppToHostMessage, HostToAppMessage, PersistedState } from '../../client/src/webview/protocol';
import type { ProjectSummary } from '../../server/src/protocol';
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
  documentElement: PageElement & {
    scrollWidth: number;
    clientWidth: number;
    scrollHeight: number;
    removeAttribute(name: string): void;
  };
};
declare function getComputedStyle(
  element: unknown,
  pseudo?: string,
): { color: string; content: string; stroke: string };

const CHROMIUM = '/usr/bin/chromium';
const ROOT = repoRoot();
const OUT = path.join(ROOT, 'client', 'out', 'webview');
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
/** DOM snapshots of the screenshots' pages: what each one shows, compared on every run. */
const DOM_SNAPSHOTS = path.join(ROOT, 'test', 'webview', 'fixtures', 'dom');

const missing = !fs.existsSync(CHROMIUM);
if (missing && process.env['CI']) {
  // In CI a missing browser is a broken image, not a reason to pass quietly.
  nodeIt('browser tests need Chromium', () => {
    assert.fail(
      `${CHROMIUM} is missing: install Debian's package with \`apt-get update && apt-get install -y chromium\``,
    );
  });
}
const skip = missing
  ? `${CHROMIUM} not found: install it with \`apt-get install -y chromium\` to run the webview browser tests`
  : false;
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
      '--vscode-foreground': '#3b3b3b',
      '--vscode-descriptionForeground': '#717171',
      '--vscode-editor-background': '#ffffff',
      '--vscode-editorWidget-background': '#f8f8f8',
      '--vscode-panel-border': '#e5e5e5',
      '--vscode-widget-border': '#e5e5e5',
      '--vscode-focusBorder': '#005fb8',
      '--vscode-textLink-foreground': '#005fb8',
      '--vscode-textLink-activeForeground': '#005fb8',
      '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b',
      '--vscode-button-secondaryHoverBackground': '#cccccc',
      '--vscode-button-background': '#005fb8',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-hoverBackground': '#0258a8',
      '--vscode-badge-background': '#cccccc',
      '--vscode-badge-foreground': '#3b3b3b',
      '--vscode-list-hoverBackground': '#f2f2f2',
      '--vscode-charts-green': '#388a34',
      '--vscode-charts-red': '#e51400',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-blue': '#1a85ff',
      '--vscode-textCodeBlock-background': '#f8f8f8',
      '--vscode-checkbox-background': '#f8f8f8',
      '--vscode-checkbox-border': '#cecece',
      '--vscode-inputValidation-errorBackground': '#f2dede',
      '--vscode-inputValidation-errorBorder': '#be1100',
      '--vscode-errorForeground': '#f85149',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-foreground': '#cccccc',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-editorWidget-background': '#202020',
      '--vscode-panel-border': '#2b2b2b',
      '--vscode-widget-border': '#313131',
      '--vscode-focusBorder': '#0078d4',
      '--vscode-textLink-foreground': '#4daafc',
      '--vscode-textLink-activeForeground': '#4daafc',
      '--vscode-button-secondaryBackground': '#313131',
      '--vscode-button-secondaryForeground': '#cccccc',
      '--vscode-button-secondaryHoverBackground': '#3c3c3c',
      '--vscode-button-background': '#0078d4',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-hoverBackground': '#026ec1',
      '--vscode-badge-background': '#616161',
      '--vscode-badge-foreground': '#f8f8f8',
      '--vscode-list-hoverBackground': '#2a2d2e',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-textCodeBlock-background': '#2b2b2b',
      '--vscode-checkbox-background': '#313131',
      '--vscode-checkbox-border': '#3c3c3c',
      '--vscode-inputValidation-errorBackground': '#5a1d1d',
      '--vscode-inputValidation-errorBorder': '#be1100',
      '--vscode-errorForeground': '#f85149',
    },
  },
  hc: {
    bodyClass: 'vscode-high-contrast',
    vars: {
      '--vscode-foreground': '#ffffff',
      '--vscode-descriptionForeground': '#ffffff',
      '--vscode-editor-background': '#000000',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-contrastActiveBorder': '#f38518',
      '--vscode-focusBorder': '#f38518',
      '--vscode-textLink-foreground': '#21a6ff',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-badge-background': '#000000',
      '--vscode-badge-foreground': '#ffffff',
      '--vscode-button-background': '#000000',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-border': '#6fc3df',
      '--vscode-button-secondaryBackground': '#000000',
      '--vscode-button-secondaryForeground': '#ffffff',
    },
  },
};

// ---------- page served from loopback ----------

interface Harness {
  server: http.Server;
  origin: string;
}

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

function pageHtml(origin: string, initialState?: PersistedState, view: 'preview' | 'summary' = 'preview'): string {
  const nonce = crypto.randomBytes(16).toString('base64url');
  const shell = buildShellHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/main.js`,
    styleUri: `${origin}/main.css`,
    view,
  });
  // The stub stands in for VS Code's preload script: same nonce, before the bundle.
  return shell.replace(
    '<script nonce=',
    `<script nonce="${nonce}">${stubScript(initialState)}</script>\n<script nonce=`,
  );
}

async function startServer(): Promise<Harness> {
  const states = new Map<string, PersistedState>();
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/main.js') return send(200, 'text/javascript', fs.readFileSync(path.join(OUT, 'main.js')));
    if (url.pathname === '/main.css') return send(200, 'text/css', fs.readFileSync(path.join(OUT, 'main.css')));
    if (url.pathname === '/')
      return send(
        200,
        'text/html; charset=utf-8',
        pageHtml(
          origin,
          states.get(url.searchParams.get('state') ?? ''),
          url.searchParams.get('view') === 'summary' ? 'summary' : 'preview',
        ),
      );
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

interface Tab {
  page: Page;
  errors: string[];
  dialogs: string[];
}

async function applyTheme(page: Page, theme: keyof typeof THEMES): Promise<void> {
  const t = THEMES[theme];
  await page.evaluate(
    ({ bodyClass, vars }) => {
      // A theme replaces the previous one entirely, as in VS Code (no variable of the old theme survives).
      document.documentElement.removeAttribute('style');
      document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
      document.body.classList.add(bodyClass);
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
    },
    { bodyClass: t.bodyClass, vars: { ...COMMON, ...t.vars } },
  );
}

async function send(page: Page, message: HostToAppMessage): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

async function posted(page: Page): Promise<AppToHostMessage[]> {
  return page.evaluate(() => window.__posted);
}

async function waitForPosted(page: Page, type: AppToHostMessage['type'], count = 1): Promise<AppToHostMessage[]> {
  await page.waitForFunction(({ type, count }) => window.__posted.filter((m) => m.type === type).length >= count, {
    type,
    count,
  });
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

/** A summary as the server sends it once deployment units are inferred (hand-made: units come later). */
function handMadeSummary(): ProjectSummary {
  const f = (p: string) => `file:///repo/${p}`;
  return {
    version: 3,
    folders: ['file:///repo'],
    files: 41,
    tsbFiles: 12,
    scanning: false,
    problems: { errors: 2, warnings: 1, infos: 0, files: 41, filesWithProblems: 2 },
    configs: [],
    placementsConfigured: true,
    clusters: [],
    unplaced: [],
    inferenceNotes: [],
    notes: [
      'No WorkspaceSetting yet: add one with defaultEastWestGatewaySettings to expose services through an east-west gateway.',
    ],
    units: [
      {
        name: 'abc-failover/active',
        files: [
          f('scenarios/abc-failover/k8s/active/01-namespaces.yaml'),
          f('scenarios/abc-failover/k8s/active/05-eastwest-gateway.yaml'),
        ],
        clusters: ['active'],
        managementPlane: false,
        namespace: 'ns-a',
        evidence: [
          { uri: f('scenarios/abc-failover/run.sh'), line: 64, text: 'kubectl --context active apply -f k8s/active/' },
        ],
        alternativeTo: ['hub-spoke/cluster1'],
      },
      {
        name: 'abc-failover/tsb',
        files: [f('scenarios/abc-failover/tsb/01-tenant.yaml')],
        clusters: [],
        managementPlane: true,
        namespace: null,
        evidence: [{ uri: f('scenarios/abc-failover/run.sh'), line: 43, text: 'tctl apply -f tsb/01-tenant.yaml' }],
        alternativeTo: [],
      },
      {
        name: 'hub-spoke/cluster1',
        files: [f('scenarios/hub-spoke/k8s/cluster1/01.yaml')],
        clusters: ['cluster1'],
        managementPlane: false,
        namespace: null,
        evidence: [
          {
            uri: f('scenarios/abc-failover/run.sh'),
            line: 90,
            text: 'kubectl --context cluster1 apply -f k8s/cluster1/',
          },
        ],
        alternativeTo: ['abc-failover/active'],
      },
    ],
    project: {
      organizations: ['tetrate'],
      tenants: ['abc'],
      workspaces: [
        {
          organization: 'tetrate',
          tenant: 'abc',
          name: 'abc-ws',
          namespaces: ['*/ns-a'],
          setting: null,
          uri: f('scenarios/abc-failover/tsb/02-workspace.yaml'),
        },
      ],
      namespaces: ['ns-a'],
      gateways: [],
    },
  };
}

/**
 * The structure a screenshot shows, as text: the theme's colours on <body>, then every element that
 * carries a class, a data-* or aria-pressed attribute or a role (indented by nesting among those), with
 * its own text. Pixels are left out: fonts and anti-aliasing differ between machines, structure does not.
 */
async function domOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    interface El {
      tagName: string;
      attributes: ArrayLike<{ name: string; value: string }>;
      children: ArrayLike<El>;
      childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
      getAttribute(n: string): string | null;
    }
    const doc = document as unknown as { body: El };
    const style = getComputedStyle(doc.body) as unknown as { color: string; backgroundColor: string };
    const lines = [`body color=${style.color} background=${style.backgroundColor}`];
    const walk = (el: El, depth: number) => {
      const attrs = Array.from(el.attributes).filter(
        (a) => a.name === 'class' || a.name.startsWith('data-') || a.name === 'aria-pressed' || a.name === 'role',
      );
      const shown = attrs.length > 0;
      if (shown) {
        const cls =
          el
            .getAttribute('class')
            ?.trim()
            .split(/\s+/)
            .filter(Boolean)
            .map((c) => `.${c}`)
            .join('') ?? '';
        const rest = attrs
          .filter((a) => a.name !== 'class')
          .map((a) => `[${a.name}=${a.value}]`)
          .join('');
        const own = Array.from(el.childNodes)
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/\b\d{1,2}:\d{2}:\d{2}\b/g, '<time>'); // the status line's clock
        lines.push(
          `${'  '.repeat(depth)}${el.tagName.toLowerCase()}${cls}${rest}${own ? ` "${own.length > 100 ? `${own.slice(0, 100)}…` : own}"` : ''}`,
        );
      }
      for (const c of Array.from(el.children)) walk(c, shown ? depth + 1 : depth);
    };
    walk(doc.body, 0);
    return `${lines.join('\n')}\n`;
  });
}

// ---------- tests ----------

describe('failover preview in Chromium', () => {
  let browser: Browser;
  let harness: Harness;
  let context: BrowserContext;
  let tab: Tab;

  before(async () => {
    if (skip) return;
    // Test the current sources: build the bundle with the package's own script.
    const script = (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts['build:webview'];
    assert.ok(script, 'package.json has a build:webview script');
    execSync(script.replace(/^esbuild\b/, JSON.stringify(path.join(ROOT, 'node_modules', '.bin', 'esbuild'))), {
      cwd: ROOT,
      stdio: 'inherit',
    });
    assert.ok(fs.existsSync(path.join(OUT, 'main.css')), 'the webview build emits main.css beside main.js');
    // Resolved from the repository, so the compiled test also runs from another folder (e.g. /tmp/wv).
    const { chromium } = createRequire(path.join(ROOT, 'package.json'))(
      'playwright-core',
    ) as typeof import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    harness = await startServer();
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (harness ? harness.server.close(() => resolve()) : resolve()));
  });

  async function open(
    initialState?: PersistedState,
    width = 960,
    height = 800,
    view: 'preview' | 'summary' = 'preview',
  ): Promise<Tab> {
    const query = new URLSearchParams();
    if (initialState) {
      const id = crypto.randomUUID();
      (harness.server as http.Server & { states: Map<string, PersistedState> }).states.set(id, initialState);
      query.set('state', id);
    }
    if (view === 'summary') query.set('view', 'summary');
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    const t: Tab = { page, errors: [], dialogs: [] };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') t.errors.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => t.errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      t.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('requestfailed', (r) => t.errors.push(`request failed: ${r.url()}`));
    await page.goto(`${harness.origin}/${query.size ? `?${query}` : ''}`);
    await applyTheme(page, 'light');
    return t;
  }

  beforeEach(async () => {
    if (skip) return;
    context = await browser.newContext();
    tab = await open();
  });

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
    const services = await page.$$eval('table.matrix:not(.gateways) tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-service')),
    );
    assert.deepEqual(services, ['details', 'productpage', 'ratings', 'reviews']);
    const headers = await page.$$eval('table.matrix:not(.gateways) thead th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(headers, ['Service', 'cluster-1', 'cluster-2']);
    const badges = await page.$$eval('tr.row .badge', (bs) => bs.map((b) => b.textContent?.trim()));
    assert.deepEqual(badges, ['✓ Can fail over', '✓ Can fail over', '✓ Can fail over', '✓ Can fail over']);
    const cell = page.locator('tr[data-service="reviews"] td[data-cluster="cluster-1"]');
    assert.equal(
      await cell.getAttribute('aria-label'),
      'reviews in cluster-1: runs and is exposed through the east-west gateway; versions v1, v2',
    );
    assert.deepEqual(await cell.locator('.chip').allTextContents(), ['v1', 'v2']);
    const gw = page.locator('tr[data-gateway="eastwest/app=eastwest-gateway"]');
    assert.deepEqual(await gw.locator('td').allTextContents(), ['● Deployed', '● Deployed']);
    assert.match((await gw.textContent()) ?? '', /IngressGateway eastwest\/eastwest-gateway \(eastWestOnly\)/);
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
    assert.equal(
      await route.locator('.to').textContent(),
      'cluster-2 via east-west gateway eastwest/app=eastwest-gateway',
    );
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
    assert.equal(
      await v2.locator('.to').textContent(),
      'cluster-2 via east-west gateway eastwest/app=eastwest-gateway',
    );
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
    assert.match(
      (await page.locator('tr[data-service="mongodb"] .reason').textContent()) ?? '',
      /^Runs only in cluster-1/,
    );
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
    // Every other string that comes from the workspace: gateway install names, versions,
    // notes, and file names shown in titles.
    const install = ws.gateways[0]!.installs[0]!;
    install.name = '<iframe src="javascript:alert(4)"></iframe>';
    install.source = { ...install.source!, uri: 'file:///w/%3Cimg%20src%3Dx%20onerror%3Dalert(5)%3E.yaml' };
    const versions = ws.candidates[0]!.versions;
    versions['<svg onload=alert(6)>'] = versions['v1']!;
    model.notes = [...model.notes, '<a href="https://evil.example/">click</a>'];
    await send(page, { type: 'model', model, version: 1 });
    await page.waitForSelector('tr.row');
    assert.equal(
      await page
        .locator(
          'img, iframe, main a[href], svg script, svg image, svg foreignObject, [onload], [onerror], [onmouseover]',
        )
        .count(),
      0,
      'no element made from data',
    );
    assert.equal(await page.locator('main script, main b').count(), 0);
    const text = (await page.locator('main').textContent()) ?? '';
    assert.ok(text.includes('evil=<img src=x onerror=alert(1)>'), 'the label shows as text');
    assert.ok(text.includes('pp</script><script>alert(2)</script>'), 'the service name shows as text');
    assert.ok(text.includes('<b onmouseover=alert(3)>ws</b>'));
    assert.ok(text.includes('<iframe src="javascript:alert(4)"></iframe>'), 'the install name shows as text');
    assert.ok(text.includes('<svg onload=alert(6)>'), 'the version shows as text');
    assert.ok(text.includes('<a href="https://evil.example/">click</a>'), 'the note shows as text');
    const titles = await page
      .locator('[title]')
      .evaluateAll((els) => els.map((e) => (e as unknown as { title: string }).title));
    assert.ok(
      titles.some((t) => t.includes('<img src=x onerror=alert(5)>.yaml')),
      'the file name shows in a title attribute, as text',
    );
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  });

  it('clicking a service, gateway or selector posts reveal with its SourceRef', async () => {
    const { page } = tab;
    const model = seed();
    await send(page, { type: 'model', model, version: 1 });
    await page.click('tr[data-service="details"] button.svc-name');
    let reveals = await waitForPosted(page, 'reveal', 1);
    assert.deepEqual(reveals[0], {
      type: 'reveal',
      source: model.workspaces[0]!.candidates.find((c) => c.service === 'details')!.source,
    });
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
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset['key']),
      'down:cluster-1/bookinfo/details-v1',
      'focus stays on the toggle',
    );
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset['key']),
      'down:cluster-1/bookinfo/productpage-v1',
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector(
      'button.toggle[data-workload="productpage-v1"][data-cluster="cluster-1"][aria-pressed="true"]',
    );
    const labels = await page.$$eval(
      'table.matrix td',
      (tds) => tds.filter((td) => !td.getAttribute('aria-label')).length,
    );
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
    assert.equal(
      await page.getAttribute('button.toggle[data-cluster="cluster-1"][data-workload="details-v1"]', 'aria-pressed'),
      'true',
    );
    await page.locator(routeSel('details', 'any version')).waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset['key']),
      'down:cluster-1/bookinfo/details-v1',
    );
    await send(page, { type: 'model', model: seed(), version: 1 });
    await send(page, { type: 'error', message: 'probe' });
    await page.waitForSelector('.banner.error');
    assert.equal(await page.locator('tr[data-service="details-copy"]').count(), 1, 'the older version was dropped');
    assert.match((await page.locator('.banner.error').textContent()) ?? '', /probe/);
  });

  it('restores the what-if and the last model from vscode.getState after a reload', async () => {
    const fresh = await open({
      down: [{ cluster: 'cluster-1', namespace: 'bookinfo', workload: 'reviews-v2' }],
      model: seed(),
      version: 7,
    });
    await fresh.page.locator(routeSel('reviews', 'subset v2')).waitFor();
    assert.equal(
      await fresh.page.getAttribute(
        'button.toggle[data-cluster="cluster-1"][data-workload="reviews-v2"]',
        'aria-pressed',
      ),
      'true',
    );
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
    await send(page, {
      type: 'model',
      model: { workspaces: [], clusters: [], placementsConfigured: false, notes: [] },
      version: 1,
    });
    await page.waitForSelector('section.teach');
    const files = await page.locator('.snippet-file').allTextContents();
    assert.deepEqual(files, ['tsb.config.yaml', 'tsb/my-app-ws.yaml']);
    assert.match(
      (await page.locator('section.teach pre').nth(1).textContent()) ?? '',
      /defaultEastWestGatewaySettings:/,
    );
    assert.equal(await page.locator('section.whatif').count(), 0);
    // Copy and create: the YAML goes to the host, which writes the clipboard or the file.
    await page.click('button[data-key="teach:workspace:copy"]');
    const copies = await waitForPosted(page, 'copy');
    assert.equal((copies[0] as { text: string }).text, await page.locator('section.teach pre').nth(1).textContent());
    await page.click('button[data-key="teach:workspace:create"]');
    const creates = await waitForPosted(page, 'createFile');
    assert.equal((creates[0] as { path: string }).path, 'tsb/my-app-ws.yaml');
    // No "Write tsb.config.yaml" unless the host says the command exists.
    assert.equal(await page.locator('button[data-key="teach:placements:write"]').count(), 0);
    // Code blocks are never clipped: no horizontal overflow inside a snippet, even narrow.
    await page.setViewportSize({ width: 360, height: 700 });
    const clipped = await page.$$eval(
      'section.teach pre',
      (pres) => pres.filter((p) => p.scrollWidth > p.clientWidth + 1).length,
    );
    assert.equal(clipped, 0);
  });

  it('stays readable at a narrow width (no horizontal scrolling)', async () => {
    const narrow = await open(undefined, 340);
    await send(narrow.page, { type: 'model', model: exposed(), version: 1 });
    await narrow.page.waitForSelector('tr.row');
    const { scroll, client } = await narrow.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px view`);
    const before = await narrow.page.$eval(
      'tr[data-service="details"] td[data-cluster="cluster-2"]',
      (td) => getComputedStyle(td, '::before').content,
    );
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

  it('the what-if answer is visible without scrolling: docked at the bottom, with the marked-down set', async () => {
    // The preview beside an editor on a 1366×768 screen: about 680×650 CSS pixels for the webview.
    const t = await open(undefined, 680, 650);
    const { page } = t;
    await send(page, { type: 'model', model: seed(), version: 1 });
    const sel = 'button.toggle[data-cluster="cluster-2"][data-workload="reviews-v2"]';
    await page.locator(sel).scrollIntoViewIfNeeded();
    await page.click(sel);
    const routeEl = page.locator(routeSel('reviews', 'subset v2', 'cluster-2'));
    await routeEl.waitFor();
    const box = await routeEl.boundingBox();
    assert.ok(
      box && box.y >= 0 && box.y + box.height <= 650,
      `the answer is on screen after the click: ${JSON.stringify(box)}`,
    );
    const dock = page.locator('aside.whatif-dock.active');
    assert.equal(
      await dock.locator('li.marked[data-workload="reviews-v2"]').count(),
      1,
      'the marked-down set lists it',
    );
    // Scroll to the top: the dock stays in view.
    await page.evaluate(() => window.scrollTo(0, 0));
    const again = await routeEl.boundingBox();
    assert.ok(again && again.y + again.height <= 650, 'still visible at the top of the page');
    // Undo from the dock.
    await dock.locator('li.marked[data-workload="reviews-v2"] button.undo').click();
    await page.waitForSelector('aside.whatif-dock.active', { state: 'detached' });
    assert.deepEqual(t.errors, []);
  });

  it('after an edit, a workload that disappeared stays listed as "no longer exists" and can be removed', async () => {
    const { page } = tab;
    await send(page, { type: 'model', model: seed(), version: 1 });
    await toggle(page, 'cluster-1', 'details-v1');
    await toggle(page, 'cluster-1', 'reviews-v2');
    const edited = seed();
    const reviews = edited.workspaces[0]!.candidates.find((c) => c.service === 'reviews')!;
    reviews.workloads = reviews.workloads.filter((w) => w.name !== 'reviews-v2');
    delete reviews.versions['v2'];
    await send(page, { type: 'model', model: edited, version: 2 });
    const gone = page.locator('li.marked.gone[data-workload="reviews-v2"]');
    await gone.waitFor();
    assert.match((await gone.textContent()) ?? '', /no longer exists/);
    assert.equal(await page.locator('li.marked.down[data-workload="details-v1"]').count(), 1);
    assert.match((await page.locator('.dock-head').textContent()) ?? '', /2 workloads marked down/);
    await gone.locator('button.undo').click();
    await gone.waitFor({ state: 'detached' });
    assert.deepEqual((await page.evaluate(() => window.__state)).down, [
      { cluster: 'cluster-1', namespace: 'bookinfo', workload: 'details-v1' },
    ]);
  });

  it('the topology: clusters as columns, services as nodes, an arrow and an east-west hop where traffic goes, said in words too', async () => {
    const { page } = tab;
    await send(page, { type: 'model', model: seed(), version: 1 });
    const svg = page.locator('figure.topology svg[role="img"]');
    await svg.waitFor();
    assert.deepEqual(await svg.locator('.topo-col-label').allTextContents(), ['cluster-1', 'cluster-2']);
    assert.equal(await svg.locator('g.topo-node').count(), 8, 'four services in two clusters');
    assert.equal(await svg.locator('g.topo-gateway').count(), 2);
    assert.equal(await svg.locator('g.topo-link.remote').count(), 0);
    await toggle(page, 'cluster-1', 'details-v1');
    await svg.locator('g.topo-link.remote').first().waitFor();
    assert.equal(await svg.locator('g.topo-link.remote .topo-hop').count(), 1, 'the east-west hop is marked');
    assert.equal(await svg.locator('g.topo-node.down').count(), 1);
    const desc = (await svg.locator('desc').textContent()) ?? '';
    assert.match(
      desc,
      /Callers of details \(any version\) in cluster-1 fail over to cluster-2 through the east-west gateway\./,
    );
    const labelled = await svg.getAttribute('aria-labelledby');
    assert.ok(labelled && labelled.split(' ').length === 2, 'named by its title and described by its description');
    // In the panel's theme: the arrow uses the theme's blue in high contrast.
    await applyTheme(page, 'hc');
    const stroke = await page.$eval('g.topo-link.remote .topo-link-path', (el) => getComputedStyle(el).stroke);
    assert.equal(stroke, 'rgb(55, 148, 255)');
  });

  it('speaks Chinese when the host sends the zh-cn bundle; names from the YAML stay as written', async () => {
    const { page } = tab;
    const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<
      string,
      string
    >;
    await send(page, { type: 'locale', bundle, language: 'zh-cn' });
    await send(page, { type: 'model', model: seed(), version: 1 });
    await page.waitForSelector('tr.row');
    assert.deepEqual(await page.$$eval('tr.row .badge', (bs) => bs.map((b) => b.textContent?.trim())), [
      '✓ 可以故障转移',
      '✓ 可以故障转移',
      '✓ 可以故障转移',
      '✓ 可以故障转移',
    ]);
    assert.equal(await page.locator('h1').textContent(), '故障转移预览');
    assert.match(
      (await page.locator('tr[data-service="details"] .selector').textContent()) ?? '',
      /东西向条目 1 暴露所有服务/,
    );
    await toggle(page, 'cluster-1', 'details-v1');
    const to = await page
      .locator(
        `${routeSel('details', '任意版本', 'cluster-1').replace('callers in cluster-1', 'cluster-1 中的调用方')} .to`,
      )
      .textContent();
    assert.equal(to, 'cluster-2，经由东西向网关 eastwest/app=eastwest-gateway');
    // The what-if runs in the panel: its reasons are the engine's messages, in the display language.
    const reason = await page
      .locator(
        `${routeSel('details', '任意版本', 'cluster-1').replace('callers in cluster-1', 'cluster-1 中的调用方')} .reason`,
      )
      .textContent();
    assert.equal(reason, 'cluster-1 中已没有 details 工作负载，而 details 在 cluster-2 中通过东西向网关暴露。');
  });

  it('the summary view renders units, their evidence and alternatives, and offers "Write tsb.config.yaml" only when the command exists', async () => {
    const t = await open(undefined, 960, 800, 'summary');
    const { page } = t;
    await send(page, { type: 'summary', summary: handMadeSummary(), version: 1, canWriteConfig: false });
    await page.waitForSelector('li.unit');
    assert.deepEqual(await page.locator('li.unit .unit-name').allTextContents(), [
      'abc-failover/active',
      'abc-failover/tsb',
      'hub-spoke/cluster1',
    ]);
    const active = page.locator('li.unit[data-unit="abc-failover/active"]');
    assert.match((await active.locator('.unit-target').textContent()) ?? '', /clusters active/);
    assert.match((await active.textContent()) ?? '', /default namespace ns-a/);
    assert.deepEqual(await active.locator('.evidence-list li').allTextContents(), [
      'scenarios/abc-failover/run.sh:65 kubectl --context active apply -f k8s/active/',
    ]);
    assert.match(
      (await active.locator('.alternatives').textContent()) ?? '',
      /Alternative to hub-spoke\/cluster1: they are never applied together\./,
    );
    assert.equal(await active.locator('.badge.alternative').count(), 1);
    assert.match(
      (await page.locator('li.unit[data-unit="abc-failover/tsb"] .unit-target').textContent()) ?? '',
      /management plane \(tctl apply\)/,
    );
    assert.match(
      (await page.locator('.headline').textContent()) ?? '',
      /^TSB: 2 clusters inferred from run\.sh · 41 files · 2 errors · 1 warning$/,
    );
    assert.equal(await page.locator('button[data-key="summary:write"]').count(), 0);
    await active.locator('.evidence-list button.link').click();
    const opened = await waitForPosted(page, 'openLocation');
    assert.deepEqual(opened[0], { type: 'openLocation', uri: 'file:///repo/scenarios/abc-failover/run.sh', line: 64 });
    await send(page, { type: 'summary', summary: handMadeSummary(), version: 2, canWriteConfig: true });
    await page.click('button[data-key="summary:write"]');
    assert.deepEqual((await waitForPosted(page, 'command'))[0], { type: 'command', command: 'tsb.writeConfig' });
    assert.deepEqual(t.errors, []);
  });

  it('screenshots in light, dark and high-contrast themes, narrow, docked, in Chinese, and the summary: their DOM matches the snapshot, nothing scrolls sideways (PNGs written with UPDATE_SCREENSHOTS=1)', async () => {
    const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<
      string,
      string
    >;
    interface Shot {
      file: string;
      theme: keyof typeof THEMES;
      width: number;
      height?: number;
      full?: boolean;
      view?: 'summary';
      bundle?: Record<string, string>;
      model?: FailoverModel;
      downs?: [string, string][];
      scrollTo?: string;
    }
    const shots: Shot[] = [
      {
        file: 'preview-light.png',
        theme: 'light',
        model: seed(),
        downs: [
          ['cluster-1', 'details-v1'],
          ['cluster-1', 'reviews-v2'],
        ],
        width: 1100,
        full: true,
      },
      {
        file: 'preview-dark.png',
        theme: 'dark',
        model: exposed(),
        downs: [
          ['cluster-1', 'details-v1'],
          ['cluster-1', 'mongodb-v1'],
        ],
        width: 1100,
        full: true,
      },
      {
        file: 'preview-narrow.png',
        theme: 'dark',
        model: seed(),
        downs: [['cluster-1', 'reviews-v2']],
        width: 360,
        full: true,
      },
      {
        file: 'preview-docked-680x650.png',
        theme: 'light',
        model: seed(),
        downs: [['cluster-2', 'ratings-v1']],
        width: 680,
        height: 650,
        scrollTo: 'section.workspace h3',
      },
      {
        file: 'preview-high-contrast.png',
        theme: 'hc',
        model: seed(),
        downs: [['cluster-1', 'details-v1']],
        width: 1100,
        height: 760,
        scrollTo: 'section.workspace h3:nth-of-type(2)',
      },
      {
        file: 'preview-zh-cn.png',
        theme: 'light',
        model: seed(),
        downs: [['cluster-1', 'reviews-v2']],
        width: 1100,
        full: true,
        bundle: zh,
      },
      {
        file: 'preview-teach-narrow.png',
        theme: 'light',
        model: { workspaces: [], clusters: [], placementsConfigured: false, notes: [] },
        width: 420,
        full: true,
      },
      { file: 'summary-light.png', theme: 'light', view: 'summary', width: 960, full: true },
      { file: 'summary-dark-zh-cn.png', theme: 'dark', view: 'summary', width: 960, full: true, bundle: zh },
    ];
    for (const shot of shots) {
      const t = await open(undefined, shot.width, shot.height ?? 800, shot.view ?? 'preview');
      await applyTheme(t.page, shot.theme);
      if (shot.bundle) await send(t.page, { type: 'locale', bundle: shot.bundle });
      if (shot.view === 'summary') {
        await send(t.page, { type: 'summary', summary: handMadeSummary(), version: 1, canWriteConfig: true });
        await t.page.waitForSelector('li.unit');
        await t.page.evaluate(() => {
          for (const d of (
            document as unknown as { querySelectorAll(s: string): { open: boolean }[] }
          ).querySelectorAll('details'))
            d.open = true;
        });
      } else {
        await send(t.page, { type: 'model', model: shot.model!, version: 1 });
        for (const [c, w] of shot.downs ?? []) await toggle(t.page, c, w);
      }
      await t.page.evaluate(() => {
        document.activeElement?.blur();
        window.scrollTo(0, 0);
      });
      if (shot.scrollTo)
        await t.page
          .locator(shot.scrollTo)
          .first()
          .evaluate((el) => el.scrollIntoView());
      await t.page.mouse.move(0, 0);
      // A whole page is shot with a viewport as tall as the page, so the docked answer sits where it ends.
      if (shot.full)
        await t.page.setViewportSize({
          width: shot.width,
          height: await t.page.evaluate(() => document.documentElement.scrollHeight),
        });
      // What the shot shows: its structure against the snapshot (rewritten with UPDATE_SNAPSHOTS=1 or
      // UPDATE_SCREENSHOTS=1, then reviewed in the diff), and a layout that fits its width.
      const outline = await domOutline(t.page);
      const snapshot = path.join(DOM_SNAPSHOTS, shot.file.replace(/\.png$/, '.txt'));
      const update = process.env['UPDATE_SCREENSHOTS'] === '1';
      if (update || process.env['UPDATE_SNAPSHOTS'] === '1') {
        fs.mkdirSync(DOM_SNAPSHOTS, { recursive: true });
        fs.writeFileSync(snapshot, outline);
      }
      assert.ok(
        fs.existsSync(snapshot),
        `${path.relative(ROOT, snapshot)} is missing: run the test with UPDATE_SNAPSHOTS=1 and review it`,
      );
      assert.equal(
        outline,
        fs.readFileSync(snapshot, 'utf8'),
        `${shot.file}: the page differs from ${path.relative(ROOT, snapshot)} (UPDATE_SNAPSHOTS=1 rewrites it)`,
      );
      assert.ok(
        (await t.page.evaluate(() => document.documentElement.scrollWidth)) <= shot.width,
        `${shot.file}: the page scrolls sideways at ${shot.width}px`,
      );
      if (update) {
        fs.mkdirSync(SHOTS, { recursive: true });
        fs.writeFileSync(path.join(SHOTS, shot.file), await t.page.screenshot());
      }
      assert.deepEqual(t.errors, [], shot.file);
    }
  });
});
