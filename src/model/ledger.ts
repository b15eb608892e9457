/**
 * The monthly cost ledger every part of the model posts to (MODEL.md section 6).
 * One posting becomes one FOCUS cost row; totals by month, category and tenant are derived from the rows.
 */
import { TRANSFER_PRICE_CATEGORIES } from "./metrics.ts";
import { allocateSharedRows, type SharedAllocation } from "./platform/chargeback-shared.ts";
import type { CostRow } from "./result.ts";

/** Cost categories of the ledger, in display order. */
export const COST_CATEGORIES = ["people", "compute", "serving", "tiers", "platform", "investment"] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/**
 * The two views of cost. The enterprise view is what the enterprise spends (people, infrastructure, vendors,
 * investments): ROI, NPV and cost.total use it. The chargeback view is what business units are billed: every
 * row, tier fees included as transfer prices (they fund serving and hub people the enterprise view already holds).
 */
export type CostView = "enterprise" | "chargeback";

/** Whether category `category` counts in view `view` (transfer prices count only in the chargeback view). */
export function inCostView(category: string, view: CostView): boolean {
  return view === "chargeback" || !TRANSFER_PRICE_CATEGORIES.includes(category);
}

/** The categories of the enterprise view, in display order. */
export const ENTERPRISE_CATEGORIES: readonly CostCategory[] = COST_CATEGORIES.filter((c) =>
  inCostView(c, "enterprise"),
);

/** What a model component posts. `listCost` defaults to `cost` (no discount). */
export interface Posting {
  month: number;
  category: CostCategory;
  /** FOCUS ServiceName, e.g. "Compute cluster eu", "Hub staff". */
  service: string;
  /** FOCUS ServiceCategory, e.g. "Compute", "AI and Machine Learning", "Labor". */
  serviceCategory: string;
  /** Tenant (FOCUS SubAccountId); SHARED_TENANT (metrics.ts) for costs allocated at the end (`allocateShared`). */
  tenant: string;
  resourceId: string;
  cost: number;
  listCost?: number;
  quantity: number;
  unit: string;
  pricing?: CostRow["pricingCategory"];
}

/** Number of categories: the width of a month's slice of the running totals. */
const CATEGORY_COUNT = COST_CATEGORIES.length;

/** Position of each category in {@link COST_CATEGORIES} (a lookup per row, not a scan). */
const CATEGORY_INDEX: ReadonlyMap<string, number> = new Map(COST_CATEGORIES.map((c, i) => [c, i]));

/** Index of a category in {@link COST_CATEGORIES}. @throws RangeError for a name that is not a category */
function categoryIndex(category: string): number {
  const i = CATEGORY_INDEX.get(category);
  if (i === undefined)
    throw new RangeError(`unknown cost category "${category}"; allowed: ${COST_CATEGORIES.join(", ")}`);
  return i;
}

/**
 * Append-only ledger of cost rows with running totals per month and category. The totals sit in one flat array
 * indexed by month and category index (no key string per row); each total adds its rows in posting order.
 */
export class Ledger {
  readonly rows: CostRow[] = [];
  /** Running totals, `month * CATEGORY_COUNT + category index`; grown by doubling, zeros where nothing was posted. */
  #totals = new Float64Array(CATEGORY_COUNT * 64);

  /** Add `cost` to the total of `month` and category `category` (index), growing the array when needed. */
  #add(month: number, category: number, cost: number): void {
    const at = month * CATEGORY_COUNT + category;
    if (at >= this.#totals.length) {
      let length = this.#totals.length * 2;
      while (at >= length) length *= 2;
      const grown = new Float64Array(length);
      grown.set(this.#totals);
      this.#totals = grown;
    }
    this.#totals[at]! += cost;
  }

  /** Record one cost. @throws RangeError when cost is not finite, month is not an integer >= 0 or category unknown. */
  post(p: Posting): void {
    this.postCost(
      p.month,
      p.category,
      p.service,
      p.serviceCategory,
      p.tenant,
      p.resourceId,
      p.cost,
      p.listCost ?? p.cost,
      p.quantity,
      p.unit,
      p.pricing ?? "Standard",
    );
  }

  /**
   * {@link post} with the posting's fields as arguments (`listCost` and `pricing` given): for posters of many
   * rows, which then build no posting object. @throws RangeError as `post`
   */
  postCost(
    month: number,
    category: CostCategory,
    service: string,
    serviceCategory: string,
    tenant: string,
    resourceId: string,
    cost: number,
    listCost: number,
    quantity: number,
    unit: string,
    pricing: CostRow["pricingCategory"],
  ): void {
    if (!Number.isFinite(cost)) throw new RangeError(`cost must be finite, got ${cost}`);
    if (!(month >= 0 && Number.isInteger(month)))
      throw new RangeError(`month must be an integer >= 0, got ${month}`);
    const index = categoryIndex(category);
    this.rows.push({
      month,
      billedCost: cost,
      effectiveCost: cost,
      listCost,
      serviceCategory,
      serviceName: service,
      resourceId,
      subAccountId: tenant,
      consumedQuantity: quantity,
      consumedUnit: unit,
      pricingCategory: pricing,
      xCostCategory: category,
    });
    this.#add(month, index, cost);
  }

  /**
   * Allocate the shared and left-over idle rows to tenants (chargeback-shared.ts), in place; the totals by month
   * and category are recomputed from the rows, so they hold the allocated cents.
   */
  allocateShared(allocation: SharedAllocation): void {
    const rows = this.rows;
    allocateSharedRows(rows, allocation);
    this.#totals.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      this.#add(row.month, categoryIndex(row.xCostCategory), row.billedCost);
    }
  }

  /** Total cost of one category in one month (0 when nothing was posted). */
  total(month: number, category: CostCategory): number {
    const at = month * CATEGORY_COUNT + categoryIndex(category);
    return at >= 0 && at < this.#totals.length ? this.#totals[at]! : 0;
  }

  /** Total of all categories of `view` in one month (default: the chargeback view, every category). */
  monthTotal(month: number, view: CostView = "chargeback"): number {
    let sum = 0;
    for (const c of COST_CATEGORIES) if (inCostView(c, view)) sum += this.total(month, c);
    return sum;
  }
}
