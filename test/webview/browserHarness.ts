// The preview app in a real browser: headless Chromium (Debian's package) driven by playwright-core.
// The page is the real shell (buildShellHtml: same CSP, nonce, bundle) plus a stub acquireVsCodeApi,
// served from 127.0.0.1. The test plays the host: it posts messages with window.postMessage.
// This module holds what the browser test files share: the skip policy, the page server, the
// lifecycle (one Chromium per file, a fresh context and tab per test) and the page gestures.
import { after, afterEach, before, beforeEach, it as nodeIt } from 'node:test';
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppToHostMessage, HostToAppMessage, PersistedState } from '../../client/src/webview/protocol';
import { buildShellHtml } from '../../client/src/webview/html';
import { COMMON, THEMES } from './browserThemes';
import { repoRoot } from './repoRoot';

// Callbacks given to page.evaluate run in the browser. The test tsconfig has no DOM lib (on purpose),
// so the few browser globals they touch are typed here; each file declares them locally.
export interface PageElement {
  dataset: Record<string, string | undefined>;
  classList: { add(...c: string[]): void; remove(...c: string[]): void };
  style: { setProperty(name: string, value: string): void };
  blur(): void;
}
export interface PageWindow {
  __posted: AppToHostMessage[];
  __violations: string[];
  __state: PersistedState;
  postMessage(message: unknown, targetOrigin: string): void;
  scrollTo(x: number, y: number): void;
}
export interface PageDocument {
  activeElement: PageElement | null;
  body: PageElement;
  documentElement: PageElement & {
    scrollWidth: number;
    clientWidth: number;
    scrollHeight: number;
    removeAttribute(name: string): void;
  };
}
export type PageComputedStyle = (
  element: unknown,
  pseudo?: string,
) => { color: string; content: string; stroke: string };
declare const window: PageWindow;
declare const document: PageDocument;
declare const getComputedStyle: PageComputedStyle;

const CHROMIUM = '/usr/bin/chromium';
export const ROOT = repoRoot();
export const SHOTS = path.join(ROOT, 'docs', 'screenshots');
/** DOM snapshots of the screenshots' pages: what each one shows, compared on every run. */
export const DOM_SNAPSHOTS = path.join(ROOT, 'test', 'webview', 'fixtures', 'dom');
/** The webview bundle built for this file's run: its own folder, so test files running in parallel never read a half-written bundle. */
let OUT = '';

const missing = !fs.existsSync(CHROMIUM);
if (missing && process.env['CI']) {
  // In CI a missing browser is a broken image, not a reason to pass quietly (each browser test file says so).
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
export const it = (name: string, fn: () => Promise<void>) => nodeIt(name, { skip }, fn);

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

export interface Tab {
  page: Page;
  errors: string[];
  dialogs: string[];
}

export async function applyTheme(page: Page, theme: keyof typeof THEMES): Promise<void> {
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

export async function send(page: Page, message: HostToAppMessage): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

export async function posted(page: Page): Promise<AppToHostMessage[]> {
  return page.evaluate(() => window.__posted);
}

export async function waitForPosted(
  page: Page,
  type: AppToHostMessage['type'],
  count = 1,
): Promise<AppToHostMessage[]> {
  await page.waitForFunction(({ type, count }) => window.__posted.filter((m) => m.type === type).length >= count, {
    type,
    count,
  });
  return (await posted(page)).filter((m) => m.type === type);
}

export async function toggle(page: Page, cluster: string, workload: string): Promise<void> {
  const sel = `button.toggle[data-cluster="${cluster}"][data-workload="${workload}"]`;
  const before = await page.getAttribute(sel, 'aria-pressed');
  await page.click(sel);
  await page.waitForSelector(`${sel}[aria-pressed="${before === 'true' ? 'false' : 'true'}"]`);
}

export const routeSel = (service: string, subset: string, from = 'cluster-1') =>
  `li.route[data-service="${service}"][data-subset="${subset}"][data-from="callers in ${from}"]`;

/**
 * The structure a screenshot shows, as text: the theme's colours on <body>, then every element that
 * carries a class, a data-* or aria-pressed attribute or a role (indented by nesting among those), with
 * its own text. Pixels are left out: fonts and anti-aliasing differ between machines, structure does not.
 */
export async function domOutline(page: Page): Promise<string> {
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

// ---------- lifecycle ----------

let browser: Browser;
let harness: Harness;
export let context: BrowserContext;
export let tab: Tab;

export async function open(
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

/** Registers the hooks of a browser describe: Chromium and the page server per file, a context and a tab per test. */
export function useChromium(): void {
  before(async () => {
    if (skip) return;
    // Test the current sources: build the bundle with the package's own script.
    const script = (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts['build:webview'];
    assert.ok(script, 'package.json has a build:webview script');
    assert.match(script, /--outfile=\S+/, 'build:webview names its --outfile');
    OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-webview-'));
    execSync(
      script
        .replace(/^esbuild\b/, JSON.stringify(path.join(ROOT, 'node_modules', '.bin', 'esbuild')))
        .replace(/--outfile=\S+/, `--outfile=${JSON.stringify(path.join(OUT, 'main.js'))}`),
      { cwd: ROOT, stdio: 'inherit' },
    );
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
    if (OUT) fs.rmSync(OUT, { recursive: true, force: true });
  });

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
}
