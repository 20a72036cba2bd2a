// A debounced, supersedable job: trigger() restarts the delay; a run that is overtaken by a newer
// trigger sees isCurrent() turn false and stops without publishing stale results.
import type { Disposable, RuntimeEnvironment } from '../runtime';

export class Debouncer {
  private pending: Disposable | undefined;
  private seq = 0;

  constructor(
    private readonly runtime: RuntimeEnvironment,
    private readonly job: (isCurrent: () => boolean) => Promise<void> | void,
    private readonly onError: (err: unknown) => void,
  ) {}

  trigger(delayMs: number): void {
    this.pending?.dispose();
    const mine = ++this.seq;
    this.pending = this.runtime.timer.setTimeout(() => {
      this.pending = undefined;
      Promise.resolve()
        .then(() => this.job(() => mine === this.seq))
        .catch(this.onError);
    }, delayMs);
  }

  dispose(): void {
    this.pending?.dispose();
    this.seq++;
  }
}
