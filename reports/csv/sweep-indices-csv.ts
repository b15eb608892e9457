/**
 * indices.csv of a sweep with global sensitivity indices, one line per KPI and parameter: for a Sobol' sweep
 * first- and total-order indices with their 95% bootstrap intervals, for a Morris sweep mu, mu* (with interval)
 * and sigma.
 */
import type { SweepSummary } from "../../src/montecarlo/types.ts";
import { toCsv } from "./csv-format.ts";

/** indices.csv of a sweep; undefined when the summary has no Sobol' or Morris indices. */
export function buildSweepIndicesCsv(summary: SweepSummary): string | undefined {
  const sobol = summary.sobol;
  if (sobol !== undefined && Object.keys(sobol).length > 0) {
    const columns = ["first", "firstLow", "firstHigh", "total", "totalLow", "totalHigh"] as const;
    return toCsv(
      ["kpi", "parameter", ...columns],
      Object.entries(sobol).flatMap(([kpi, byPath]) =>
        Object.entries(byPath).map(([path, index]) => [kpi, path, ...columns.map((c) => index[c])]),
      ),
    );
  }
  const morris = summary.morris;
  if (morris !== undefined && Object.keys(morris).length > 0) {
    const columns = ["mu", "muStar", "muStarLow", "muStarHigh", "sigma"] as const;
    return toCsv(
      ["kpi", "parameter", ...columns],
      Object.entries(morris).flatMap(([kpi, byPath]) =>
        Object.entries(byPath).map(([path, index]) => [kpi, path, ...columns.map((c) => index[c])]),
      ),
    );
  }
  return undefined;
}
