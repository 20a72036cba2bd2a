// Sliced computations are generators that yield between steps: the language server runs them in time
// slices; the CLI and tests run them to their end.

/** Runs a sliced computation to its end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Work between two yields, for loops whose items cost unequal amounts (a step applying one file or
 * thousands): `if (spend(k)) yield;` is true each time the amounts spent add up to `per`.
 */
export function workBudget(per: number): (amount?: number) => boolean {
  let spent = 0;
  return (amount = 1) => {
    spent += amount;
    if (spent < per) return false;
    spent = 0;
    return true;
  };
}
