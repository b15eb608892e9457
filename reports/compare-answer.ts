/**
 * The plain-language answer of a comparison, one sentence per alternative, generated from the paired results:
 * when the alternative reaches a delivery target against the baseline (months of the S-curves, and the share of
 * paired futures in which it is sooner) and what it costs over the horizon (the paired difference of
 * `cost.total` with its 95% CI and the share of paired futures in which it is cheaper), e.g.
 * "platform-first reaches 30 delivered projects in month 15 (P80: 16), the same month as coe-first, and costs
 * $2.2M less over 36 months (95% CI $1.1M – $3.3M; cheaper in 97% of paired futures)."
 */
import type { CompareSummary, KpiDifference, ReachTarget, RunSummary } from "../src/montecarlo/types.ts";
import { scenarioLabels } from "./charts/scenario-labels.ts";
import { deliveryTargets, percentText, targetText } from "./delivery-targets.ts";
import { formatMetric } from "./number-format.ts";

/** The target a sentence talks about: the user's first, else the largest every scenario reaches at P50. */
export function answerThreshold(runs: readonly RunSummary[]): number | undefined {
  const lists = runs.map(deliveryTargets);
  if (lists.some((list) => list.length === 0)) return undefined;
  const first = lists[0]!;
  if (runs[0]!.reach.thresholdSource === "targets") return first[0]!.threshold;
  const reachedByAll = first
    .map((t) => t.threshold)
    .filter((threshold) =>
      lists.every((list) => list.find((t) => t.threshold === threshold)?.monthP50 !== null),
    );
  return reachedByAll.at(-1) ?? first[0]!.threshold;
}

function months(n: number): string {
  return `${n} month${n === 1 ? "" : "s"}`;
}

function reachClause(
  summary: CompareSummary,
  s: number,
  threshold: number,
  labels: readonly string[],
): string | undefined {
  const find = (run: RunSummary): ReachTarget | undefined =>
    deliveryTargets(run).find((t) => t.threshold === threshold);
  const base = find(summary.scenarios[0]!);
  const alt = find(summary.scenarios[s]!);
  if (base === undefined || alt === undefined) return undefined;
  const horizon = summary.scenarios[s]!.meta.horizonMonths;
  const what = targetText(threshold);
  const own =
    alt.monthP50 === null
      ? `does not reach ${what} within ${months(horizon)} in most futures`
      : `reaches ${what} in month ${alt.monthP50}${alt.monthP80 === null ? "" : ` (P80: ${alt.monthP80})`}`;
  const details: string[] = [];
  let against: string;
  if (alt.monthP50 === base.monthP50)
    against = alt.monthP50 === null ? `nor does ${labels[0]}` : `the same month as ${labels[0]}`;
  else if (alt.monthP50 === null) against = `which ${labels[0]} does in month ${base.monthP50}`;
  else if (base.monthP50 === null) against = `which ${labels[0]} does not within ${months(horizon)}`;
  else {
    const gap = alt.monthP50 - base.monthP50;
    against = `${months(Math.abs(gap))} ${gap < 0 ? "sooner" : "later"} than ${labels[0]}`;
    details.push(`month ${base.monthP50}`);
  }
  const paired = summary.reachDifferences?.find(
    (d) => d.threshold === threshold && d.alternative === summary.scenarios[s]!.meta.scenarioName,
  );
  if (paired !== undefined && Number.isFinite(paired.probabilitySooner))
    details.push(`sooner in ${percentText(paired.probabilitySooner)} of paired futures`);
  return `${own}, ${against}${details.length === 0 ? "" : ` (${details.join("; ")})`}`;
}

function costClause(d: KpiDifference, currency: string, horizon: number): string {
  const money = (v: number): string => formatMetric(Math.abs(v), d.unit, currency, d.name);
  const cheaper = `cheaper in ${percentText(d.probabilityBetter)} of paired futures`;
  if (d.ciLow > 0 || d.ciHigh < 0) {
    const [low, high] = [Math.abs(d.ciLow), Math.abs(d.ciHigh)].sort((a, b) => a - b) as [number, number];
    return `costs ${money(d.meanDifference)} ${d.meanDifference < 0 ? "less" : "more"} over ${months(horizon)} (95% CI ${money(low)} – ${money(high)}; ${cheaper})`;
  }
  const signed = (v: number): string => `${v < 0 ? "−" : "+"}${money(v)}`;
  return `costs about the same over ${months(horizon)} (difference ${signed(d.meanDifference)}, 95% CI ${signed(d.ciLow)} to ${signed(d.ciHigh)}; ${cheaper})`;
}

/**
 * One sentence per alternative answering "which reaches the target sooner, at what cost?" against the baseline;
 * empty for a comparison of fewer than two scenarios.
 */
export function compareAnswers(summary: CompareSummary): string[] {
  if (summary.scenarios.length < 2) return [];
  const labels = scenarioLabels(summary);
  const threshold = answerThreshold(summary.scenarios);
  const currency = summary.scenarios[0]!.meta.currency;
  return summary.scenarios.slice(1).map((run, i) => {
    const s = i + 1;
    const reach = threshold === undefined ? undefined : reachClause(summary, s, threshold, labels);
    const cost = summary.differences.find(
      (d) => d.name === "cost.total" && d.alternative === run.meta.scenarioName && d.n > 0,
    );
    const costText = cost === undefined ? undefined : costClause(cost, currency, run.meta.horizonMonths);
    const parts = [reach, costText].filter((part): part is string => part !== undefined);
    if (parts.length === 0) return `${labels[s]}: see the paired differences against ${labels[0]} below.`;
    return `${labels[s]} ${parts.join(", and ")}.`;
  });
}
