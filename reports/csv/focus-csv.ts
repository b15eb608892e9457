/**
 * FOCUS cost rows CSV (FinOps Open Cost and Usage Specification 1.x column names,
 * https://focus.finops.org/focus-specification/): one line per mean cost row of a run. Charge periods are whole
 * months counted from `meta.startDate`, as ISO 8601 UTC date-times, end exclusive.
 */
import type { CostRow, RunSummary } from "../../src/montecarlo/types.ts";
import { toCsv } from "./csv-format.ts";

/** Columns of the FOCUS CSV. */
export const FOCUS_CSV_HEADER = [
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "BillingCurrency",
  "ServiceCategory",
  "ServiceName",
  "ResourceId",
  "SubAccountId",
  "ConsumedQuantity",
  "ConsumedUnit",
  "PricingCategory",
  "x_CostCategory",
] as const;

/**
 * Start of month `month` counted from `startDate` (yyyy-mm-dd), as `yyyy-mm-ddT00:00:00Z`; the day is clamped
 * to the length of the target month (Jan 31 + 1 month = Feb 28/29).
 * @throws RangeError when startDate is not yyyy-mm-dd or month is not a non-negative integer.
 */
export function monthStart(startDate: string, month: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
  if (match === null) throw new RangeError(`startDate must be yyyy-mm-dd, got ${startDate}`);
  if (!Number.isInteger(month) || month < 0)
    throw new RangeError(`month must be an integer >= 0, got ${month}`);
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1 + month;
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10)}T00:00:00Z`;
}

/** Fields of one cost row in FOCUS_CSV_HEADER order. */
export function focusCsvRow(row: CostRow, startDate: string, currency: string): Array<string | number> {
  return [
    monthStart(startDate, row.month),
    monthStart(startDate, row.month + 1),
    row.billedCost,
    row.effectiveCost,
    row.listCost,
    currency,
    row.serviceCategory,
    row.serviceName,
    row.resourceId,
    row.subAccountId,
    row.consumedQuantity,
    row.consumedUnit,
    row.pricingCategory,
    row.xCostCategory,
  ];
}

/** FOCUS CSV of a run's mean cost rows, in the summary's row order. */
export function buildFocusCsv(summary: RunSummary): string {
  const { startDate, currency } = summary.meta;
  return toCsv(
    FOCUS_CSV_HEADER,
    summary.costRows.map((r) => focusCsvRow(r, startDate, currency)),
  );
}
