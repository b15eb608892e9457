/**
 * points.csv of a sweep, the shape a spreadsheet user expects: one row per point, the parameters and then the
 * KPIs as columns, so the file sorts, filters and plots (a KPI against a parameter) without a pivot table.
 * Columns: `point`, `role` (design, base, low, high), `varied` (the parameter a low/high point moves), one
 * column per parameter path, then per KPI its mean over the replications (`<kpi>`) and the 95% CI of that mean
 * (`<kpi>.ciLow`, `<kpi>.ciHigh`). KPIs asked come first, the rest follow sorted by name. Parameter values are
 * rounded to 12 significant digits (no float noise such as 0.39999999999999997); a KPI a point lacks is empty.
 */
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import { parameterValue } from "../charts/sweep-kpi.ts";
import { toCsv } from "./csv-format.ts";

/** The statistics written per KPI after its mean, as column suffixes. */
export const POINT_KPI_STATISTICS = ["ciLow", "ciHigh"] as const;

/** points.csv of a sweep, points in index order; `kpis` (the KPIs asked) are the first KPI columns. */
export function buildSweepPointsCsv(summary: SweepSummary, kpis: readonly string[] = []): string {
  const params = summary.parameters.map((p) => p.path);
  const present = new Set(summary.points.flatMap((p) => Object.keys(p.kpis)));
  const asked = [...new Set(kpis)].filter((k) => present.has(k));
  const names = [...asked, ...[...present].filter((k) => !asked.includes(k)).sort()];
  const header = [
    "point",
    "role",
    "varied",
    ...params,
    ...names.flatMap((name) => [name, ...POINT_KPI_STATISTICS.map((s) => `${name}.${s}`)]),
  ];
  const rows = [...summary.points]
    .sort((a, b) => a.index - b.index)
    .map((p) => [
      p.index,
      p.role ?? "design",
      p.varied ?? "",
      ...params.map((path) => parameterValue(p.parameters[path])),
      ...names.flatMap((name) => {
        const k = p.kpis[name];
        return [k?.mean ?? null, ...POINT_KPI_STATISTICS.map((s) => k?.[s] ?? null)];
      }),
    ]);
  return toCsv(header, rows);
}
