import { describe, expect, it } from "vitest";
import { CostRowIndex } from "../../src/montecarlo/cost-row-index.ts";
import type { CostRow } from "../../src/montecarlo/types.ts";

const base: CostRow = {
  month: 3,
  billedCost: 1,
  effectiveCost: 1,
  listCost: 1,
  serviceCategory: "AI and Machine Learning",
  serviceName: "Serving",
  resourceId: "cluster-a",
  subAccountId: "tenant-a",
  consumedQuantity: 2,
  consumedUnit: "Hours",
  pricingCategory: "Standard",
  xCostCategory: "compute",
};

describe("CostRowIndex", () => {
  it("identifies a row by month, service, resource, sub-account and cost category only", () => {
    const index = new CostRowIndex();
    expect(index.get(base)).toBe(-1);
    index.set(base, 7);
    // amounts and other descriptive columns are not part of the identity
    const other: CostRow = { ...base, billedCost: 99, consumedUnit: "GB", pricingCategory: "Committed" };
    expect(index.get(other)).toBe(7);
    const variants: CostRow[] = [
      { ...base, month: 4 },
      { ...base, serviceName: "Training" },
      { ...base, resourceId: "cluster-b" },
      { ...base, subAccountId: "tenant-b" },
      { ...base, xCostCategory: "serving" },
    ];
    variants.forEach((row, i) => {
      expect(index.get(row)).toBe(-1);
      index.set(row, i);
    });
    expect(variants.map((row) => index.get(row))).toEqual([0, 1, 2, 3, 4]);
    expect(index.get(base)).toBe(7);
  });
});
