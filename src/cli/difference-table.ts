/**
 * The short table printed after `scalesim compare`: for each alternative and each key KPI, the means of the
 * baseline and the alternative, their paired mean difference with its 95% confidence interval, and the
 * probability that the alternative is better (common random numbers make these differences much tighter than
 * the spread of either scenario).
 */
import { formatMetric, formatMetricParts } from "../../reports/number-format.ts";
import type { CompareSummary, KpiDifference } from "../montecarlo/types.ts";
import { KEY_RESULT_KPIS } from "./key-results.ts";

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join("   ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

/** Renders the key KPI differences of `summary`, one block per alternative, ending with a newline. */
export function renderDifferences(summary: CompareSummary): string {
  const currency = summary.scenarios[0]?.meta.currency ?? "USD";
  const keyNames: readonly string[] = KEY_RESULT_KPIS;
  const baseline = summary.scenarios[0]?.meta.scenarioName ?? "baseline";
  const blocks: string[] = [];
  for (const alternative of summary.scenarios.slice(1).map((scenario) => scenario.meta.scenarioName)) {
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
      [title, ...table(["KPI", baseline, alternative, "difference [95% CI]", "P(better)"], rows)].join("\n"),
    );
  }
  return `${blocks.join("\n\n")}\n`;
}
