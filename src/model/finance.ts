/**
 * Money measures of a run (MODEL.md section 6): net present value of monthly cash flows discounted at an
 * annual rate with end-of-month compounding, NPV = sum_m (value_m - cost_m) / (1 + r)^((m + 1) / 12)
 * (R. A. Brealey, S. C. Myers, F. Allen, Principles of Corporate Finance, ch. 2), and the value of a
 * production model in one month: annual value / 12 x realisation x linear ramp-up x health.
 */

/** NPV of monthly `values` minus `costs` at `ratePerYear` (e.g. 0.08), flows at each month's end. */
export function netPresentValue(
  values: readonly number[],
  costs: readonly number[],
  ratePerYear: number,
): number {
  let npv = 0;
  const monthly = (1 + ratePerYear) ** (1 / 12);
  let factor = 1;
  for (let m = 0; m < values.length; m++) {
    factor /= monthly;
    npv += ((values[m] ?? 0) - (costs[m] ?? 0)) * factor;
  }
  return npv;
}

/**
 * Mean ramp factor over the part of a month after go-live: the model's value rises linearly from 0 to 1 over
 * `rampMonths` months after `liveMonths0` (months live at the start of the interval) for `spanMonths` months.
 */
export function rampFactor(liveMonths0: number, spanMonths: number, rampMonths: number): number {
  if (spanMonths <= 0) return 0;
  if (rampMonths <= 0) return 1;
  const a = liveMonths0;
  const b = liveMonths0 + spanMonths;
  if (a >= rampMonths) return 1;
  const mid = Math.min(b, rampMonths);
  const rising = (mid * mid - a * a) / (2 * rampMonths);
  const flat = b - mid;
  return (rising + flat) / spanMonths;
}
