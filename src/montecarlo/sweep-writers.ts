/**
 * Sweep outputs as text (pure functions; the caller writes the files): JSON (2-space indent, trailing newline,
 * NaN as null) and CSV (RFC 4180: comma-separated, CRLF-free "\n" rows, fields with commas, quotes or line
 * breaks quoted and inner quotes doubled) with one row per point and every statistic of every KPI.
 */
import type { KpiSummary, SweepSummary } from "./types.ts";

/** Statistics written per KPI, in column order. */
export const CSV_STATISTICS = [
  "n",
  "mean",
  "sd",
  "ciLow",
  "ciHigh",
  "min",
  "p5",
  "p10",
  "p25",
  "p50",
  "p75",
  "p90",
  "p95",
  "max",
] as const satisfies readonly (keyof KpiSummary)[];

/** The summary as JSON text. */
export function sweepToJson(summary: SweepSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/**
 * One CSV row per point: index, role, varied parameter, each parameter value, then `<kpi>.<statistic>` for
 * every KPI of the first point and every statistic of {@link CSV_STATISTICS}. Non-finite numbers are empty.
 */
export function sweepToCsv(summary: SweepSummary): string {
  const paths = summary.parameters.map((parameter) => parameter.path);
  const kpis = Object.keys(summary.points[0]?.kpis ?? {});
  const header = [
    "index",
    "role",
    "varied",
    ...paths,
    ...kpis.flatMap((kpi) => CSV_STATISTICS.map((statistic) => `${kpi}.${statistic}`)),
  ];
  const rows = summary.points.map((point) => [
    String(point.index),
    point.role ?? "design",
    point.varied ?? "",
    ...paths.map((path) => cell(point.parameters[path])),
    ...kpis.flatMap((kpi) => CSV_STATISTICS.map((statistic) => cell(point.kpis[kpi]?.[statistic]))),
  ]);
  return [header, ...rows]
    .map((row) => row.map(quote).join(","))
    .join("\n")
    .concat("\n");
}

function cell(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (value === undefined || value === null) return "";
  return String(value);
}

function quote(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
