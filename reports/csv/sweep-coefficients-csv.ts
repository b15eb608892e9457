/**
 * coefficients.csv of a sweep: the standardised regression (SRC) and partial rank correlation (PRCC)
 * coefficients, one row per KPI and parameter (`kpi,unit,parameter,src,prcc`), KPIs asked first, then the others
 * by name, parameters in the sweep's order. A coefficient that could not be estimated (too few design points, a
 * KPI that does not vary) is an empty cell. Methods: src/montecarlo/sensitivity.ts.
 */
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import { toCsv } from "./csv-format.ts";

/** coefficients.csv of a sweep; undefined when the sweep has no SRC or PRCC at all. */
export function buildSweepCoefficientsCsv(
  summary: SweepSummary,
  kpis: readonly string[] = [],
): string | undefined {
  const present = [...new Set([...Object.keys(summary.src), ...Object.keys(summary.prcc)])];
  if (present.length === 0) return undefined;
  const asked = [...new Set(kpis)].filter((k) => present.includes(k));
  const names = [...asked, ...present.filter((k) => !asked.includes(k)).sort()];
  const unitOf = (kpi: string): string =>
    summary.points.find((p) => p.kpis[kpi] !== undefined)?.kpis[kpi]?.unit ?? "";
  const rows = names.flatMap((kpi) =>
    summary.parameters
      .map((p) => p.path)
      .filter((path) => summary.src[kpi]?.[path] !== undefined || summary.prcc[kpi]?.[path] !== undefined)
      .map((path) => [kpi, unitOf(kpi), path, summary.src[kpi]?.[path], summary.prcc[kpi]?.[path]]),
  );
  return toCsv(["kpi", "unit", "parameter", "src", "prcc"], rows);
}
