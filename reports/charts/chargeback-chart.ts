/**
 * Chargeback per tenant (OpenCost allocation, MODEL.md section 4): mean allocated cost with the P10-P90 range,
 * in the chargeback view (what units are billed: shared and idle cost allocated, tier fees as transfer prices).
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { MAIN_COLOUR } from "../chart-theme.ts";
import { IDLE_TENANT, KPI_PREFIXES, kpiFamily } from "../metric-names.ts";
import { frame, valueAxis } from "../spec-parts.ts";

/**
 * Tenants drawn one bar each; the rest share one "others" bar. A bar per tenant for a thousand tenants is
 * unreadable, and the sort order Vega-Lite compiles into one expression overflows Vega's expression parser.
 */
export const CHARGEBACK_TOP_TENANTS = 20;

/** One bar: a tenant, or the others summed (means add up; their P10/P90 do not, so "others" has no whisker). */
interface ChargebackRow {
  tenant: string;
  mean: number;
  p10?: number;
  p50?: number;
  p90?: number;
}

/** Chargeback chart; undefined when no `tenantCost.<tenant>` KPI is present. */
export function buildChargebackChart(summary: RunSummary): ChartSpec | undefined {
  const all: ChargebackRow[] = [...kpiFamily(summary.kpis, KPI_PREFIXES.tenantCost)].map(([name, k]) => ({
    tenant: name === IDLE_TENANT.name ? IDLE_TENANT.label : name,
    mean: k.mean,
    p10: k.p10,
    p50: k.p50,
    p90: k.p90,
  }));
  if (all.length === 0) return undefined;
  all.sort((a, b) => b.mean - a.mean || a.tenant.localeCompare(b.tenant));
  const rows = all.slice(0, CHARGEBACK_TOP_TENANTS);
  const rest = all.slice(CHARGEBACK_TOP_TENANTS);
  if (rest.length > 0)
    rows.push({ tenant: `${rest.length} other tenants`, mean: rest.reduce((s, r) => s + r.mean, 0) });
  const total = all.reduce((s, r) => s + r.mean, 0);
  const values = rows.map((r) => ({ ...r, share: total === 0 ? 0 : (100 * r.mean) / total }));
  const currency = summary.meta.currency;
  const order = values.map((r) => r.tenant);
  const y = { field: "tenant", type: "nominal", title: "Tenant", sort: order, axis: { labelLimit: 160 } };
  const x = {
    type: "quantitative",
    title: `Billed over the horizon, chargeback view (${currency})`,
    axis: valueAxis("money"),
  };
  const title = "Chargeback per tenant (chargeback view)";
  const spec = {
    ...frame(
      title,
      rest.length > 0
        ? `Mean billed cost, tier fees included as transfer prices; whiskers P10–P90; the ${CHARGEBACK_TOP_TENANTS} largest tenants, the rest summed`
        : "Mean billed cost, tier fees included as transfer prices; whiskers P10–P90",
    ),
    width: 520,
    height: Math.max(120, 22 * values.length),
    data: { values },
    layer: [
      {
        mark: { type: "bar", color: MAIN_COLOUR, height: { band: 0.65 } },
        encoding: {
          y,
          x: { ...x, field: "mean" },
          tooltip: [
            { field: "tenant", type: "nominal", title: "Tenant" },
            { field: "mean", type: "quantitative", title: `Mean (${currency})`, format: ",.0f" },
            { field: "p10", type: "quantitative", title: "P10", format: ",.0f" },
            { field: "p90", type: "quantitative", title: "P90", format: ",.0f" },
            { field: "share", type: "quantitative", title: "Share (%)", format: ".1f" },
          ],
        },
      },
      {
        mark: { type: "rule", color: "#333" },
        transform: [{ filter: "isValid(datum.p10)" }],
        encoding: { y, x: { ...x, field: "p10" }, x2: { field: "p90" } },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: "chargeback",
    title,
    guide:
      "What each tenant is charged for its share of the shared platform, largest first; whiskers show the P10–P90 range. Beyond the largest tenants, the others are one bar.",
    spec,
  };
}
