/**
 * A KPI range chart: one horizontal bar per KPI from P10 to P90 across replications with a tick at the median,
 * for KPIs of one unit that are read side by side (the hub's work, the waits of a project).
 */
import type { TopLevelSpec } from "vega-lite";
import type { KpiName } from "../../src/model/metrics.ts";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR } from "../chart-theme.ts";
import { findKpi } from "../metric-names.ts";
import { percentFactor } from "../metric-units.ts";
import { frame } from "../spec-parts.ts";

/** What a KPI range chart shows. */
export interface KpiRangeOptions {
  id: string;
  title: string;
  guide: string;
  xTitle: string;
  /** KPIs in display order, each with its row label; absent ones are skipped. */
  kpis: readonly { name: KpiName; label: string }[];
}

/** The chart of the KPIs of `options` present in `summary`; undefined when none is. */
export function kpiRangeChart(summary: RunSummary, options: KpiRangeOptions): ChartSpec | undefined {
  const rows = [];
  for (const item of options.kpis) {
    const kpi = findKpi(summary.kpis, item.name);
    if (kpi === undefined || !Number.isFinite(kpi.p50)) continue;
    const f = percentFactor(kpi.unit);
    rows.push({ kpi: item.label, p10: kpi.p10 * f, p50: kpi.p50 * f, p90: kpi.p90 * f });
  }
  if (rows.length === 0) return undefined;
  const y = { field: "kpi", type: "nominal", title: null, sort: rows.map((r) => r.kpi) };
  const x = { type: "quantitative", title: options.xTitle };
  const spec = {
    ...frame(options.title, "bars: P10–P90 across replications; tick: median"),
    width: 520,
    height: { step: 26 },
    data: { values: rows },
    layer: [
      {
        mark: { type: "bar", color: MAIN_COLOUR, opacity: 0.35, height: 14 },
        encoding: { y, x: { ...x, field: "p10" }, x2: { field: "p90" } },
      },
      {
        mark: { type: "tick", color: MAIN_COLOUR, thickness: 2.5, size: 20 },
        encoding: {
          y,
          x: { ...x, field: "p50" },
          tooltip: [
            { field: "kpi", title: "KPI" },
            { field: "p50", title: "median", format: ".1f" },
            { field: "p10", title: "P10", format: ".1f" },
            { field: "p90", title: "P90", format: ".1f" },
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return { id: options.id, title: options.title, guide: options.guide, spec };
}
