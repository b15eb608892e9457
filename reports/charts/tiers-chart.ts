/**
 * Service tiers (Pattern 6): cost per tier and simulated availability against each tier's SLA target.
 * Targets come from `meta.slaTargets`, which the model fills from the scenario's tier catalogue.
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { colourRange, PANEL_HEIGHT, REFERENCE_COLOUR, TIER_COLOURS } from "../chart-theme.ts";
import { KPI_PREFIXES, kpiFamily } from "../metric-names.ts";
import { percentFactor } from "../metric-units.ts";
import { frame, valueAxis } from "../spec-parts.ts";

/** Tier names in meta order, then any other tier found in the KPIs. */
function tierNames(summary: RunSummary, found: ReadonlySet<string>): string[] {
  return [
    ...summary.meta.tiers.filter((t) => found.has(t)),
    ...[...found].filter((t) => !summary.meta.tiers.includes(t)),
  ];
}

/** SLA target in percent for a tier, or undefined (best effort). */
export function slaTarget(summary: RunSummary, tier: string): number | undefined {
  return summary.meta.slaTargets[tier];
}

/** Tier cost and SLA chart; undefined when no `tierCost.<tier>` or `tiers.availability.<tier>` KPI is present. */
export function buildTiersChart(summary: RunSummary): ChartSpec | undefined {
  const costs = kpiFamily(summary.kpis, KPI_PREFIXES.tierCost);
  const availability = kpiFamily(summary.kpis, KPI_PREFIXES.tierAvailability);
  const tiers = tierNames(summary, new Set([...costs.keys(), ...availability.keys()]));
  if (tiers.length === 0) return undefined;
  const availFactor = percentFactor([...availability.values()][0]?.unit ?? "");
  const currency = summary.meta.currency;
  const colour = {
    field: "tier",
    type: "nominal",
    title: null,
    scale: { domain: tiers, range: colourRange(tiers, TIER_COLOURS) },
    legend: null,
  };
  const x = {
    field: "tier",
    type: "nominal",
    title: "Tier",
    scale: { domain: tiers },
    axis: { labelAngle: 0 },
  };
  const panels: unknown[] = [];
  const costRows = tiers.flatMap((tier) => {
    const k = costs.get(tier);
    return k === undefined ? [] : [{ tier, p10: k.p10, p50: k.p50, p90: k.p90, mean: k.mean }];
  });
  if (costRows.length > 0) {
    const y = { type: "quantitative", title: `Cost (${currency})`, axis: valueAxis("money") };
    panels.push({
      title: { text: "Cost per tier over the horizon", fontSize: 12 },
      width: 240,
      height: PANEL_HEIGHT + 40,
      data: { values: costRows },
      layer: [
        {
          mark: { type: "bar", width: { band: 0.6 } },
          encoding: {
            x,
            y: { ...y, field: "p50" },
            color: colour,
            tooltip: [
              { field: "tier", type: "nominal", title: "Tier" },
              { field: "p50", type: "quantitative", title: `P50 (${currency})`, format: ",.0f" },
              { field: "p10", type: "quantitative", title: "P10", format: ",.0f" },
              { field: "p90", type: "quantitative", title: "P90", format: ",.0f" },
            ],
          },
        },
        {
          mark: { type: "rule", color: "#333" },
          encoding: { x, y: { ...y, field: "p10" }, y2: { field: "p90" } },
        },
      ],
    });
  }
  const availRows = tiers.flatMap((tier) => {
    const k = availability.get(tier);
    if (k === undefined) return [];
    const target = slaTarget(summary, tier);
    const p50 = k.p50 * availFactor;
    return [
      {
        tier,
        p10: k.p10 * availFactor,
        p50,
        p90: k.p90 * availFactor,
        target: target ?? null,
        targetText: target === undefined ? "best effort" : `SLA ${target}%`,
        met: target === undefined ? "no target" : p50 >= target ? "met" : "missed",
      },
    ];
  });
  if (availRows.length > 0) {
    const lowest = Math.min(...availRows.flatMap((r) => [r.p10, r.target ?? r.p10]));
    const floor = Math.max(0, Math.floor((lowest - 0.05) * 10) / 10);
    const y = {
      type: "quantitative",
      title: "Availability (%)",
      scale: { domain: [floor, 100], nice: false, zero: false },
      axis: valueAxis("percent"),
    };
    const targets = availRows.filter((r) => r.target !== null);
    panels.push({
      title: { text: "Availability against SLA", fontSize: 12 },
      width: 240,
      height: PANEL_HEIGHT + 40,
      layer: [
        {
          data: { values: availRows },
          mark: { type: "rule", strokeWidth: 2 },
          encoding: { x, y: { ...y, field: "p10" }, y2: { field: "p90" }, color: colour },
        },
        {
          data: { values: availRows },
          mark: { type: "point", filled: true, size: 80 },
          encoding: {
            x,
            y: { ...y, field: "p50" },
            color: colour,
            tooltip: [
              { field: "tier", type: "nominal", title: "Tier" },
              { field: "p50", type: "quantitative", title: "Availability P50 (%)", format: ".3f" },
              { field: "p10", type: "quantitative", title: "P10 (%)", format: ".3f" },
              { field: "p90", type: "quantitative", title: "P90 (%)", format: ".3f" },
              { field: "targetText", type: "nominal", title: "Target" },
              { field: "met", type: "nominal", title: "Median vs SLA" },
            ],
          },
        },
        ...(targets.length === 0
          ? []
          : [
              {
                data: { values: targets },
                mark: { type: "tick", color: REFERENCE_COLOUR, thickness: 2, size: 36 },
                encoding: { x, y: { ...y, field: "target" } },
              },
            ]),
      ],
    });
  }
  const title = "Service tiers: cost and SLA attainment";
  const spec = {
    ...frame(title, "Bars and dots are medians, whiskers P10–P90; red ticks are the SLA targets"),
    hconcat: panels,
  } as unknown as TopLevelSpec;
  return {
    id: "tiers",
    title,
    guide:
      "Left: what each tier costs; right: simulated availability per tier, which meets its SLA when the dot sits above the red tick.",
    spec,
  };
}
