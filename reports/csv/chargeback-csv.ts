/**
 * chargeback.csv: what each tenant is charged, per month and cost category (the mean FOCUS cost rows across
 * replications, summed by sub-account, which is the tenant, month and ledger category: MODEL.md section 4), in the
 * long shape a spreadsheet pivots: one line per (tenant, month, category).
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import { IDLE_TENANT } from "../metric-names.ts";
import { toCsv } from "./csv-format.ts";
import { monthStart } from "./focus-csv.ts";

/** Columns of chargeback.csv. */
export const CHARGEBACK_CSV_HEADER = [
  "tenant",
  "month",
  "monthStart",
  "category",
  "meanBilledCost",
  "currency",
] as const;

/** Mean cost of one tenant in one month and category. */
export interface TenantMonthCost {
  tenant: string;
  month: number;
  category: string;
  cost: number;
}

/**
 * Mean billed cost by (tenant, month, category), sorted by tenant (code-unit order, idle capacity last), month
 * and category; zero amounts are kept (a row of the ledger said so).
 */
export function tenantMonthCosts(summary: RunSummary): TenantMonthCost[] {
  const sums = new Map<string, TenantMonthCost>();
  for (const row of summary.costRows) {
    const key = `${row.subAccountId}\u0000${row.month}\u0000${row.xCostCategory}`;
    const found = sums.get(key);
    if (found === undefined)
      sums.set(key, {
        tenant: row.subAccountId,
        month: row.month,
        category: row.xCostCategory,
        cost: row.billedCost,
      });
    else found.cost += row.billedCost;
  }
  const idleLast = (tenant: string): number => (tenant === IDLE_TENANT.name ? 1 : 0);
  return [...sums.values()].sort(
    (a, b) =>
      idleLast(a.tenant) - idleLast(b.tenant) ||
      (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : 0) ||
      a.month - b.month ||
      (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
  );
}

/** chargeback.csv of a run. */
export function buildChargebackCsv(summary: RunSummary): string {
  const { startDate, currency } = summary.meta;
  return toCsv(
    CHARGEBACK_CSV_HEADER,
    tenantMonthCosts(summary).map((r) => [
      r.tenant,
      r.month,
      monthStart(startDate, r.month),
      r.category,
      r.cost,
      currency,
    ]),
  );
}
