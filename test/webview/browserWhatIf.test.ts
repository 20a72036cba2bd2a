// The failover preview in Chromium (see browserHarness.ts):
// the what-if: failover answers, keyboard toggles, the docked answer, workloads that disappeared.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  it,
  open,
  type PageDocument,
  type PageWindow,
  routeSel,
  send,
  tab,
  toggle,
  useChromium,
} from './browserHarness';
import { seed } from './modelFixtures';

// Callbacks given to page.evaluate run in the browser (the test tsconfig has no DOM lib).
declare const window: PageWindow;
declare const document: PageDocument;

describe('failover preview in Chromium', () => {
  useChromium();

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
});
