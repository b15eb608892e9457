/**
 * Time-weighted statistics of a piecewise-constant quantity (queue length, units in use): the time average
 * is the integral of the value over time divided by the elapsed time, (1/T) * sum(value_i * duration_i)
 * (A. M. Law, Simulation Modeling and Analysis, 5th ed., section 1.4.3, time-average number in queue).
 */
import type { Environment } from "./environment.ts";

/** Time-weighted monitor of a value that changes at event times; the clock is `env.now`. */
export class TimeWeighted {
  private readonly env: Environment;
  private value: number;
  private area = 0;
  private since: number;
  private lastChange: number;
  private lo: number;
  private hi: number;

  /**
   * Start monitoring at `env.now` with value `initial` (default 0).
   * @throws RangeError when initial is NaN
   */
  constructor(env: Environment, initial = 0) {
    if (Number.isNaN(initial)) throw new RangeError("initial must be a number, got NaN");
    this.env = env;
    this.value = initial;
    this.since = env.now;
    this.lastChange = env.now;
    this.lo = initial;
    this.hi = initial;
  }

  /**
   * Set the value from now on.
   * @throws RangeError when value is NaN
   */
  record(value: number): void {
    if (Number.isNaN(value)) throw new RangeError("record requires a number, got NaN");
    const now = this.env.now;
    this.area += this.value * (now - this.lastChange);
    this.lastChange = now;
    this.value = value;
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
  }

  /** The value now. */
  get current(): number {
    return this.value;
  }

  /** Smallest value since the start or the last reset. */
  get min(): number {
    return this.lo;
  }

  /** Largest value since the start or the last reset. */
  get max(): number {
    return this.hi;
  }

  /** Integral of the value over time since the start or the last reset, up to now. */
  integral(): number {
    return this.area + this.value * (this.env.now - this.lastChange);
  }

  /** Time average since the start or the last reset, up to now (the current value when no time has passed). */
  mean(): number {
    const elapsed = this.env.now - this.since;
    return elapsed > 0 ? this.integral() / elapsed : this.value;
  }

  /** Restart integration, min and max at `env.now` keeping the current value (end of a warm-up period). */
  reset(): void {
    const now = this.env.now;
    this.area = 0;
    this.since = now;
    this.lastChange = now;
    this.lo = this.value;
    this.hi = this.value;
  }
}
