import { describe, expect, it } from "vitest";
import { metricInfo } from "../../src/model/metrics.ts";

describe("metricInfo", () => {
  it("describes plain KPIs with unit and better-direction", () => {
    expect(metricInfo("timeToMarketDays")).toEqual({
      label: "Time to market (approval to production)",
      unit: "days",
      better: "lower",
    });
    expect(metricInfo("deliveredPerYear").better).toBe("higher");
    expect(metricInfo("hubUtilisation").better).toBeUndefined();
  });

  it("prefixes the level to the inner metric", () => {
    const info = metricInfo("level.3.successRate");
    expect(info.label).toBe("Level 3: Success rate (delivered / finished)");
    expect(info.unit).toBe("ratio");
    expect(info.better).toBe("higher");
  });

  it("handles cost, tenant, tier, effort and platform prefixes", () => {
    expect(metricInfo("cost.people")).toEqual({ label: "Cost: people", unit: "currency", better: "lower" });
    expect(metricInfo("cost.total").label).toBe("Total cost");
    expect(metricInfo("tenantCost.brand-7").label).toBe("Cost of tenant brand-7");
    expect(metricInfo("tierCost.Gold").unit).toBe("currency");
    expect(metricInfo("effort.features")).toEqual({
      label: "Mean feature engineering effort",
      unit: "person-weeks",
      better: "lower",
    });
    expect(metricInfo("tiers.availability.Gold")).toEqual({
      label: "Availability on tier Gold",
      unit: "ratio",
      better: "higher",
    });
    expect(metricInfo("chargeback.tenantCost.brand-1").label).toBe("Charged to tenant brand-1");
    expect(metricInfo("level.2.tenantCost.a").label).toBe("Level 2: Cost of tenant a");
  });

  it("falls back to the name for unknown metrics and returns fresh objects", () => {
    expect(metricInfo("somethingElse")).toEqual({ label: "somethingElse", unit: "" });
    const a = metricInfo("roi");
    a.label = "changed";
    expect(metricInfo("roi").label).toBe("ROI (value / cost)");
  });
});
