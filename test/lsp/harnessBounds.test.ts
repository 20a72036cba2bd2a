// The harness never hangs on a missing event: each wait is bounded and its failure says what was awaited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOOKINFO } from '../helpers/bookinfo';
import { LspHarness } from '../helpers/lspHarness';
import { within } from '../helpers/within';
import { makeWorkspace, removeWorkspace } from '../helpers/workspace';

test('within: the value when it comes in time, else an error naming what was awaited', async () => {
  assert.equal(await within(Promise.resolve(7), 'seven', 1000), 7);
  await assert.rejects(
    within(new Promise(() => undefined), () => 'an event that never comes', 50),
    /timed out after 0\.05 s waiting for an event that never comes/,
  );
});

test('a harness wait for an event that does not come fails with what it waited for and what it saw', async () => {
  const root = makeWorkspace(BOOKINFO);
  const h = await LspHarness.start({ root, mode: 'push' });
  try {
    await h.open('tsb/workspace.yaml');
    await h.waitForPublish('tsb/workspace.yaml');
    // Short bounds only for the waits that must fail: start-up and the first publish take longer on a loaded machine.
    h.waitMs = 300;
    // A push client never gets workspace/diagnostic/refresh; a clean file never gets an error.
    await assert.rejects(h.waitForRefresh(), /waiting for a workspace\/diagnostic\/refresh request \(0 so far\)/);
    await assert.rejects(
      h.waitForPublish('tsb/workspace.yaml', (d) => d.length > 0),
      /waiting for a publish for tsb\/workspace\.yaml that passes the test; last published: \[\]/,
    );
  } finally {
    await h.dispose();
    removeWorkspace(root);
  }
});
