// The failover preview in Chromium (see browserHarness.ts):
// renders the model after ready: the seed scenario, excluded services, hostile strings as text, the topology.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyTheme,
  it,
  type PageComputedStyle,
  type PageWindow,
  posted,
  routeSel,
  send,
  tab,
  toggle,
  useChromium,
  waitForPosted,
} from './browserHarness';
import { exposed, seed } from './modelFixtures';

// Callbacks given to page.evaluate run in the browser (the test tsconfig has no DOM lib).
declare const window: PageWindow;
declare const getComputedStyle: PageComputedStyle;

describe('failover preview in Chromium', () => {
  useChromium();

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
});
