// Refresh requests to the client (re-pull diagnostics, re-request code lenses): at most one in flight,
// and changes while it is out are announced by one more after it, so a client slow to answer never
// collects a queue of them.
export class OneInFlight {
  private sending = false;
  private again = false;

  /** `active`: false once the server shuts down (nothing more is sent). */
  constructor(
    private readonly send: () => PromiseLike<unknown> | unknown,
    private readonly active: () => boolean,
  ) {}

  request(): void {
    if (!this.active()) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    let sent: unknown;
    try {
      sent = this.send();
    } catch (err) {
      sent = Promise.reject(err);
    }
    Promise.resolve(sent)
      .catch(() => undefined)
      .finally(() => {
        this.sending = false;
        if (!this.again) return;
        this.again = false;
        this.request();
      });
  }
}
