/**
 * HTML tables of delivery targets: when a run reaches each target (P50 and P80 months, probability by the end),
 * and, in a comparison, each scenario's months with the paired difference against the baseline.
 */
import type { CompareSummary, RunSummary } from "../../src/montecarlo/types.ts";
import { scenarioLabels } from "../charts/scenario-labels.ts";
import {
  deliveryTargets,
  monthsDifferenceText,
  percentText,
  targetCells,
  targetHeader,
  targetText,
} from "../delivery-targets.ts";
import { escapeHtml } from "./escape-html.ts";

const CAPTION =
  "Delivery targets (months counted from 0 as on the charts; P80: reached in 80% of simulated futures)";

/** The targets table of a run; empty when it has no targets. */
export function runTargetsHtml(summary: RunSummary): string {
  const targets = deliveryTargets(summary);
  if (targets.length === 0) return "";
  const horizon = summary.meta.horizonMonths;
  const head = targetHeader(horizon)
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join("");
  const rows = targets
    .map(
      (t) =>
        `<tr>${targetCells(t, horizon)
          .map((c) => `<td>${escapeHtml(c)}</td>`)
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table class="data targets"><caption>${escapeHtml(CAPTION)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** The targets table of a comparison: P50 (P80) month per scenario, paired difference per alternative. */
export function compareTargetsHtml(summary: CompareSummary): string {
  const runs = summary.scenarios;
  if (runs.length < 2 || runs.some((run) => deliveryTargets(run).length === 0)) return "";
  const labels = scenarioLabels(summary);
  const thresholds = deliveryTargets(runs[0]!).map((t) => t.threshold);
  const month = (run: RunSummary, threshold: number): string => {
    const t = deliveryTargets(run).find((x) => x.threshold === threshold);
    if (t === undefined) return "–";
    const horizon = run.meta.horizonMonths;
    const m = (v: number | null): string => (v === null ? `> ${horizon - 1}` : String(v));
    return `${m(t.monthP50)} (${m(t.monthP80)})`;
  };
  const alternatives = runs.slice(1);
  const head = [
    "Target",
    ...labels.map((l) => `${l}: P50 (P80) month`),
    ...alternatives.map((_, i) => `${labels[i + 1]} − ${labels[0]}: months [95% CI]`),
    ...alternatives.map((_, i) => `P(${labels[i + 1]} sooner)`),
  ];
  const rows = thresholds.map((threshold) => {
    const diffs = alternatives.map((run) =>
      summary.reachDifferences?.find(
        (d) => d.threshold === threshold && d.alternative === run.meta.scenarioName,
      ),
    );
    const cells = [
      targetText(threshold),
      ...runs.map((run) => month(run, threshold)),
      ...diffs.map((d) => (d === undefined ? "–" : monthsDifferenceText(d))),
      ...diffs.map((d) => (d === undefined ? "–" : percentText(d.probabilitySooner))),
    ];
    return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
  });
  return `<table class="data targets"><caption>${escapeHtml(CAPTION)}</caption><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}
