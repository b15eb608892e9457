/**
 * Delivery targets in words and table rows: for each threshold of the reach S-curve, the month it is reached at
 * P50 and P80 (months counted from 0, as on the charts' month axis) and the probability of reaching it within the
 * horizon. Read from `reach.targets` (summaries written before targets existed have none, and show none).
 */
import type { ReachDifference, ReachTarget, RunSummary } from "../src/montecarlo/types.ts";
import { deliversProjects } from "./metric-names.ts";

/** The delivery targets of a run, empty when it delivers nothing or the summary has none. */
export function deliveryTargets(summary: RunSummary): ReachTarget[] {
  if (!deliversProjects(summary)) return [];
  return summary.reach.targets ?? [];
}

/** `month 15`, or `not within 36 months` when the month is null. */
export function reachMonthText(month: number | null, horizonMonths: number): string {
  return month === null ? `not within ${horizonMonths} months` : `month ${month}`;
}

/** A count of delivered projects: `30 delivered projects`, `1 delivered project`. */
export function targetText(threshold: number): string {
  return `${threshold.toLocaleString("en-US")} delivered project${threshold === 1 ? "" : "s"}`;
}

/** A probability as a whole percent: `97%`. */
export function percentText(probability: number): string {
  return Number.isFinite(probability) ? `${Math.round(100 * probability)}%` : "–";
}

/** Table cells of one target: target, P50 month, P80 month, probability by the last month. */
export function targetCells(target: ReachTarget, horizonMonths: number): string[] {
  const month = (m: number | null): string => (m === null ? `> ${horizonMonths - 1}` : String(m));
  return [
    targetText(target.threshold),
    month(target.monthP50),
    month(target.monthP80),
    percentText(target.probabilityByEnd),
  ];
}

/** Column titles of {@link targetCells}. */
export function targetHeader(horizonMonths: number): string[] {
  return ["Target", "Month (P50)", "Month (P80)", `P(reached by month ${Math.max(0, horizonMonths - 1)})`];
}

/** `-1.4 [-2.1, -0.7]` months of a paired reach difference; `–` when no replication reached it in both. */
export function monthsDifferenceText(d: ReachDifference): string {
  if (d.nBoth === 0) return "–";
  const f = (v: number): string => (Number.isFinite(v) ? `${v > 0 ? "+" : ""}${v.toFixed(1)}` : "–");
  return `${f(d.meanDifferenceMonths)} [${f(d.ciLow)}, ${f(d.ciHigh)}]`;
}
