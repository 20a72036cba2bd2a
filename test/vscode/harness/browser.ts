// Debian's Chromium through playwright-core (the project's devDependency), headless, fresh profile,
// quiet (no background networking), recording any request that leaves loopback.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './paths';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests that left loopback (should stay empty). */
  external: Set<string>;
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(runDir: string, env: NodeJS.ProcessEnv): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)`);
  const profile = path.join(runDir, 'chromium-profile');
  fs.rmSync(profile, { recursive: true, force: true });
  // Playwright refuses --user-data-dir in args: the fresh profile is the first argument instead.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    env: env as Record<string, string>,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const external = new Set<string>();
  const consoleErrors: string[] = [];
  const loopback = /^(http:\/\/127\.0\.0\.1[:/]|data:|blob:|vscode-|about:|chrome-extension:)/;
  // Webview resources use https://*.vscode-cdn.net URLs that the webview's service worker answers
  // from the server: those are not network requests. Anything else off loopback is, answered or failed.
  context.on('response', (r) => {
    if (!loopback.test(r.url()) && !r.fromServiceWorker()) external.add(r.url().slice(0, 160));
  });
  context.on('requestfailed', (r) => {
    if (!loopback.test(r.url())) external.add(`${r.url().slice(0, 160)} (failed: ${r.failure()?.errorText ?? '?'})`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${String(e).slice(0, 300)}`));
  return {
    context,
    page,
    external,
    consoleErrors,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
