/**
 * The short table printed after `scalesim compare`: for each alternative and each key KPI, the means of the
 * baseline and the alternative, their paired mean difference with its 95% confidence interval, and the
 * probability that the alternative is better (common random numbers make these differences much tighter than
 * the spread of either scenario).
 */
import { compareAnswers } from "../../reports/compare-answer.ts";
import {
  deliveryTargets,
  monthsDifferenceText,
  percentText,
  targetText,
} from "../../reports/delivery-targets.ts";
import { formatMetric, formatMetricParts } from "../../reports/number-format.ts";
import type { CompareSummary, KpiDifference, RunSummary } from "../montecarlo/types.ts";
import { keyResultNames, alignedTable as table } from "./key-results.ts";

/** The plain-language answer of the comparison, one paragraph per alternative, ending with a blank line. */
export function renderAnswer(summary: CompareSummary): string {
  const answers = compareAnswers(summary);
  return answers.length === 0 ? "" : `${answers.join("\n")}\n\n`;
}

function targetMonths(run: RunSummary, threshold: number): string {
  const t = deliveryTargets(run).find((x) => x.threshold === threshold);
  if (t === undefined) return "–";
  const m = (v: number | null): string => (v === null ? `> ${run.meta.horizonMonths - 1}` : String(v));
  return `${m(t.monthP50)} (${m(t.monthP80)})`;
}

/** The delivery-target rows of one alternative against the baseline (empty without targets). */
function targetLines(summary: CompareSummary, s: number): string[] {
  const base = summary.scenarios[0]!;
  const alt = summary.scenarios[s]!;
  const thresholds = deliveryTargets(base).map((t) => t.threshold);
  if (thresholds.length === 0 || deliveryTargets(alt).length === 0) return [];
  const rows = thresholds.map((threshold) => {
    const d = summary.reachDifferences?.find(
      (x) => x.threshold === threshold && x.alternative === alt.meta.scenarioName,
    );
    return [
      targetText(threshold),
      targetMonths(base, threshold),
      targetMonths(alt, threshold),
      d === undefined ? "–" : monthsDifferenceText(d),
      d === undefined ? "–" : percentText(d.probabilitySooner),
    ];
  });
  return [
    "",
    "  Delivery targets: month reached at P50 (P80), months counted from 0",
    ...table(["target", base.meta.scenarioName, alt.meta.scenarioName, "months [95% CI]", "P(sooner)"], rows),
  ];
}

/** Renders the key KPI differences of `summary`, one block per alternative, ending with a newline. */
export function renderDifferences(summary: CompareSummary): string {
  const currency = summary.scenarios[0]?.meta.currency ?? "USD";
  const keyNames: readonly string[] =
    summary.scenarios[0] === undefined ? [] : keyResultNames(summary.scenarios[0]);
  const baseline = summary.scenarios[0]?.meta.scenarioName ?? "baseline";
  const blocks: string[] = [];
  for (const [index, alternative] of summary.scenarios
    .slice(1)
    .map((scenario) => scenario.meta.scenarioName)
    .entries()) {
    const rows = summary.differences
      .filter((difference) => difference.alternative === alternative && keyNames.includes(difference.name))
      .sort((a, b) => keyNames.indexOf(a.name) - keyNames.indexOf(b.name))
      .map((difference: KpiDifference) => {
        const show = (value: number) => formatMetric(value, difference.unit, currency, difference.name);
        const part = (value: number) => formatMetricParts(value, difference.unit, currency, difference.name);
        const mean = part(difference.meanDifference);
        const sign = difference.meanDifference > 0 ? "+" : "";
        const unit = mean.suffix === "" ? "" : ` ${mean.suffix}`;
        return [
          difference.label,
          show(difference.meanBaseline),
          show(difference.meanAlternative),
          `${sign}${mean.text} [${part(difference.ciLow).text}, ${part(difference.ciHigh).text}]${unit}`,
          `${Math.round(100 * difference.probabilityBetter)}%`,
        ];
      });
    const title = `${alternative} against ${baseline}: ${summary.replications} paired replications, seed ${summary.seed}`;
    blocks.push(
      [
        title,
        ...table(["KPI", baseline, alternative, "difference [95% CI]", "P(better)"], rows),
        ...targetLines(summary, index + 1),
      ].join("\n"),
    );
  }
  return `${blocks.join("\n\n")}\n`;
}
