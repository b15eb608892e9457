/**
 * The short table printed after `scalesim compare`: for each key KPI and each alternative, the paired mean
 * difference against the baseline with its 95% confidence interval and the probability that the alternative is
 * better (common random numbers make these differences much tighter than the spread of either scenario).
 */
import { formatMetric } from "../../reports/number-format.ts";
import type { CompareSummary } from "../montecarlo/types.ts";
import { KEY_RESULT_KPIS } from "./key-results.ts";

/** Renders the key KPI differences of `summary` as an aligned plain-text table, ending with a newline. */
export function renderDifferences(summary: CompareSummary): string {
  const currency = summary.scenarios[0]?.meta.currency ?? "USD";
  const keyNames: readonly string[] = KEY_RESULT_KPIS;
  const rows = summary.differences
    .filter((difference) => keyNames.includes(difference.name))
    .sort((a, b) => keyNames.indexOf(a.name) - keyNames.indexOf(b.name))
    .map((difference) => {
      const show = (value: number) => formatMetric(value, difference.unit, currency, difference.name);
      return [
        difference.label,
        difference.alternative,
        show(difference.meanBaseline),
        show(difference.meanAlternative),
        `${show(difference.meanDifference)} [${show(difference.ciLow)}, ${show(difference.ciHigh)}]`,
        `${Math.round(100 * difference.probabilityBetter)}%`,
      ];
    });
  const header = ["KPI", "alternative", "baseline", "alternative mean", "difference [95% CI]", "P(better)"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join("   ")}`.trimEnd();
  const baseline = summary.scenarios[0]?.meta.scenarioName ?? "baseline";
  const title = `against ${baseline}: ${summary.replications} paired replications, seed ${summary.seed}`;
  return `${[title, line(header), ...rows.map(line)].join("\n")}\n`;
}
