// The server's long computations share the thread fairly: concurrent ones resume one per turn of the
// event loop (requests get in between any two slices), background work gives way before its first
// step, and every file of the workspace scan is analysed in worker threads, small ones included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Turns } from '../../server/src/node/turns';
import { pacer, runInSlices } from '../../server/src/handlers/slices';
import { analyseInWorkers } from '../../server/src/handlers/analysisRuns';
import { catalog, Project, SchemaRegistry } from '../../server/src/engine/index';
import type { RuntimeEnvironment } from '../../server/src/runtime';
import { BOOKINFO } from '../helpers/bookinfo';
import { LspHarness } from '../helpers/lspHarness';
import { makeWorkspace, removeWorkspace } from '../helpers/workspace';

/** Lets every pending promise reaction run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

test('concurrent waiters resume one per turn, first come first served', async () => {
  const scheduled: (() => void)[] = [];
  const turns = new Turns((fn) => scheduled.push(fn));
  const resumed: string[] = [];
  for (const name of ['a', 'b', 'c']) void turns.yield().then(() => resumed.push(name));
  assert.equal(scheduled.length, 1, 'one turn is asked for, not one per waiter');
  scheduled.shift()!();
  await settle();
  assert.deepEqual(resumed, ['a']);
  assert.equal(scheduled.length, 1, 'a turn is asked for');
  // A turn without a waiter after each one that resumed a waiter (what its slice queued runs first).
  scheduled.shift()!();
  await settle();
  assert.deepEqual(resumed, ['a']);
  assert.equal(scheduled.length, 1, 'the next waiter gets the turn after');
  for (let i = 0; i < 3; i++) {
    scheduled.shift()!();
    await settle();
  }
  assert.deepEqual(resumed, ['a', 'b', 'c']);
  assert.equal(scheduled.length, 0, 'nothing is scheduled once nobody waits');
  assert.equal(turns.pending, 0);
});

/** Two computations in slices, each step ending its slice; returns the loop turn each step ran in. */
async function twoComputations(yieldOnce: () => Promise<void>): Promise<{ order: string[]; turnOf: number[] }> {
  // A self-renewing immediate counts turns of the event loop: it runs once per turn.
  let turn = 0;
  let counting = true;
  const count = () => {
    turn++;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  let clock = 0;
  const runtime = { clock: { now: () => clock }, timer: { setTimeout: () => ({ dispose() {} }), yield: yieldOnce } };
  const order: string[] = [];
  const turnOf: number[] = [];
  function* work(name: string): Generator<void, void> {
    for (let i = 0; i < 3; i++) {
      order.push(name);
      turnOf.push(turn);
      clock += 100; // longer than a slice: every step ends its slice
      yield;
    }
  }
  await Promise.all([runInSlices(runtime, work('a')), runInSlices(runtime, work('b'))]);
  counting = false;
  return { order, turnOf };
}

test('two computations in slices never run back to back in one turn of the event loop', async () => {
  const turns = new Turns();
  const { order, turnOf } = await twoComputations(() => turns.yield());
  assert.deepEqual(order, ['a', 'b', 'a', 'b', 'a', 'b']);
  // The first steps run when called; every resumed slice has a turn of its own.
  const resumed = turnOf.slice(2);
  assert.equal(new Set(resumed).size, resumed.length, `turns of the resumed slices: ${resumed.join(', ')}`);
  // What a plain setImmediate does: both resume in the same turn (the reason for Turns).
  const plain = await twoComputations(() => new Promise<void>((resolve) => setImmediate(resolve)));
  const plainResumed = plain.turnOf.slice(2);
  assert.ok(new Set(plainResumed).size < plainResumed.length, `plain: ${plainResumed.join(', ')}`);
});

test('what a slice queues (a response being written) runs before the next slice, not after it', async () => {
  const turns = new Turns();
  let clock = 0;
  const runtime = {
    clock: { now: () => clock },
    timer: { setTimeout: () => ({ dispose() {} }), yield: () => turns.yield() },
  };
  const order: string[] = [];
  function* work(name: string, queues: boolean): Generator<void, void> {
    for (let i = 0; i < 4; i++) {
      order.push(name);
      // The language server library writes each message from an immediate of its own.
      if (queues) setImmediate(() => order.push('write'));
      clock += 100; // longer than a slice: every step ends its slice
      yield;
    }
  }
  await Promise.all([runInSlices(runtime, work('a', true)), runInSlices(runtime, work('b', false))]);
  // Every write a resumed step of `a` queued comes before the next step of `b` (the first steps of
  // both run when called, before any turn).
  const writes = order.map((x, i) => (x === 'write' ? i : -1)).filter((i) => i >= 0);
  assert.equal(writes.length, 4);
  for (const w of writes.slice(1)) {
    const from = order.lastIndexOf('a', w);
    assert.ok(!order.slice(from, w).includes('b'), `order: ${order.join(', ')}`);
  }
});

test('a pacer gives way only once its interval has passed since it last did', async () => {
  let clock = 0;
  let yields = 0;
  const runtime = {
    clock: { now: () => clock },
    timer: {
      setTimeout: () => ({ dispose() {} }),
      yield: () => {
        yields++;
        return Promise.resolve();
      },
    },
  };
  const pace = pacer(runtime, 10);
  for (let i = 0; i < 5; i++) {
    clock += 4;
    await pace();
  }
  // 4, 8: nothing; 12: gives way; 16, 20: within 10 ms of that.
  assert.equal(yields, 1);
  clock += 10;
  await pace();
  assert.equal(yields, 2);
});

test('background work gives way before its first step; urgent work starts at once', async () => {
  let yields = 0;
  const runtime = {
    clock: { now: () => 0 },
    timer: {
      setTimeout: () => ({ dispose() {} }),
      yield: () => {
        yields++;
        return Promise.resolve();
      },
    },
  };
  const seen: number[] = [];
  function* one(): Generator<void, void> {
    seen.push(yields);
    yield;
  }
  await runInSlices(runtime, one());
  await runInSlices(runtime, one(), { background: true });
  assert.deepEqual(seen, [0, 1]);
});

test('a small file goes to the workers in a large scan, and stays here in a small one or when an editor waits', async () => {
  const project = new Project(new SchemaRegistry(catalog));
  const sent: string[] = [];
  const runtime = {
    analyseDocuments: async (uri: string) => {
      sent.push(uri);
      return undefined;
    },
  } as unknown as RuntimeEnvironment;
  const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n';
  await analyseInWorkers(project, runtime, 'file:///p/large-scan.yaml', text, {}, { high: false }, true);
  await analyseInWorkers(project, runtime, 'file:///p/small-scan.yaml', text, {}, { high: false }, false);
  await analyseInWorkers(project, runtime, 'file:///p/open.yaml', text, {}, { high: true }, true);
  assert.deepEqual(sent, ['file:///p/large-scan.yaml']);
});

test('the scan of a large workspace analyses every file in the workers, small files included', async () => {
  const files: Record<string, string> = { ...BOOKINFO };
  for (let i = 0; i < 200; i++)
    files[`more/ns-${i}.yaml`] = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${i}\n`;
  const root = makeWorkspace(files);
  const sent = new Set<string>();
  const h = await LspHarness.start({
    root,
    mode: 'push',
    runtime: (node) => ({
      ...node,
      analyseDocuments: async (uri, texts, priority) => {
        sent.add(uri.slice(uri.lastIndexOf('/') + 1));
        return node.analyseDocuments?.(uri, texts, priority);
      },
    }),
  });
  try {
    const yamlFiles = Object.keys(files)
      .filter((p) => /\.ya?ml$/.test(p) && !p.endsWith('tsb.config.yaml'))
      .map((p) => p.slice(p.lastIndexOf('/') + 1));
    assert.ok(yamlFiles.length >= 3, `fixture files: ${yamlFiles.join(', ')}`);
    // Nothing is opened: the status arrives once the scan has read every file.
    await h.waitForStatus((s) => s.files >= yamlFiles.length);
    for (const f of yamlFiles) assert.ok(sent.has(f), `${f} analysed in a worker (sent: ${[...sent].join(', ')})`);
  } finally {
    await h.dispose();
    removeWorkspace(root);
  }
});
