import { describe, expect, it } from "vitest";
import {
  type KpiName,
  metricFamily,
  metricInfo,
  parseMetricName,
  type SampleName,
  type SeriesName,
} from "../../src/model/metrics.ts";

describe("metricInfo", () => {
  it("describes plain KPIs with unit and better-direction", () => {
    expect(metricInfo("timeToMarketDays")).toEqual({
      label: "Time to market (approval to production)",
      unit: "days",
      better: "lower",
    });
    expect(metricInfo("deliveredPerYear").better).toBe("higher");
    expect(metricInfo("hubUtilisation").better).toBeUndefined();
    expect(metricInfo("roi")).toEqual({ label: "ROI (value / cost)", unit: "multiple", better: "higher" });
  });

  it("prefixes the level to the inner metric", () => {
    expect(metricInfo("level.3.successRate")).toEqual({
      label: "Level 3: Success rate (delivered / finished)",
      unit: "ratio",
      better: "higher",
    });
    expect(metricInfo("level.1.cost.people").label).toBe("Level 1: Cost: people");
    expect(metricInfo("level.2.months")).toEqual({ label: "Level 2: Months at this level", unit: "months" });
  });

  it("fills pattern parameters into labels; exact names win over patterns", () => {
    expect(metricInfo("cost.people")).toEqual({ label: "Cost: people", unit: "currency", better: "lower" });
    expect(metricInfo("cost.total").label).toBe("Total cost");
    expect(metricInfo("tenantCost.brand-7").label).toBe("Cost of tenant brand-7");
    expect(metricInfo("tenantCost.__idle__").label).toBe("Cost of idle capacity");
    expect(metricInfo("tierCost.Gold")).toEqual({
      label: "Tier fees: Gold",
      unit: "currency",
      better: "lower",
    });
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
    expect(metricInfo("tiers.breaches").label).toBe("SLA breaches");
    expect(metricInfo("tiers.breaches.Gold").label).toBe("SLA breaches on tier Gold");
  });

  it("describes a name outside the catalogue by the name alone, guessing nothing from its spelling", () => {
    expect(metricInfo("somethingUtilisation")).toEqual({ label: "somethingUtilisation", unit: "" });
    expect(metricInfo("chargeback.tenantCost.brand-1")).toEqual({
      label: "chargeback.tenantCost.brand-1",
      unit: "",
    });
    expect(metricInfo("cluster.maxNodes")).toEqual({ label: "cluster.maxNodes", unit: "" });
    // only the KPIs of the level breakdown exist per level
    expect(parseMetricName("level.2.tenantCost.a")).toBeUndefined();
    expect(parseMetricName("level.2.level.1.roi")).toBeUndefined();
  });
});

describe("parseMetricName", () => {
  it("returns the entry key and the pattern parameters", () => {
    const match = parseMetricName("tiers.dataLostHoursMean.Gold");
    expect(match?.key).toBe("tiers.dataLostHoursMean.<tier>");
    expect(match?.params).toEqual({ tier: "Gold" });
    expect(match?.entry.producer).toBe("tiers");
    const level = parseMetricName("level.4.cost.compute");
    expect(level?.key).toBe("cost.<category>");
    expect(level?.params).toEqual({ category: "compute", n: "4" });
    expect(level?.level).toBe(4);
  });
});

describe("metricFamily", () => {
  it("keys the names of one pattern by their parameter, leaving out other patterns and per-level names", () => {
    const names = ["tenantCost.b", "tierCost.Gold", "tenantCost.a.x", "level.1.cost.people", "cost.people"];
    expect([...metricFamily(names, "tenantCost.<tenant>")]).toEqual([
      ["b", "tenantCost.b"],
      ["a.x", "tenantCost.a.x"],
    ]);
    expect([...metricFamily(names, "cost.<category>")]).toEqual([["people", "cost.people"]]);
  });
});

describe("metric name types", () => {
  it("accept catalogued names and reject others at compile time", () => {
    const kpis: KpiName[] = ["roi", "level.3.cost.people", "tenantCost.retail", "effort.modelDev"];
    const series: SeriesName[] = ["deliveredCumulative", "cost.people"];
    const samples: SampleName[] = ["timeToMarketDays", "tierAvailability.Gold"];
    // @ts-expect-error: deliveredCumulative is a series, not a KPI
    const notKpi: KpiName = "deliveredCumulative";
    // @ts-expect-error: the phase must be a lifecycle phase
    const badPhase: KpiName = "effort.coding";
    // @ts-expect-error: the old name of cluster.peakNodes
    const oldName: KpiName = "cluster.maxNodes";
    expect(
      [...kpis, ...series, ...samples, notKpi, badPhase, oldName].every((n) => typeof n === "string"),
    ).toBe(true);
  });
});
