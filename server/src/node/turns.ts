// One waiter per turn of the event loop. Long computations give way with `yield()`; when several run
// concurrently (sixteen files of the workspace scan, the cross-file check, an editor's file), a plain
// setImmediate would resume every one of them in the same check phase, back to back, and incoming
// requests would wait for all their slices together. Here each waiter resumes in its own turn, so the
// loop polls for I/O (requests, worker results) between any two slices. After each slice comes a
// turn without one: what the slice's turn queued (the language server library writes every message
// from an immediate of its own) and a request read meanwhile run before the next slice, not after it.

export class Turns {
  private readonly waiting: (() => void)[] = [];
  private head = 0;
  private scheduled = false;
  /** The last turn resumed a waiter: this one only lets the loop's other immediates run. */
  private rest = false;

  constructor(private readonly schedule: (fn: () => void) => void = setImmediate) {}

  /** Resolves in a later turn of the event loop, after every earlier waiter has had its own turn. */
  yield(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.next());
      }
    });
  }

  /** Waiters not resumed yet. */
  get pending(): number {
    return this.waiting.length - this.head;
  }

  private next(): void {
    if (this.rest) {
      this.rest = false;
      this.schedule(() => this.next());
      return;
    }
    this.rest = true;
    const resume = this.waiting[this.head++];
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    // Scheduled before the waiter runs: a setImmediate queued during the check phase runs in the next turn.
    if (this.pending) this.schedule(() => this.next());
    else this.scheduled = false;
    resume?.();
  }
}
