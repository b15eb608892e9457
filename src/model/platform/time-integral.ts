/**
 * The running integral of a piecewise-constant quantity over simulated time (e.g. nodes allocated, busy
 * nodes, queue length), read at month ends to bill and to report time-weighted averages.
 */

/** Integral of a step function of time; time in days, so the integral is in value-days. */
export class TimeIntegral {
  #value: number;
  #since: number;
  #total = 0;
  #max: number;
  #min: number;

  /** Start at `value` at time `timeDays`. */
  constructor(timeDays: number, value = 0) {
    this.#since = timeDays;
    this.#value = value;
    this.#max = value;
    this.#min = value;
  }

  /** Current value. */
  get value(): number {
    return this.#value;
  }

  /** Highest value ever set. */
  get max(): number {
    return this.#max;
  }

  /** Lowest value ever set. */
  get min(): number {
    return this.#min;
  }

  /** Change the value from `timeDays` on. @throws RangeError when time goes backwards */
  set(timeDays: number, value: number): void {
    if (timeDays < this.#since)
      throw new RangeError(`time must not go backwards: ${timeDays} < ${this.#since}`);
    this.#total += this.#value * (timeDays - this.#since);
    this.#since = timeDays;
    this.#value = value;
    if (value > this.#max) this.#max = value;
    if (value < this.#min) this.#min = value;
  }

  /** Add `delta` to the value from `timeDays` on. */
  add(timeDays: number, delta: number): void {
    this.set(timeDays, this.#value + delta);
  }

  /** Integral from the start up to `timeDays` (value-days). */
  integralAt(timeDays: number): number {
    return this.#total + this.#value * Math.max(0, timeDays - this.#since);
  }
}

/**
 * Reads successive increments of a {@link TimeIntegral}: each `take(t)` returns the integral since the
 * previous take (the month's node-days, for instance).
 */
export class IntegralReader {
  readonly #integral: TimeIntegral;
  #last: number;

  /** Start reading from `timeDays`. */
  constructor(integral: TimeIntegral, timeDays: number) {
    this.#integral = integral;
    this.#last = integral.integralAt(timeDays);
  }

  /** Integral since the previous take, up to `timeDays`. */
  take(timeDays: number): number {
    const now = this.#integral.integralAt(timeDays);
    const delta = now - this.#last;
    this.#last = now;
    return delta;
  }
}
