import { describe, expect, it } from "vitest";
import { StreamFactory } from "../../engine/index.ts";
import { COST_CATEGORIES, type CostCategory, Ledger } from "../../src/model/ledger.ts";
import { SHARED_TENANT } from "../../src/model/metrics.ts";
import type { CostRow } from "../../src/model/result.ts";

/** The plain rule the ledger's totals must equal: a map keyed by `month|category`, added in row order. */
function plainTotals(rows: readonly CostRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.month}|${row.xCostCategory}`;
    totals.set(key, (totals.get(key) ?? 0) + row.billedCost);
  }
  return totals;
}

function expectTotalsEqualPlain(ledger: Ledger, months: number): void {
  const plain = plainTotals(ledger.rows);
  for (let m = 0; m < months; m++)
    for (const c of COST_CATEGORIES) expect(ledger.total(m, c)).toBe(plain.get(`${m}|${c}`) ?? 0);
}

describe("Ledger running totals", () => {
  it("equal a map keyed by month and category, added in posting order, before and after shared allocation", () => {
    const next = new StreamFactory(17, 0).get("fixture");
    const ledger = new Ledger();
    // months far apart, so the flat totals grow several times; costs of mixed sign and scale, so that a
    // different order of addition would show in the last bits
    for (let i = 0; i < 3000; i++) {
      const month = Math.floor(next() ** 3 * 700);
      const category = COST_CATEGORIES[Math.floor(next() * COST_CATEGORIES.length)]! as CostCategory;
      const cost = (next() - 0.3) * 10 ** Math.floor(next() * 7) + next() / 3;
      ledger.post({
        month,
        category,
        service: "s",
        serviceCategory: "Compute",
        tenant: next() < 0.2 ? SHARED_TENANT : `t${Math.floor(next() * 3)}`,
        resourceId: "r",
        cost,
        quantity: 1,
        unit: "Hours",
      });
    }
    expectTotalsEqualPlain(ledger, 705);
    const before = ledger.rows.length;
    ledger.allocateShared({ tenants: ["t0", "t1", "t2"], shared: "even", idle: "usage", weights: new Map() });
    expect(ledger.rows.length).toBeGreaterThan(before);
    expect(ledger.rows.some((r) => r.subAccountId === SHARED_TENANT)).toBe(false);
    expectTotalsEqualPlain(ledger, 705);
    // the month total adds the categories in display order
    let sum = 0;
    for (const c of COST_CATEGORIES) sum += ledger.total(12, c);
    expect(ledger.monthTotal(12)).toBe(sum);
  });

  it("reads 0 where nothing was posted, including months beyond the last posting and negative ones", () => {
    const ledger = new Ledger();
    ledger.post({
      month: 2,
      category: "serving",
      service: "s",
      serviceCategory: "Compute",
      tenant: "a",
      resourceId: "r",
      cost: 1.25,
      quantity: 1,
      unit: "Hours",
    });
    expect(ledger.total(2, "serving")).toBe(1.25);
    expect(ledger.total(2, "compute")).toBe(0);
    expect(ledger.total(100_000, "serving")).toBe(0);
    expect(ledger.total(-1, "investment")).toBe(0);
  });

  it("rejects a fractional month and an unknown category with a RangeError naming the value", () => {
    const ledger = new Ledger();
    const posting = {
      month: 1,
      category: "serving" as CostCategory,
      service: "s",
      serviceCategory: "Compute",
      tenant: "a",
      resourceId: "r",
      cost: 1,
      quantity: 1,
      unit: "Hours",
    };
    expect(() => ledger.post({ ...posting, month: 1.5 })).toThrow(/month must be an integer >= 0, got 1.5/);
    expect(() => ledger.post({ ...posting, category: "travel" as CostCategory })).toThrow(
      /unknown cost category "travel"/,
    );
    expect(ledger.rows.length).toBe(0);
  });
});
