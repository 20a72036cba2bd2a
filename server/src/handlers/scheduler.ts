// The settle job's scheduler: a supersedable job that runs at once when the server is idle and
// debounces bursts. "Idle" means no run pending or in progress, and the last run ended at least
// GAP_MS ago: then a change is checked on the next turn of the event loop (messages that arrived
// together are handled together). Changes that come faster than that (fast typing, a paste of many
// edits) or while a run is going are a burst: the job waits until they pause for `delayMs`. A run
// overtaken by a newer run sees isCurrent() turn false and stops without publishing stale results; a
// newer trigger that is still waiting does not stop it (the run in progress then reports what it has).
import type { Disposable, RuntimeEnvironment } from '../runtime';

/** A change this long after the previous run ended is checked at once (typing at normal speed). */
const GAP_MS = 100;

export class Debouncer {
  private pending: Disposable | undefined;
  private seq = 0;
  /** The trigger whose run started last. */
  private started = 0;
  private running = 0;
  private pendingAtOnce = false;
  private lastRunEnd = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly runtime: RuntimeEnvironment,
    private readonly job: (isCurrent: () => boolean) => Promise<void> | void,
    private readonly onError: (err: unknown) => void,
    private readonly now: () => number = () => runtime.clock.now(),
  ) {}

  trigger(delayMs: number): void {
    // A run already due at once has not started yet (the thread was busy): it will see this change too.
    if (this.pending && this.pendingAtOnce) return;
    const idle = !this.pending && this.running === 0 && this.now() - this.lastRunEnd >= Math.min(GAP_MS, delayMs);
    // A run asked for at once (a document opened) stays due at once: a burst trigger right after it
    // (the open's own content change) must not postpone it.
    this.pendingAtOnce = idle || delayMs <= 0;
    this.pending?.dispose();
    const mine = ++this.seq;
    this.pending = this.runtime.timer.setTimeout(
      () => {
        this.pending = undefined;
        this.started = mine;
        this.running++;
        Promise.resolve()
          .then(() => this.job(() => mine === this.started && !this.disposed))
          .catch(this.onError)
          .finally(() => {
            this.running--;
            this.lastRunEnd = this.now();
          });
      },
      idle ? 0 : delayMs,
    );
  }

  private disposed = false;

  dispose(): void {
    this.pending?.dispose();
    this.disposed = true;
  }
}

/** Resolves true if `p` settles within `ms`, false otherwise (it keeps running either way); `ms` ≤ 0: false at once. */
export function settlesWithin(
  p: Promise<unknown>,
  ms: number,
  runtime: Pick<RuntimeEnvironment, 'timer'>,
): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const timer = runtime.timer.setTimeout(() => resolve(false), ms);
    const done = () => {
      timer.dispose();
      resolve(true);
    };
    p.then(done, done);
  });
}
