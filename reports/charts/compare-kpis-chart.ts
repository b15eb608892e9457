/**
 * Overlaid KPI distributions of two or more scenarios: per headline KPI, each scenario's P5-P95 whisker,
 * P25-P75 box and median tick on a common axis.
 */
import type { TopLevelSpec } from "vega-lite";
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { CATEGORICAL, PANEL_WIDTH } from "../chart-theme.ts";
import { metricLabel } from "../metric-label.ts";
import { HEADLINE_KPIS } from "../metric-names.ts";
import { axisTitle, tooltipFormat, toPercent, valueKind } from "../metric-units.ts";
import { frame, valueAxis } from "../spec-parts.ts";
import { scenarioLabels } from "./scenario-labels.ts";

/** Maximum number of KPI panels. */
const MAX_PANELS = 8;

/** Overlaid distributions chart; undefined when no headline KPI is present in every scenario. */
export function buildCompareKpisChart(summary: CompareSummary): ChartSpec | undefined {
  const runs = summary.scenarios;
  if (runs.length < 2) return undefined;
  const names = HEADLINE_KPIS.filter((n) => runs.every((r) => r.kpis[n] !== undefined)).slice(0, MAX_PANELS);
  if (names.length === 0) return undefined;
  const labels = scenarioLabels(summary);
  const colour = {
    field: "scenario",
    type: "nominal",
    title: "Scenario",
    scale: { domain: labels, range: labels.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]) },
    legend: null,
  };
  const currency = runs[0]!.meta.currency;
  const panels = names.map((name) => {
    const first = runs[0]!.kpis[name]!;
    const kind = valueKind(first.unit);
    const values = runs.map((r, i) => {
      const k = r.kpis[name]!;
      const v = (x: number): number => toPercent(x, k.unit);
      return {
        scenario: labels[i]!,
        p5: v(k.p5),
        p25: v(k.p25),
        p50: v(k.p50),
        p75: v(k.p75),
        p95: v(k.p95),
        mean: v(k.mean),
      };
    });
    const x = {
      type: "quantitative",
      title: axisTitle(metricLabel(first), first.unit, currency),
      axis: { ...valueAxis(kind), tickCount: 5 },
      scale: { zero: false },
    };
    const y = {
      field: "scenario",
      type: "nominal",
      title: null,
      scale: { domain: labels },
      axis: { labelLimit: 140 },
    };
    const fmt = tooltipFormat(kind);
    return {
      width: PANEL_WIDTH + 40,
      height: 26 * labels.length,
      data: { values },
      layer: [
        {
          mark: { type: "rule" },
          encoding: { y, x: { ...x, field: "p5" }, x2: { field: "p95" }, color: colour },
        },
        {
          mark: { type: "bar", opacity: 0.35, height: { band: 0.6 } },
          encoding: { y, x: { ...x, field: "p25" }, x2: { field: "p75" }, color: colour },
        },
        {
          mark: { type: "tick", thickness: 3, color: "#1b2a38" },
          encoding: {
            y,
            x: { ...x, field: "p50" },
            tooltip: [
              { field: "scenario", type: "nominal", title: "Scenario" },
              { field: "p50", type: "quantitative", title: "P50", format: fmt },
              { field: "p25", type: "quantitative", title: "P25", format: fmt },
              { field: "p75", type: "quantitative", title: "P75", format: fmt },
              { field: "p5", type: "quantitative", title: "P5", format: fmt },
              { field: "p95", type: "quantitative", title: "P95", format: fmt },
            ],
          },
        },
      ],
    };
  });
  const title = "Key results by scenario";
  const spec = {
    ...frame(title, "Box P25–P75, whisker P5–P95, dark tick the median"),
    columns: 2,
    concat: panels,
  } as unknown as TopLevelSpec;
  return {
    id: "compare-kpis",
    title,
    guide:
      "Each row is one scenario's spread of outcomes for the KPI; boxes that do not overlap mean the scenarios clearly differ.",
    spec,
    wide: true,
  };
}
