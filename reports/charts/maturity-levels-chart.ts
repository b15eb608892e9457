/**
 * Results per maturity level side by side: for each KPI broken down by level (`level.<n>.<kpi>`), the median per
 * level with its P10-P90 range, one small panel per KPI.
 */
import type { TopLevelSpec } from "vega-lite";
import { metricInfo } from "../../src/model/metrics.ts";
import type { KpiSummary, RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { PANEL_HEIGHT, PANEL_WIDTH } from "../chart-theme.ts";
import { shortLabel } from "../metric-label.ts";
import { LEVEL_KPIS, MAX_LEVEL_PANELS, parseLevelKpi } from "../metric-names.ts";
import { tooltipFormat, toPercent, valueKind } from "../metric-units.ts";
import { frame, valueAxis } from "../spec-parts.ts";

const LEVEL_COLOURS = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

/** Short y-axis title of a panel (the panel title already names the KPI): the unit alone. */
function unitTitle(unit: string, currency: string): string {
  const kind = valueKind(unit);
  if (kind === "money") return currency;
  if (kind === "share" || kind === "percent") return "%";
  if (kind === "multiple") return "×";
  return unit;
}

/** Per-level small multiples; undefined when no `level.<n>.<kpi>` KPI is present. */
export function buildMaturityLevelsChart(summary: RunSummary): ChartSpec | undefined {
  const byKpi = new Map<string, { level: number; kpi: KpiSummary }[]>();
  for (const [name, kpi] of Object.entries(summary.kpis)) {
    const parsed = parseLevelKpi(name);
    if (parsed === undefined || !Number.isFinite(kpi.p50)) continue;
    const list = byKpi.get(parsed.kpi) ?? [];
    list.push({ level: parsed.level, kpi });
    byKpi.set(parsed.kpi, list);
  }
  if (byKpi.size === 0) return undefined;
  const preferred = LEVEL_KPIS.filter((k) => byKpi.has(k));
  const chosen = (preferred.length > 0 ? preferred : [...byKpi.keys()]).slice(0, MAX_LEVEL_PANELS);
  const levels = [...new Set([...byKpi.values()].flat().map((e) => e.level))].sort((a, b) => a - b);
  const levelDomain = levels.map((l) => `L${l}`);
  const currency = summary.meta.currency;
  const panels = chosen.map((kpiName) => {
    const entries = byKpi.get(kpiName)!;
    entries.sort((a, b) => a.level - b.level);
    const first = entries[0]!.kpi;
    // the catalogue's label of the KPI itself, not of its level breakdown ("Level 3: ...")
    const label = metricInfo(kpiName).label;
    const kind = valueKind(first.unit);
    const values = entries.map(({ level, kpi }) => ({
      kpi: kpiName,
      level: `L${level}`,
      p10: toPercent(kpi.p10, kpi.unit),
      p50: toPercent(kpi.p50, kpi.unit),
      p90: toPercent(kpi.p90, kpi.unit),
    }));
    const y = {
      type: "quantitative",
      title: unitTitle(first.unit, currency),
      axis: valueAxis(kind),
    };
    const x = {
      field: "level",
      type: "ordinal",
      title: "Maturity level",
      scale: { domain: levelDomain },
      axis: { labelAngle: 0 },
    };
    return {
      title: { text: shortLabel(label), fontSize: 12, limit: PANEL_WIDTH + 50 },
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      data: { values },
      layer: [
        {
          mark: { type: "bar", width: { band: 0.6 } },
          encoding: {
            x,
            y: { ...y, field: "p50" },
            color: {
              field: "level",
              type: "ordinal",
              scale: { domain: levelDomain, range: LEVEL_COLOURS.slice(-levelDomain.length) },
              legend: null,
            },
            tooltip: [
              { field: "level", type: "nominal", title: "Level" },
              { field: "p50", type: "quantitative", title: "P50", format: tooltipFormat(kind) },
              { field: "p10", type: "quantitative", title: "P10", format: tooltipFormat(kind) },
              { field: "p90", type: "quantitative", title: "P90", format: tooltipFormat(kind) },
            ],
          },
        },
        {
          mark: { type: "rule", color: "#333" },
          encoding: { x, y: { ...y, field: "p10" }, y2: { field: "p90" } },
        },
      ],
    };
  });
  const title = "Results per maturity level";
  const spec = {
    ...frame(title, "Median per level; whiskers show P10–P90"),
    columns: 4,
    concat: panels,
  } as unknown as TopLevelSpec;
  return {
    id: "maturity-levels",
    title,
    guide:
      "Each panel compares one result across maturity levels: bars are medians, whiskers the P10–P90 range.",
    spec,
    wide: true,
  };
}
