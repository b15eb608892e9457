/**
 * Chargeback of shared platform costs to tenants, exact to the cent.
 *
 * Source: OpenCost cost allocation (opencost.io docs, "Cost allocation"; Kubecost Allocation API `shareIdle`):
 * a workload's cost is max(request, usage) x duration x rate; the cost of capacity nobody used (idle) is shared
 * in proportion to the allocated cost (shareIdle), evenly, or kept as its own `__idle__` allocation; shared
 * (overhead) costs are split by a stated method. Amounts are converted to integer cents and split with the
 * largest-remainder method (largest-remainder.ts), so the parts add up to the pool's total exactly.
 */
import { IDLE_TENANT, SHARED_TENANT } from "../metrics.ts";
import { apportionCentsInto, toCents } from "./largest-remainder.ts";

/** The catalogue's idle tenant (OpenCost's idle allocation name), re-exported for the chargeback's callers. */
export { IDLE_TENANT };

/** How idle cost is shared. */
export type IdleMethod = "usage" | "even" | "none";

/** Scratch space of the allocations (names, weights, parts), refilled by every call. */
const scratchNames: string[] = [];
const scratchWeights: number[] = [];
const scratchParts: number[] = [];
const idleParts: number[] = [];

/** Add `cents` to `name`'s entry of `result`. */
function addCents(result: Map<string, number>, name: string, cents: number): void {
  result.set(name, (result.get(name) ?? 0) + cents);
}

/**
 * Allocate one pool's cost for one period: each tenant's workload cost (usage), then the idle remainder by
 * `idle`. With `idle: "usage"` and no usage at all, idle stays with `__idle__`. Workload costs larger than the
 * total are scaled down to fit. Returns integer cents per tenant (including `__idle__` when non-zero) that sum
 * to `toCents(totalCost)` exactly.
 * @throws RangeError when totalCost or a usage is negative or not finite
 */
export function allocatePoolCents(
  totalCost: number,
  usageCost: ReadonlyMap<string, number>,
  tenants: readonly string[],
  idle: IdleMethod,
): Map<string, number> {
  if (!(totalCost >= 0 && Number.isFinite(totalCost)))
    throw new RangeError(`totalCost must be finite and >= 0, got ${totalCost}`);
  const total = toCents(totalCost);
  const names = scratchNames;
  // the usage weights followed by the idle cost: one apportionment for used and idle cents together
  const weights = scratchWeights;
  let n = 0;
  let used = 0;
  for (const name of usageCost.keys()) {
    const u = usageCost.get(name)!;
    if (!(u >= 0 && Number.isFinite(u)))
      throw new RangeError(`usage of ${name} must be finite and >= 0, got ${u}`);
    names[n] = name;
    weights[n] = u;
    n++;
    used += u;
  }
  weights[n] = Math.max(0, totalCost - used);
  const parts = scratchParts;
  apportionCentsInto(total, weights, n + 1, parts);
  const result = new Map<string, number>();
  for (let i = 0; i < n; i++) result.set(names[i]!, parts[i]!);
  const idleCents = parts[n]!;
  if (idleCents !== 0) {
    if (idle === "usage" && used > 0) {
      apportionCentsInto(idleCents, weights, n, idleParts);
      for (let i = 0; i < n; i++) addCents(result, names[i]!, idleParts[i]!);
    } else if (idle === "even" && tenants.length > 0) {
      for (let i = 0; i < tenants.length; i++) weights[i] = 1;
      apportionCentsInto(idleCents, weights, tenants.length, idleParts);
      for (let i = 0; i < tenants.length; i++) addCents(result, tenants[i]!, idleParts[i]!);
    } else {
      addCents(result, IDLE_TENANT, idleCents);
    }
  }
  for (const k of result.keys()) if (result.get(k) === 0) result.delete(k);
  return result;
}

/**
 * Split a fixed shared cost: evenly across tenants, by their share of `usageCost`, or by `weights`
 * (falling back to even when the chosen weights are all zero). Integer cents summing to `toCents(cost)`.
 * With method "none" or no tenant yet, the cost stays unallocated under SHARED_TENANT (the month's shared-cost
 * allocation, chargeback-shared.ts, takes it on unless the scenario says "none").
 */
export function allocateFixedCents(
  cost: number,
  tenants: readonly string[],
  method: "even" | "usage" | "weights" | "none",
  usageCost: ReadonlyMap<string, number>,
  weights: ReadonlyMap<string, number>,
): Map<string, number> {
  const result = new Map<string, number>();
  const total = toCents(cost);
  if (tenants.length === 0 || method === "none") {
    if (total !== 0) result.set(SHARED_TENANT, total);
    return result;
  }
  const w = scratchWeights;
  for (let i = 0; i < tenants.length; i++) {
    const t = tenants[i]!;
    w[i] = method === "even" ? 1 : method === "usage" ? (usageCost.get(t) ?? 0) : (weights.get(t) ?? 1);
  }
  const parts = scratchParts;
  apportionCentsInto(total, w, tenants.length, parts);
  for (let i = 0; i < tenants.length; i++) if (parts[i] !== 0) result.set(tenants[i]!, parts[i]!);
  return result;
}
