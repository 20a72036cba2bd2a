// A bound on every wait for an event: a regression that stops an event from coming fails the test
// with what was awaited (and what was seen instead), instead of hanging the run. The bound is far
// above what the event needs; it measures nothing.

/** Bound of the waits of the LSP harnesses, in ms. */
export const WAIT_MS = 120_000;

/** `p`, or a rejection after `ms` naming what never happened (`what` is read then, so it can say what was seen). */
export function within<T>(p: Promise<T>, what: string | (() => string), ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${ms / 1000} s waiting for ${typeof what === 'string' ? what : what()}`)),
      ms,
    );
  });
  return Promise.race([p, bound]).finally(() => clearTimeout(timer));
}
