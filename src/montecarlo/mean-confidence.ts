/**
 * 95% confidence interval of a mean from n observations with sample standard deviation s:
 * mean +/- t(0.975, n - 1) s / sqrt(n) (Student 1908; e.g. A. M. Law, "Simulation Modeling and Analysis",
 * 5th ed., section 4.5). The t quantile comes from the engine (engine/student-t.ts); it is cached per n
 * because every summary asks for the same point.
 */
import { studentTQuantile } from "../../engine/index.ts";

const cache = new Map<number, number>();

/** t(0.975, df), cached. */
export function t975(df: number): number {
  let value = cache.get(df);
  if (value === undefined) {
    value = studentTQuantile(0.975, df);
    cache.set(df, value);
  }
  return value;
}

/** Half-width of the two-sided 95% confidence interval of a mean; 0 when n < 2. */
export function meanHalfWidth95(sd: number, n: number): number {
  if (n < 2) return 0;
  return (t975(n - 1) * sd) / Math.sqrt(n);
}
