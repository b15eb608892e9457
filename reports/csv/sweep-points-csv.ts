/**
 * points.csv of a sweep: one line per point and KPI, with the point's parameter values as leading columns.
 */
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import { toCsv } from "./csv-format.ts";

/** points.csv of a sweep, points in index order, KPIs sorted by name. */
export function buildSweepPointsCsv(summary: SweepSummary): string {
  const params = summary.parameters.map((p) => p.path);
  const header = ["point", ...params, "kpi", "unit", "n", "mean", "ciLow", "ciHigh", "p10", "p50", "p90"];
  const rows = [...summary.points]
    .sort((a, b) => a.index - b.index)
    .flatMap((p) =>
      Object.keys(p.kpis)
        .sort()
        .map((name) => {
          const k = p.kpis[name]!;
          return [
            p.index,
            ...params.map((path) => p.parameters[path]),
            name,
            k.unit,
            k.n,
            k.mean,
            k.ciLow,
            k.ciHigh,
            k.p10,
            k.p50,
            k.p90,
          ];
        }),
    );
  return toCsv(header, rows);
}
