// The failover preview in Chromium (see browserHarness.ts):
// the conversation with the host: reveal, following edits, restoring state, teaching when there is nothing yet.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { it, open, type PageDocument, routeSel, send, tab, toggle, useChromium, waitForPosted } from './browserHarness';
import { seed } from './modelFixtures';

// Callbacks given to page.evaluate run in the browser (the test tsconfig has no DOM lib).
declare const document: PageDocument;

describe('failover preview in Chromium', () => {
  useChromium();

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
});
