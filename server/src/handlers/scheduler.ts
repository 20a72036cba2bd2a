// A debounced, supersedable job with a leading edge: the first trigger after a quiet period runs at
// once (on the next turn of the event loop, so messages that arrived together are handled together);
// triggers that follow within `delayMs` of the previous one are a burst (typing), so the job waits
// until the burst pauses for `delayMs`. A run overtaken by a newer trigger sees isCurrent() turn false
// and stops without publishing stale results.
import type { Disposable, RuntimeEnvironment } from '../runtime';

export class Debouncer {
  private pending: Disposable | undefined;
  private seq = 0;
  private lastTrigger = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly runtime: RuntimeEnvironment,
    private readonly job: (isCurrent: () => boolean) => Promise<void> | void,
    private readonly onError: (err: unknown) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  trigger(delayMs: number): void {
    const now = this.now();
    const quiet = !this.pending && now - this.lastTrigger >= delayMs;
    this.lastTrigger = now;
    this.pending?.dispose();
    const mine = ++this.seq;
    this.pending = this.runtime.timer.setTimeout(() => {
      this.pending = undefined;
      Promise.resolve()
        .then(() => this.job(() => mine === this.seq))
        .catch(this.onError);
    }, quiet ? 0 : delayMs);
  }

  dispose(): void {
    this.pending?.dispose();
    this.seq++;
  }
}
