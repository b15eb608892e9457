/**
 * Golden tests on the data the run charts carry: every value is checked against the fixture it came from.
 */
import { describe, expect, it } from "vitest";
import { buildKpiTiles, buildRunCharts } from "../../reports/index.ts";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import { withoutPlatform } from "../fixtures/reports/variants.ts";
import { makeRunSummary, RUN_SUMMARY } from "../fixtures/run-summary.ts";
import { chart, rows } from "./spec-rows.ts";

type AnySpec = Record<string, unknown>;

const charts = buildRunCharts(RUN_SUMMARY);
const s = RUN_SUMMARY;

describe("buildRunCharts on the fixture", () => {
  it("draws every chart of the run report, in reading order", () => {
    expect(charts.map((c) => c.id)).toEqual([
      "kpi-tiles",
      "delivered-fan",
      "reach",
      "time-to-market",
      "lead-time",
      "value-vs-cost",
      "roi-distribution",
      "cost-by-category",
      "utilisation",
      "maturity",
      "maturity-levels",
      "cluster-capacity",
      "serving",
      "tiers",
      "chargeback",
      "tenant-monthly-cost",
      "portfolio-mix",
    ]);
  });

  it("is pure: the same summary gives the same specs, and the summary is not modified", () => {
    const before = JSON.stringify(s);
    expect(JSON.stringify(buildRunCharts(s))).toBe(JSON.stringify(charts));
    expect(JSON.stringify(s)).toBe(before);
  });

  it("delivered fan carries P10, P50, P90 of deliveredCumulative for every month", () => {
    const data = rows(chart(charts, "delivered-fan").spec);
    const series = s.series.deliveredCumulative!;
    expect(data).toHaveLength(36);
    for (const m of [0, 12, 35]) {
      const row = data.find((r) => r.month === m)!;
      expect(row.p10).toBe(series.p10[m]);
      expect(row.p50).toBe(series.p50[m]);
      expect(row.p90).toBe(series.p90[m]);
    }
    expect(JSON.stringify(chart(charts, "delivered-fan").spec)).toContain('"title":"Month"');
  });

  it("time to market carries the histogram as shares and marks P50, P80, P95", () => {
    const data = rows(chart(charts, "time-to-market").spec);
    const sample = s.samples.timeToMarketDays!;
    const bins = data.filter((r) => "x0" in r);
    expect(bins).toHaveLength(sample.histogram.counts.length);
    const total = sample.histogram.counts.reduce((a, b) => a + b, 0);
    expect(bins[4]!.share).toBeCloseTo((100 * sample.histogram.counts[4]!) / total, 10);
    expect(bins.reduce((a, r) => a + (r.share as number), 0)).toBeCloseTo(100, 8);
    const markers = data.filter((r) => "percentile" in r);
    expect(markers.map((m) => [m.percentile, m.value])).toEqual(
      expect.arrayContaining([
        ["P50", sample.p50],
        ["P80", sample.p80],
        ["P95", sample.p95],
      ]),
    );
    expect(markers.find((m) => m.percentile === "P50")!.text).toBe("P50 95 d");
  });

  it("reach carries P(delivered >= N) in percent for each threshold and month", () => {
    const data = rows(chart(charts, "reach").spec).filter((r) => "threshold" in r);
    expect(data).toHaveLength(s.reach.thresholds.length * 36);
    const row = data.find((r) => r.threshold === "≥ 25" && r.month === 20)!;
    expect(row.probability).toBeCloseTo(100 * s.reach.probability[1]![20]!, 10);
  });

  it("utilisation is drawn in percent for hub, spokes and cluster", () => {
    const data = rows(chart(charts, "utilisation").spec);
    expect(new Set(data.map((r) => r.series))).toEqual(new Set(["Hub", "Spokes", "Cluster"]));
    const hub = data.find((r) => r.series === "Hub" && r.month === 10)!;
    expect(hub.p50).toBeCloseTo(100 * s.series.hubUtilisation!.p50[10]!, 10);
  });

  it("cost by category stacks the monthly means of the six ledger categories", () => {
    const data = rows(chart(charts, "cost-by-category").spec);
    expect(data).toHaveLength(6 * 36);
    const month5 = data.filter((r) => r.month === 5);
    const expected = ["people", "compute", "serving", "tiers", "platform", "investment"].reduce(
      (a, c) => a + s.series[`cost.${c}`]!.mean[5]!,
      0,
    );
    expect(month5.reduce((a, r) => a + (r.cost as number), 0)).toBeCloseTo(expected, 6);
    expect(month5.find((r) => r.category === "Investment")!.cost).toBe(s.series["cost.investment"]!.mean[5]);
  });

  it("value against cost carries both cumulative series", () => {
    const data = rows(chart(charts, "value-vs-cost").spec);
    const value = data.find((r) => r.series === "Cumulative value" && r.month === 35)!;
    const cost = data.find((r) => r.series === "Cumulative cost" && r.month === 35)!;
    expect(value.p50).toBe(s.series.cumulativeValue!.p50[35]);
    expect(cost.p90).toBe(s.series.cumulativeCost!.p90[35]);
  });

  it("ROI distribution carries the KPI's percentiles and marks break-even at 1", () => {
    const data = rows(chart(charts, "roi-distribution").spec);
    const roi = s.kpis.roi!;
    const box = data.find((r) => "p25" in r)!;
    expect([box.p5, box.p25, box.p50, box.p75, box.p95]).toEqual([
      roi.p5,
      roi.p25,
      roi.p50,
      roi.p75,
      roi.p95,
    ]);
    expect(data.some((r) => r.value === 1 && r.text === "break-even")).toBe(true);
  });

  it("results per maturity level carry each level's median and P10-P90", () => {
    const data = rows(chart(charts, "maturity-levels").spec);
    const ttm3 = data.find((r) => r.kpi === "timeToMarketDays" && r.level === "L3")!;
    const k = s.kpis["level.3.timeToMarketDays"]!;
    expect([ttm3.p10, ttm3.p50, ttm3.p90]).toEqual([k.p10, k.p50, k.p90]);
    const success2 = data.find((r) => r.kpi === "successRate" && r.level === "L2")!;
    expect(success2.p50).toBeCloseTo(100 * s.kpis["level.2.successRate"]!.p50, 10);
    // panels are titled with the catalogue's label of the KPI, not of one level's breakdown
    const titles = JSON.stringify(chart(charts, "maturity-levels").spec);
    expect(titles).toContain('"text":"Time to market"');
    expect(titles).not.toContain("Level 3:");
  });

  it("tiers carry cost per tier and availability against the SLA targets of meta.slaTargets", () => {
    const data = rows(chart(charts, "tiers").spec);
    const goldCost = data.find((r) => r.tier === "Gold" && "mean" in r)!;
    expect(goldCost.p50).toBe(s.kpis["tierCost.Gold"]!.p50);
    const avail = data.filter((r) => "targetText" in r);
    const byTier = Object.fromEntries(avail.map((r) => [r.tier, r]));
    expect(byTier.Bronze!.target).toBeNull();
    expect(byTier.Bronze!.met).toBe("no target");
    expect(byTier.Silver!.target).toBe(99.5);
    expect(byTier.Silver!.met).toBe("met");
    expect(byTier.Platinum!.target).toBe(99.99);
    expect(byTier.Platinum!.met).toBe("missed");
    // tiers.availability.<tier> is a ratio (unit "ratio"), drawn in percent
    expect(byTier.Gold!.p50).toBeCloseTo(100 * s.kpis["tiers.availability.Gold"]!.p50, 10);
    expect(byTier.Gold!.p50).toBeCloseTo(99.93, 10);
  });

  it("tier SLA targets are those of meta.slaTargets; a tier without one is best effort", () => {
    const noTargets = buildRunCharts(makeRunSummary({ slaTargets: {} }));
    const avail = rows(chart(noTargets, "tiers").spec).filter((r) => "targetText" in r);
    expect(avail.length).toBeGreaterThan(0);
    for (const r of avail) expect([r.target, r.met]).toEqual([null, "no target"]);
    expect(new Set(avail.map((r) => r.tier))).toEqual(new Set(["Bronze", "Silver", "Gold", "Platinum"]));
    const custom = makeRunSummary();
    custom.meta.slaTargets = { Gold: 99.95 };
    const customRows = rows(chart(buildRunCharts(custom), "tiers").spec).filter((r) => "targetText" in r);
    expect(customRows.find((r) => r.tier === "Gold")!.met).toBe("missed");
  });

  it("chargeback lists every tenant's mean cost, largest first, with shares summing to 100%", () => {
    const data = rows(chart(charts, "chargeback").spec);
    expect(data.map((r) => r.tenant)).toEqual(["retail-eu", "retail-us", "finance", "operations"]);
    expect(data[0]!.mean).toBe(s.kpis["tenantCost.retail-eu"]!.mean);
    expect(data.reduce((a, r) => a + (r.share as number), 0)).toBeCloseTo(100, 8);
  });

  it("portfolio mix carries the deviation from the target mix, with the balance alerts in the subtitle", () => {
    const spec = chart(charts, "portfolio-mix").spec as unknown as AnySpec;
    const data = rows(spec);
    const deviation = s.series.mixDeviationPoints!;
    const row = data.find((r) => r.month === 12)!;
    expect([row.p10, row.p50, row.p90]).toEqual([deviation.p10[12], deviation.p50[12], deviation.p90[12]]);
    const alerts = s.kpis.balanceAlerts!;
    expect((spec.title as { subtitle: string }).subtitle).toBe(
      `Balance alerts over the horizon: P50 4 (P10–P90 ${alerts.p10.toFixed(1)}–${alerts.p90.toFixed(1)})`,
    );
  });

  it("KPI tiles show P50 and the P10-P90 range of the headline KPIs", () => {
    const tiles = buildKpiTiles(s);
    const roi = tiles.find((t) => t.name === "roi")!;
    expect(roi.p50).toBe(s.kpis.roi!.p50);
    expect(roi.p50Text).toMatch(/×$/);
    const cost = tiles.find((t) => t.name === "cost.total")!;
    expect(cost.p50Text).toBe("$21.5M");
    const delivered = tiles.find((t) => t.name === "deliveredPerYear")!;
    expect([delivered.p50Text, delivered.p50Unit]).toEqual(["23.3", "projects/year"]);
    expect(delivered.rangeText).toBe("19.3 – 27.3 projects/year");
    expect(tiles.length).toBeLessThanOrEqual(8);
  });
});

describe("charts whose data is absent are omitted, not drawn empty", () => {
  it("a run without platform has no cluster, serving, tier or chargeback chart", () => {
    const ids = buildRunCharts(withoutPlatform()).map((c) => c.id);
    expect(ids).not.toContain("cluster-capacity");
    expect(ids).not.toContain("serving");
    expect(ids).not.toContain("tiers");
    expect(ids).not.toContain("chargeback");
    expect(ids).toContain("delivered-fan");
  });

  it("an empty summary gives no chart at all", () => {
    const empty: RunSummary = {
      ...RUN_SUMMARY,
      kpis: {},
      series: {},
      samples: {},
      reach: { series: "deliveredCumulative", thresholds: [], probability: [] },
      costRows: [],
    };
    expect(buildRunCharts(empty)).toEqual([]);
  });

  it("no drawn chart carries an empty data set", () => {
    for (const summary of [RUN_SUMMARY, withoutPlatform()]) {
      for (const c of buildRunCharts(summary)) expect(rows(c.spec).length, c.id).toBeGreaterThan(0);
    }
  });
});
