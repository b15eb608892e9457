/**
 * Reads a running total period by period (the month's node-days out of a run-long time integral, say), so
 * that month closes need no hand-kept "value at the last close" fields.
 */

/** Successive increments of a running total that starts at 0. */
export class PeriodReader {
  readonly #read: () => number;
  #last = 0;

  /** Read increments of `read()`, a running total that was 0 at its start. */
  constructor(read: () => number) {
    this.#read = read;
  }

  /** The total's growth since the previous take (since its start for the first take). */
  take(): number {
    const now = this.#read();
    const delta = now - this.#last;
    this.#last = now;
    return delta;
  }
}
