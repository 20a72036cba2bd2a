// The diagnostics debouncer: the first change after a pause runs at once, a burst waits for its pause,
// and a run overtaken by a newer trigger is told it is no longer current. A fake clock and fake timers
// make this deterministic (no sleeping).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Debouncer } from '../../server/src/handlers/scheduler';
import type { RuntimeEnvironment } from '../../server/src/runtime';

function fakeTime() {
  let now = 0;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  const timer: RuntimeEnvironment['timer'] = {
    setTimeout(fn, ms) {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return {
        dispose: () => {
          t.live = false;
        },
      };
    },
    yield: () => Promise.resolve(),
  };
  return {
    runtime: { timer } as RuntimeEnvironment,
    now: () => now,
    /** Moves the clock without firing timers: the thread was busy. */
    busy(ms: number) {
      now += ms;
    },
    /** Moves the clock and fires due timers in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        due.live = false;
        due.fn();
      }
      now = end;
    },
  };
}

const unexpected = (err: unknown): void => {
  throw err;
};
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A debouncer whose first run stays in progress until `release()`; `runs` holds each run's start time. */
function firstRunHeld() {
  const t = fakeTime();
  const runs: number[] = [];
  let held: (() => void) | undefined;
  let first = true;
  const d = new Debouncer(
    t.runtime,
    async () => {
      runs.push(t.now());
      if (first) {
        first = false;
        await new Promise<void>((r) => {
          held = r;
        });
      }
    },
    unexpected,
    t.now,
  );
  return { t, runs, d, release: () => held?.() };
}

test('the first trigger after a pause runs on the next turn, not after the delay', async () => {
  const t = fakeTime();
  const runs: number[] = [];
  const d = new Debouncer(
    t.runtime,
    () => {
      runs.push(t.now());
    },
    unexpected,
    t.now,
  );
  t.advance(1000);
  d.trigger(300);
  t.advance(0);
  await settle();
  assert.deepEqual(runs, [1000]);
});

test('changes at typing speed are each checked at once; a faster burst waits for its pause', async () => {
  const t = fakeTime();
  const runs: number[] = [];
  const d = new Debouncer(
    t.runtime,
    () => {
      runs.push(t.now());
    },
    unexpected,
    t.now,
  );
  t.advance(1000);
  d.trigger(300); // idle: at once
  t.advance(0);
  await settle();
  t.advance(150);
  d.trigger(300); // 150 ms after the last run ended: at once
  t.advance(0);
  await settle();
  assert.deepEqual(runs, [1000, 1150]);
  for (let i = 0; i < 5; i++) {
    t.advance(30);
    d.trigger(300);
  } // 30 ms apart: a burst
  await settle();
  assert.deepEqual(runs, [1000, 1150]);
  t.advance(299);
  await settle();
  assert.deepEqual(runs, [1000, 1150]);
  t.advance(1);
  await settle();
  assert.deepEqual(runs, [1000, 1150, 1600]);
});

test('a change during a run waits for the delay (the run in progress is superseded)', async () => {
  const { t, runs, d, release } = firstRunHeld();
  t.advance(1000);
  d.trigger(300);
  t.advance(0);
  await settle();
  t.advance(500); // the run is still going
  d.trigger(300);
  t.advance(0);
  await settle();
  assert.deepEqual(runs, [1000]);
  release();
  t.advance(300);
  await settle();
  assert.deepEqual(runs, [1000, 1800]);
});

test('a change that arrives before a run due at once has started joins that run (no debounce)', async () => {
  const t = fakeTime();
  const runs: number[] = [];
  const d = new Debouncer(
    t.runtime,
    () => {
      runs.push(t.now());
    },
    unexpected,
    t.now,
  );
  t.advance(1000);
  d.trigger(300); // idle: due at once, but the thread is busy for 15 ms before timers run
  t.busy(15);
  d.trigger(300);
  t.advance(0);
  await settle();
  assert.deepEqual(runs, [1015], 'the run starts as soon as the thread is free');
  t.advance(1000);
  await settle();
  assert.deepEqual(runs, [1015], 'no second, debounced run');
});

test('a run asked for at once during a run (a document opened) is not postponed by the change that follows it', async () => {
  const { t, runs, d, release } = firstRunHeld();
  t.advance(1000);
  d.trigger(300);
  t.advance(0);
  await settle();
  t.advance(500); // the first run is still going (a scan)
  d.trigger(0); // the editor opened a document
  d.trigger(300); // its content change
  t.advance(0);
  await settle();
  assert.deepEqual(runs, [1000, 1500]);
  release();
  t.advance(1000);
  await settle();
  assert.deepEqual(runs, [1000, 1500], 'no second, debounced run');
});

test('triggers in the same turn are coalesced into one run', async () => {
  const t = fakeTime();
  let runs = 0;
  const d = new Debouncer(
    t.runtime,
    () => {
      runs++;
    },
    unexpected,
    t.now,
  );
  t.advance(1000);
  d.trigger(300);
  d.trigger(300);
  d.trigger(300);
  t.advance(300);
  await settle();
  assert.equal(runs, 1);
});

test('a run is no longer current once a newer run starts, not while a newer trigger waits', async () => {
  const t = fakeTime();
  const seen: boolean[] = [];
  const gates: (() => void)[] = [];
  const d = new Debouncer(
    t.runtime,
    async (isCurrent) => {
      await new Promise<void>((r) => {
        gates.push(r);
      });
      seen.push(isCurrent());
    },
    unexpected,
    t.now,
  );
  const release = async () => {
    gates.shift()!();
    await settle();
  };
  t.advance(1000);
  d.trigger(300); // run A starts at once
  t.advance(0);
  await settle();
  d.trigger(300); // during A: run B waits 300 ms
  await release(); // A ends: B has not started, so A was current
  assert.deepEqual(seen, [true]);
  t.advance(300); // B starts
  await settle();
  d.trigger(300); // during B: run C waits
  t.advance(300); // C starts while B is still going
  await settle();
  await release(); // B ends: overtaken
  await release(); // C ends: current
  assert.deepEqual(seen, [true, false, true]);
});

test('after dispose no run is current', async () => {
  const t = fakeTime();
  const seen: boolean[] = [];
  let release!: () => void;
  const d = new Debouncer(
    t.runtime,
    async (isCurrent) => {
      await new Promise<void>((r) => {
        release = r;
      });
      seen.push(isCurrent());
    },
    unexpected,
    t.now,
  );
  d.trigger(0);
  t.advance(0);
  await settle();
  d.dispose();
  release();
  await settle();
  assert.deepEqual(seen, [false]);
});

test('a failing job is reported, not thrown', async () => {
  const t = fakeTime();
  const errors: unknown[] = [];
  const d = new Debouncer(
    t.runtime,
    () => {
      throw new Error('boom');
    },
    (e) => errors.push(e),
    t.now,
  );
  d.trigger(0);
  t.advance(0);
  await settle();
  assert.equal((errors[0] as Error).message, 'boom');
});
