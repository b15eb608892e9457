/**
 * `--kpi <names>`: the KPIs a sweep report is about, checked against the model's metric catalogue
 * (src/model/metrics.ts) before anything runs, so a typo fails at once with a did-you-mean instead of after the
 * sweep.
 */
import { InvalidArgumentError } from "commander";
import { METRICS, type MetricEntry, parseMetricName } from "../model/metrics.ts";
import { suggest } from "../scenario/suggest.ts";

/** Exact KPI names of the catalogue (patterns such as `tenantCost.<tenant>` left out), for suggestions. */
function catalogueKpiNames(): string[] {
  return Object.entries(METRICS as Record<string, MetricEntry>)
    .filter(([name, entry]) => !name.includes("<") && entry.kinds.includes("kpi"))
    .map(([name]) => name);
}

/** True when `name` is a KPI of the catalogue (an exact name, a pattern's instance or a `level.<n>.<kpi>`). */
export function isCatalogueKpi(name: string): boolean {
  const match = parseMetricName(name);
  return match !== undefined && (match.level !== undefined || match.entry.kinds.includes("kpi"));
}

/**
 * Parses a comma-separated list of KPI names (duplicates dropped, order kept).
 * @throws InvalidArgumentError (exit 2) for an empty list or a name that is not a KPI of the catalogue
 */
export function parseKpiNames(raw: string): string[] {
  const names = [
    ...new Set(
      raw
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== ""),
    ),
  ];
  if (names.length === 0)
    throw new InvalidArgumentError("KPI list is empty (e.g. --kpi roi,timeToMarketDays)");
  for (const name of names) {
    if (isCatalogueKpi(name)) continue;
    const known = catalogueKpiNames();
    const close = suggest(name, known);
    throw new InvalidArgumentError(
      close === undefined
        ? `"${name}" is not a KPI of the model; KPIs: ${known.join(", ")}`
        : `"${name}" is not a KPI of the model; did you mean "${close}"?`,
    );
  }
  return names;
}

/** `--kpi` names a KPI the sweep file's `kpis:` does not keep (so no point would report it). */
export function kpisDroppedBySweep(
  file: string,
  dropped: readonly string[],
  kept: readonly string[],
): string {
  return `--kpi ${dropped.join(",")}: ${file} keeps only kpis: [${kept.join(", ")}]; add ${dropped.length === 1 ? "it" : "them"} there or choose among them`;
}

/** Warning for KPIs asked that no point of the sweep reports (the base scenario does not produce them). */
export function kpisNotReported(missing: readonly string[]): string {
  return `warning: no point reports ${missing.join(", ")} (the base scenario does not produce ${missing.length === 1 ? "it" : "them"}); the report shows the other KPIs`;
}
