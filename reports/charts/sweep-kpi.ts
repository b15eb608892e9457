/**
 * Which KPI a sweep report charts and how parameters are labelled.
 */
import type { KpiSummary, SweepSummary } from "../../src/montecarlo/types.ts";
import { metricLabel } from "../metric-label.ts";
import { SWEEP_PRIMARY_KPIS } from "../metric-names.ts";

/** The primary KPI of a sweep: the first of SWEEP_PRIMARY_KPIS present in every point, else the first KPI. */
export function primarySweepKpi(summary: SweepSummary): string | undefined {
  const points = summary.points;
  if (points.length === 0) return undefined;
  const inAll = (n: string): boolean => points.every((p) => p.kpis[n] !== undefined);
  return SWEEP_PRIMARY_KPIS.find(inAll) ?? Object.keys(points[0]!.kpis).find(inAll);
}

/** The summary of a KPI at its first point (for label and unit). */
export function sweepKpiInfo(summary: SweepSummary, kpi: string): KpiSummary | undefined {
  const found = summary.points.find((p) => p.kpis[kpi] !== undefined)?.kpis[kpi];
  return found === undefined ? undefined : { ...found, label: metricLabel(found) };
}

/** Short label of a parameter path: the last two segments (`platform.cluster.maxNodes` -> `cluster.maxNodes`). */
export function parameterLabel(path: string): string {
  const parts = path.split(".");
  return parts.slice(-2).join(".");
}

/** Parameters that take more than one value across the points, in declaration order. */
export function variedParameters(summary: SweepSummary): string[] {
  return summary.parameters
    .map((p) => p.path)
    .filter((path) => new Set(summary.points.map((pt) => String(pt.parameters[path]))).size > 1);
}

/** True when every value of the parameter across the points is a number. */
export function isNumericParameter(summary: SweepSummary, path: string): boolean {
  return summary.points.every((p) => typeof p.parameters[path] === "number");
}
