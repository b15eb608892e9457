/**
 * What a sweep report charts and how: the KPIs asked (`--kpi`, the sweep file's `kpis:`), which points belong to
 * the design (one-at-a-time tornado points are kept apart), how influential each parameter is, and how parameter
 * values and KPI axes are written (no float noise such as `0.39999999999999997`, no SI prefixes for small values,
 * so a 0.05-day axis never reads "50m").
 */
import type { KpiSummary, SweepPoint, SweepSummary } from "../../src/montecarlo/types.ts";
import { metricLabel } from "../metric-label.ts";
import { SWEEP_PRIMARY_KPIS } from "../metric-names.ts";
import { axisLabelExpr, type ValueKind } from "../metric-units.ts";

/** What a sweep report shows besides the summary itself. */
export interface SweepChartOptions {
  /**
   * The KPIs the user asked for, in order (`--kpi`, else the sweep file's `kpis:`): the first drives the heatmap,
   * each gets a tornado, an effects chart and a coefficients chart. Default: the primary KPI.
   */
  kpis?: readonly string[];
  /** Currency of money axes; default USD (sweep summaries carry none). */
  currency?: string;
}

/** The primary KPI of a sweep: the first of SWEEP_PRIMARY_KPIS present in every point, else the first KPI. */
export function primarySweepKpi(summary: SweepSummary): string | undefined {
  const points = summary.points;
  if (points.length === 0) return undefined;
  const inAll = (n: string): boolean => points.every((p) => p.kpis[n] !== undefined);
  return SWEEP_PRIMARY_KPIS.find(inAll) ?? Object.keys(points[0]!.kpis).find(inAll);
}

/**
 * The KPIs a report charts, in order: the asked ones the points report (unknown ones are left out), else the
 * primary KPI alone.
 */
export function chartedSweepKpis(summary: SweepSummary, asked: readonly string[] | undefined): string[] {
  const present = (n: string): boolean => summary.points.some((p) => p.kpis[n] !== undefined);
  const chosen = [...new Set(asked ?? [])].filter(present);
  if (chosen.length > 0) return chosen;
  const primary = primarySweepKpi(summary);
  return primary === undefined ? [] : [primary];
}

/**
 * The KPIs of a chart family that has data for `available` KPIs: every KPI asked (`asked`, in order), else the
 * primary KPI first and the others after it, `max` in all.
 */
export function familyKpis(
  summary: SweepSummary,
  asked: readonly string[] | undefined,
  available: readonly string[],
  max: number,
): string[] {
  if (asked !== undefined && asked.length > 0) return chartedSweepKpis(summary, asked);
  const primary = primarySweepKpi(summary);
  const ordered =
    primary !== undefined && available.includes(primary)
      ? [primary, ...available.filter((k) => k !== primary)]
      : [...available];
  return ordered.slice(0, max);
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

/**
 * The points of the sweep's design (grid, Latin hypercube, Sobol', Morris): one-at-a-time points (the tornado's
 * base, low and high) are left out, since they hold every other parameter at its base and would bend averages.
 */
export function designPoints(summary: SweepSummary): SweepPoint[] {
  return summary.points.filter((p) => p.role === undefined || p.role === "design");
}

/** True for sampled designs (no repeated values to average): drawn as a scatter with a smoother. */
export function isSampledDesign(summary: SweepSummary): boolean {
  return (
    summary.sampling === "latin-hypercube" || summary.sampling === "sobol" || summary.sampling === "morris"
  );
}

/** Parameters that take more than one value across `points` (default: all points), in declaration order. */
export function variedParameters(
  summary: SweepSummary,
  points: readonly SweepPoint[] = summary.points,
): string[] {
  return summary.parameters
    .map((p) => p.path)
    .filter((path) => new Set(points.map((pt) => String(pt.parameters[path]))).size > 1);
}

/** True when every value of the parameter across the points is a number. */
export function isNumericParameter(summary: SweepSummary, path: string): boolean {
  return summary.points.every((p) => typeof p.parameters[path] === "number");
}

/**
 * `paths` ordered by their influence on `kpi`, most influential first: by |SRC| when the sweep has it, else by
 * |PRCC|, else by the tornado's swing |high - low|; parameters without a measure keep their order at the end.
 */
export function byInfluence(summary: SweepSummary, kpi: string, paths: readonly string[]): string[] {
  const measures = [
    summary.src[kpi],
    summary.prcc[kpi],
    Object.fromEntries(Object.entries(summary.tornado[kpi] ?? {}).map(([p, t]) => [p, t.high - t.low])),
  ];
  const measure = measures.find((m) => m !== undefined && paths.some((p) => Number.isFinite(m[p])));
  if (measure === undefined) return [...paths];
  const weight = (p: string): number => {
    const value = measure[p];
    return value !== undefined && Number.isFinite(value) ? Math.abs(value) : -1;
  };
  return paths
    .map((path, order) => ({ path, order, weight: weight(path) }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((e) => e.path);
}

/**
 * A parameter value as a person writes it: numbers rounded to 12 significant digits, which drops binary float noise
 * (0.39999999999999997 -> "0.4"), others as they are.
 */
export function parameterText(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : "–";
  return String(value);
}

/** A parameter value for chart data: numbers without float noise (see {@link parameterText}), others unchanged. */
export function parameterValue(
  value: number | string | boolean | undefined,
): number | string | boolean | null {
  if (value === undefined) return null;
  return typeof value === "number" && Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/**
 * Vega expression for a KPI axis of this kind. Plain numbers get thousands separators and SI prefixes only from
 * 10 000 up, so small values (days, hours, shares of a day) are never written with milli or micro prefixes.
 */
export function sweepAxisLabelExpr(kind: ValueKind): string {
  if (kind !== "number") return axisLabelExpr(kind);
  return "abs(datum.value) >= 10000 ? format(datum.value, '.3~s') : format(datum.value, ',~r')";
}

/** Axis of a KPI in a sweep chart (see {@link sweepAxisLabelExpr}). */
export function sweepValueAxis(kind: ValueKind): { labelExpr: string } {
  return { labelExpr: sweepAxisLabelExpr(kind) };
}

/** A chart id part from a KPI name: `cost.total` -> `cost-total`. */
export function kpiIdPart(kpi: string): string {
  return kpi.replace(/[^A-Za-z0-9]+/g, "-");
}

/**
 * A label inside a sentence: its first letter in lower case unless the first word is an acronym
 * ("Time to market" -> "time to market", "ROI (value / cost)" -> "ROI (value / cost)", "SLA breaches" kept).
 */
export function labelInSentence(label: string): string {
  const first = label.split(/\s/)[0] ?? "";
  if (first.length > 1 && first === first.toUpperCase() && /[A-Z]/.test(first)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
