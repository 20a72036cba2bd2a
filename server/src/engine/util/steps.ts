// Sliced computations are generators that yield between steps: the language server runs them in time
// slices; the CLI and tests run them to their end.

/** Runs a sliced computation to its end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
