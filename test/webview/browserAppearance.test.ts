// The failover preview in Chromium (see browserHarness.ts):
// narrow widths, the high-contrast theme and the Chinese bundle.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyTheme,
  it,
  open,
  type PageComputedStyle,
  type PageDocument,
  ROOT,
  routeSel,
  send,
  tab,
  toggle,
  useChromium,
} from './browserHarness';
import { exposed, seed } from './modelFixtures';

// Callbacks given to page.evaluate run in the browser (the test tsconfig has no DOM lib).
declare const document: PageDocument;
declare const getComputedStyle: PageComputedStyle;

describe('failover preview in Chromium', () => {
  useChromium();

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
});
