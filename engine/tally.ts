/**
 * Tally of observations: count, mean, variance, min, max in one pass.
 *
 * Mean and variance by Welford's update (B. P. Welford, "Note on a method for calculating corrected sums of
 * squares and products", Technometrics 4(3), 1962); merging two tallies by the pairwise formula of Chan,
 * Golub & LeVeque ("Updating formulae and a pairwise algorithm for computing sample variances", Stanford
 * CS tech. report STAN-CS-79-773, 1979): M2 = M2a + M2b + delta^2 * na * nb / n.
 */

/** Running statistics of a stream of numbers (not weighted by time). */
export class Tally {
  private n = 0;
  private mu = 0;
  private m2 = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  /**
   * Add one observation.
   * @throws RangeError when x is NaN
   */
  add(x: number): void {
    if (Number.isNaN(x)) throw new RangeError("add requires a number, got NaN");
    const n = ++this.n;
    const delta = x - this.mu;
    this.mu += delta / n;
    this.m2 += delta * (x - this.mu);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /** Number of observations. */
  get count(): number {
    return this.n;
  }

  /** Mean of the observations (NaN when there are none). */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.mu;
  }

  /** Sum of the observations. */
  get sum(): number {
    return this.mu * this.n;
  }

  /** Sample variance with divisor n - 1 (NaN with fewer than two observations). */
  get variance(): number {
    return this.n < 2 ? Number.NaN : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation (NaN with fewer than two observations). */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation (Infinity when there are none). */
  get min(): number {
    return this.lo;
  }

  /** Largest observation (-Infinity when there are none). */
  get max(): number {
    return this.hi;
  }

  /** Forget every observation (for example at the end of a warm-up period). */
  reset(): void {
    this.n = 0;
    this.mu = 0;
    this.m2 = 0;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }

  /** Add all observations of `other` (Chan et al.), as if they had been added one by one. */
  merge(other: Tally): void {
    if (other.n === 0) return;
    if (this.n === 0) {
      this.n = other.n;
      this.mu = other.mu;
      this.m2 = other.m2;
      this.lo = other.lo;
      this.hi = other.hi;
      return;
    }
    const n = this.n + other.n;
    const delta = other.mu - this.mu;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.mu += (delta * other.n) / n;
    this.n = n;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }
}
