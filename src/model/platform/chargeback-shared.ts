/**
 * Allocation of the month's shared cost to tenants, after the pools' own chargeback: cost the model posts as
 * shared (hub staff, roadmap investments) and idle cost no pool could share (a pool nobody used that month) are
 * split across the tenants by a stated method, in whole cents, so that by default no cost stays in a made-up
 * tenant.
 *
 * Source: OpenCost cost allocation (opencost/opencost core/pkg/opencost/allocation.go, `AllocationSet.AggregateBy`
 * and `computeShareCoeffs`; API doc https://opencost.io/docs/integrations/api, `shareIdle`, `shareCost`,
 * `shareSplit`). Shared costs are taken out first and split after idle sharing: `weighted` in proportion to each
 * tenant's own (non-shared) cost including its idle share, `even` one part per tenant. Here "usage" is OpenCost's
 * weighted split (the basis is the tenant's enterprise-view cost of the month: transfer prices are not usage),
 * "even" its even split, "weights" the platform's tenant weights, and "none" keeps the cost under
 * {@link SHARED_TENANT} (OpenCost keeps unshared cost as its own allocation). Idle cost left by a pool nobody
 * used (OpenCost step 10 keeps it as `__idle__`) is shared here like a shared cost unless idle sharing is "none":
 * that goes beyond OpenCost, so that only the user's choice leaves cost unallocated. Amounts are split with the
 * largest-remainder method (largest-remainder.ts): the parts add up to the row's cost in cents exactly.
 */
import { IDLE_TENANT, SHARED_TENANT, TRANSFER_PRICE_CATEGORIES } from "../metrics.ts";
import type { CostRow } from "../result.ts";
import type { IdleMethod } from "./chargeback.ts";
import { apportionCentsInto, toCents } from "./largest-remainder.ts";

/** How shared cost is allocated: by usage (OpenCost weighted), evenly, by tenant weights, or not at all. */
export type SharedMethod = "usage" | "even" | "weights" | "none";

/** What the allocation needs to know. */
export interface SharedAllocation {
  /** Tenants to charge, in order; tenants found in the rows but not listed are added after them. */
  tenants: readonly string[];
  /** Method for cost posted to {@link SHARED_TENANT}. */
  shared: SharedMethod;
  /** Method for cost left under {@link IDLE_TENANT} ("none" keeps it there). */
  idle: IdleMethod;
  /** Weights of the `weights` method (a tenant not listed weighs 1). */
  weights: ReadonlyMap<string, number>;
}

/** Whether `tenant` is one of the model's own labels rather than a tenant. */
function isReserved(tenant: string): boolean {
  return tenant === SHARED_TENANT || tenant === IDLE_TENANT;
}

/**
 * Replace, in place, every shared (and left-over idle) row of `rows` by one row per tenant carrying its share in
 * whole cents; quantity and list cost split in proportion; the other rows keep their order. A row whose cost
 * rounds to 0 cents goes whole to the tenant with the largest weight. Rows stay as they are when there is no
 * tenant or the method is "none".
 */
export function allocateSharedRows(rows: CostRow[], options: SharedAllocation): void {
  const tenants = [...options.tenants];
  // each row's tenant index (-1 for a reserved label), tenants found in the rows appended in row order
  const index = new Map<string, number>();
  for (let i = 0; i < tenants.length; i++) index.set(tenants[i]!, i);
  const rowTenant = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const t = rows[r]!.subAccountId;
    let i = index.get(t);
    if (i === undefined) {
      if (isReserved(t)) {
        rowTenant[r] = -1;
        continue;
      }
      i = tenants.length;
      index.set(t, i);
      tenants.push(t);
    }
    rowTenant[r] = i;
  }
  if (tenants.length === 0) return;
  const split: SplitWeights = {
    options,
    usage: usageBasis(rows, rowTenant, tenants.length),
    // the weights of the even and weights methods are the same for every row: built once
    even: tenants.map(() => 1),
    byWeight: tenants.map((t) => options.weights.get(t) ?? 1),
    tenants: tenants.length,
  };
  const parts: number[] = [];
  // In place, not into a new list (which grew by push to the size of the whole ledger): count the rows each
  // replaced row becomes, lengthen the list by the difference, then move the rows up from the end. Every row
  // lands at or above its own place, so no row is overwritten before it is read.
  const n = rows.length;
  let added = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    const weights = weightsOf(row, split);
    if (weights !== undefined) added += splitRow(row, tenants, weights, parts, undefined, 0) - 1;
  }
  for (let k = 0; k < added; k++) rows.push(rows[n - 1]!);
  let end = n + added;
  for (let r = n - 1; r >= 0; r--) {
    const row = rows[r]!;
    const weights = weightsOf(row, split);
    if (weights === undefined) rows[--end] = row;
    else end -= splitRow(row, tenants, weights, parts, rows, end);
  }
}

/** What the split weights of a row are chosen from. */
interface SplitWeights {
  options: SharedAllocation;
  /** Each tenant's own cost by month (the usage method). */
  usage: Map<number, Float64Array>;
  even: number[];
  byWeight: number[];
  tenants: number;
}

/** The weights `row` is split by, or undefined when it stays as it is. */
function weightsOf(row: CostRow, split: SplitWeights): ArrayLike<number> | undefined {
  const method = methodOf(row.subAccountId, split.options);
  if (method === undefined) return undefined;
  return method === "even"
    ? split.even
    : method === "weights"
      ? split.byWeight
      : usageOf(split.usage, row.month, split.tenants);
}

/** The method that applies to a row of `tenant`, or undefined when the row stays as it is. */
function methodOf(tenant: string, options: SharedAllocation): SharedMethod | undefined {
  if (tenant === SHARED_TENANT) return options.shared === "none" ? undefined : options.shared;
  if (tenant === IDLE_TENANT) return options.idle === "none" ? undefined : options.idle;
  return undefined;
}

/**
 * Each tenant's own enterprise-view cost per month (index = month), by tenant index; `rowTenant` holds each
 * row's tenant index (-1 for none).
 */
function usageBasis(
  rows: readonly CostRow[],
  rowTenant: Int32Array,
  tenants: number,
): Map<number, Float64Array> {
  const basis = new Map<number, Float64Array>();
  for (let r = 0; r < rows.length; r++) {
    const i = rowTenant[r]!;
    const row = rows[r]!;
    if (i < 0 || TRANSFER_PRICE_CATEGORIES.includes(row.xCostCategory)) continue;
    let month = basis.get(row.month);
    if (month === undefined) basis.set(row.month, (month = new Float64Array(tenants)));
    month[i]! += Math.max(0, row.billedCost);
  }
  return basis;
}

/** The usage weights of `month` (zeros for a month without tenant cost). */
function usageOf(basis: Map<number, Float64Array>, month: number, tenants: number): Float64Array {
  let weights = basis.get(month);
  if (weights === undefined) basis.set(month, (weights = new Float64Array(tenants)));
  return weights;
}

/**
 * The rows `row` becomes split by `weights` (all zero = even) over `tenants`: their number, and, with `out`,
 * written in tenant order just below `end`; `parts` is scratch space.
 */
function splitRow(
  row: CostRow,
  tenants: readonly string[],
  weights: ArrayLike<number>,
  parts: number[],
  out: CostRow[] | undefined,
  end: number,
): number {
  const total = toCents(row.billedCost);
  if (total === 0) {
    let best = 0;
    for (let i = 1; i < tenants.length; i++) if (weights[i]! > weights[best]!) best = i;
    if (out !== undefined) out[end - 1] = withTenant(row, tenants[best]!);
    return 1;
  }
  apportionCentsInto(total, weights, tenants.length, parts);
  let count = 0;
  for (let i = 0; i < tenants.length; i++) if (parts[i] !== 0) count++;
  if (out === undefined) return count;
  const listFactor = row.billedCost !== 0 ? row.listCost / row.billedCost : 1;
  const effectiveFactor = row.billedCost !== 0 ? row.effectiveCost / row.billedCost : 1;
  let at = end - count;
  for (let i = 0; i < tenants.length; i++) {
    const cents = parts[i]!;
    if (cents === 0) continue;
    const cost = cents / 100;
    // the row's columns in their order, written out: a spread copy per part costs more (`satisfies` makes a
    // column added to CostRow, even an optional one, a compile error here rather than a dropped value)
    out[at++] = {
      month: row.month,
      billedCost: cost,
      effectiveCost: cost * effectiveFactor,
      listCost: cost * listFactor,
      serviceCategory: row.serviceCategory,
      serviceName: row.serviceName,
      resourceId: row.resourceId,
      subAccountId: tenants[i]!,
      consumedQuantity: (row.consumedQuantity * cents) / total,
      consumedUnit: row.consumedUnit,
      pricingCategory: row.pricingCategory,
      xCostCategory: row.xCostCategory,
    } satisfies Required<CostRow>;
  }
  return count;
}

/** `row` charged to `tenant` instead. */
function withTenant(row: CostRow, tenant: string): CostRow {
  return { ...row, subAccountId: tenant };
}
