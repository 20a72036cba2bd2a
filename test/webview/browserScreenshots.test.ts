// The failover preview in Chromium (see browserHarness.ts):
// the screenshots in every theme and layout, checked against their DOM snapshots.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FailoverModel } from '../../server/src/engine/model/failoverTypes';
import {
  applyTheme,
  DOM_SNAPSHOTS,
  domOutline,
  it,
  open,
  type PageDocument,
  type PageWindow,
  ROOT,
  send,
  SHOTS,
  toggle,
  useChromium,
} from './browserHarness';
import type { THEMES } from './browserThemes';
import { exposed, seed } from './modelFixtures';
import { handMadeSummary } from './summaryFixture';

// Callbacks given to page.evaluate run in the browser (the test tsconfig has no DOM lib).
declare const window: PageWindow;
declare const document: PageDocument;

describe('failover preview in Chromium', () => {
  useChromium();

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
