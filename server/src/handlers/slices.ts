// Long computations in time slices, and editor work before background work. The server has one
// thread: an analysis or a cross-file step that ran to the end in one go would hold every request
// behind it, so it looks at the message queue every SLICE_MS; a slice of the workspace scan also
// waits while an editor's text is being analysed (what the user is looking at comes first).
import type { RuntimeEnvironment } from '../runtime';

/** Longest stretch of analysis between two looks at the message queue. */
export const SLICE_MS = 8;

/** Urgency of an analysis: an editor's file is urgent; a scan's becomes so when an editor opens it. */
export interface Priority {
  high: boolean;
}

/**
 * Runs `steps` to the end in slices of about SLICE_MS. Between slices pending I/O runs, then `between`
 * (where background work waits for urgent work); background work also gives way before its first step.
 * `stop` is asked before each step: once it says yes,
 * the computation is abandoned and the result is undefined.
 */
export async function runInSlices<T>(
  runtime: Pick<RuntimeEnvironment, 'clock' | 'timer'>,
  steps: Generator<void, T>,
  options: { between?: () => Promise<void>; stop?: () => boolean; background?: boolean } = {},
): Promise<T | undefined> {
  // Background work often resumes from an I/O callback, several in one turn: it takes its own turn first.
  if (options.background) {
    await runtime.timer.yield();
    await options.between?.();
  }
  let start = runtime.clock.now();
  for (;;) {
    if (options.stop?.()) {
      steps.return(undefined as never);
      return undefined;
    }
    const r = steps.next();
    if (r.done) return r.value;
    if (runtime.clock.now() - start > SLICE_MS) {
      await runtime.timer.yield();
      await options.between?.();
      start = runtime.clock.now();
    }
  }
}

/**
 * For async loops over many items (not generators): `await pace()` after each item gives way to other
 * work once `ms` have passed since the last time it did, and costs nothing before.
 */
export function pacer(runtime: Pick<RuntimeEnvironment, 'clock' | 'timer'>, ms = SLICE_MS): () => Promise<void> {
  let since = runtime.clock.now();
  return async () => {
    if (runtime.clock.now() - since <= ms) return;
    await runtime.timer.yield();
    since = runtime.clock.now();
  };
}

/** Urgent work (applying editors' text) one run at a time, and background work that waits for it. */
export class EditorFirst {
  private current: Promise<void> | undefined;
  private readonly waiting = new Set<() => void>();

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Starts `work` unless a run is under way (then joins it: the run picks up what was asked meanwhile). */
  run(work: () => Promise<void>): Promise<void> {
    this.current ??= work().finally(() => {
      this.current = undefined;
      this.wake();
    });
    return this.current;
  }

  /** Resolves once no urgent work runs, or once `priority` turns high (the editor now waits for this very work). */
  async wait(priority?: Priority): Promise<void> {
    while (this.current && !priority?.high) {
      await Promise.race([
        this.current.catch(() => undefined),
        new Promise<void>((resolve) => this.waiting.add(resolve)),
      ]);
    }
  }

  /** Background work became urgent: it stops waiting. */
  promote(priority: Priority): void {
    priority.high = true;
    this.wake();
  }

  private wake(): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const w of waiting) w();
  }
}
