/**
 * Cost charged to each tenant per month, stacked (mean FOCUS cost rows across replications, grouped by the
 * sub-account, which is the tenant: MODEL.md section 4). Means add up, so the top edge is the mean monthly total.
 */
import type { TopLevelSpec } from "vega-lite";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { CATEGORICAL } from "../chart-theme.ts";
import { tenantMonthCosts } from "../csv/chargeback-csv.ts";
import { IDLE_TENANT } from "../metric-names.ts";
import { frame, monthX, SIZE, valueY } from "../spec-parts.ts";
import { CHARGEBACK_TOP_TENANTS } from "./chargeback-chart.ts";

/** Stacked monthly cost per tenant; undefined without cost rows or with a single tenant. */
export function buildTenantMonthlyCostChart(summary: RunSummary): ChartSpec | undefined {
  const byTenant = new Map<string, number[]>();
  const months = summary.meta.horizonMonths;
  for (const row of tenantMonthCosts(summary)) {
    let costs = byTenant.get(row.tenant);
    if (costs === undefined) {
      costs = new Array<number>(months).fill(0);
      byTenant.set(row.tenant, costs);
    }
    if (row.month >= 0 && row.month < months) costs[row.month]! += row.cost;
  }
  if (byTenant.size < 2) return undefined;
  const total = (costs: number[]): number => costs.reduce((a, b) => a + b, 0);
  const ranked = [...byTenant].sort(([a, x], [b, y]) => total(y) - total(x) || a.localeCompare(b));
  const shown = ranked.slice(0, CHARGEBACK_TOP_TENANTS);
  const rest = ranked.slice(CHARGEBACK_TOP_TENANTS);
  if (rest.length > 0) {
    const others = new Array<number>(months).fill(0);
    for (const [, costs] of rest) {
      costs.forEach((c, m) => {
        others[m]! += c;
      });
    }
    shown.push([`${rest.length} other tenants`, others]);
  }
  const label = (tenant: string): string => (tenant === IDLE_TENANT.name ? IDLE_TENANT.label : tenant);
  const domain = shown.map(([tenant]) => label(tenant));
  const rows = shown.flatMap(([tenant, costs], order) =>
    costs.map((cost, month) => ({ tenant: label(tenant), order, month, cost })),
  );
  const currency = summary.meta.currency;
  const title = "Monthly cost per tenant";
  const spec = {
    ...frame(
      title,
      rest.length > 0
        ? `Mean across replications; the ${CHARGEBACK_TOP_TENANTS} largest tenants, the rest summed`
        : "Mean across replications",
    ),
    ...SIZE,
    data: { values: rows },
    mark: { type: "area", interpolate: "linear", opacity: 0.9 },
    encoding: {
      x: monthX(months),
      y: valueY("cost", `Cost per month (${currency})`, "money", { stack: "zero" }),
      color: {
        field: "tenant",
        type: "nominal",
        title: null,
        // beyond the categorical palette, Tableau 20 keeps every tenant distinct (up to the 21 bars drawn)
        scale:
          domain.length <= CATEGORICAL.length
            ? { domain, range: domain.map((_, i) => CATEGORICAL[i]!) }
            : { domain, scheme: "tableau20" },
        sort: domain,
      },
      order: { field: "order", type: "quantitative" },
      tooltip: [
        { field: "tenant", type: "nominal", title: "Tenant" },
        { field: "month", type: "quantitative", title: "Month" },
        { field: "cost", type: "quantitative", title: `Mean cost (${currency})`, format: ",.0f" },
      ],
    },
  } as unknown as TopLevelSpec;
  return {
    id: "tenant-monthly-cost",
    title,
    guide:
      "Each layer is what one tenant is charged in a month (people, compute, serving, tiers, platform); chargeback.csv has the same by cost category.",
    spec,
  };
}
