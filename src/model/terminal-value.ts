/**
 * Terminal value of the models in production at the horizon (issue 10 point 4): each keeps yielding its last
 * month's value for `months` more months, or until it retires if sooner, discounted month by month on the same
 * convention as `netPresentValue` (finance.ts: month m is discounted by (1 + r)^((m + 1) / 12)). A perpetuity or
 * Gordon growth formula would assume models never retire; a bounded tail with the drawn lifetimes does not.
 */
import { DAYS_PER_MONTH } from "./calendar.ts";

/**
 * Present value (at the run's start) of the value the `models` yield in the `months` months after the horizon
 * (`horizonDays`), each at `monthlyValue` until its `retireDay`.
 * @example terminalValue([{ monthlyValue: 100, retireDay: Infinity }], 0, 2, 0) // 200
 * @throws RangeError when months < 0 or ratePerYear <= -1
 */
export function terminalValue(
  models: readonly { monthlyValue: number; retireDay: number }[],
  horizonDays: number,
  months: number,
  ratePerYear: number,
): number {
  if (!(months >= 0)) throw new RangeError(`months must be >= 0, got ${months}`);
  if (!(ratePerYear > -1)) throw new RangeError(`ratePerYear must be > -1, got ${ratePerYear}`);
  const monthly = (1 + ratePerYear) ** (1 / 12);
  const horizonMonths = Math.round(horizonDays / DAYS_PER_MONTH);
  let total = 0;
  for (let k = 0; k < Math.ceil(months); k++) {
    const start = horizonDays + k * DAYS_PER_MONTH;
    const share = Math.min(1, months - k);
    const end = start + share * DAYS_PER_MONTH;
    let value = 0;
    for (const m of models) {
      const to = Math.min(end, m.retireDay);
      if (to > start) value += (m.monthlyValue * (to - start)) / DAYS_PER_MONTH;
    }
    total += value / monthly ** (horizonMonths + k + 1);
  }
  return total;
}
