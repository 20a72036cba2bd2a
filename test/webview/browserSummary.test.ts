// The failover preview in Chromium (see browserHarness.ts): the project summary view.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { it, open, send, useChromium, waitForPosted } from './browserHarness';
import { handMadeSummary } from './summaryFixture';

describe('failover preview in Chromium', () => {
  useChromium();

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
});
