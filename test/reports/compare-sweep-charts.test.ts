import { describe, expect, it } from "vitest";
import { buildCompareCharts, buildSweepCharts } from "../../reports/index.ts";
import { metricInfo } from "../../src/model/metrics.ts";
import type { CompareSummary } from "../../src/montecarlo/types.ts";
import { COMPARE_SUMMARY, makeCompareSummary } from "../fixtures/reports/compare-summary.ts";
import { deliveredSurface, SWEEP_SUMMARY } from "../fixtures/reports/sweep-summary.ts";
import { chart, rows } from "./spec-rows.ts";

describe("buildCompareCharts", () => {
  const charts = buildCompareCharts(COMPARE_SUMMARY);

  it("draws differences, probability of being better, overlaid KPIs, overlaid delivery and time to market", () => {
    expect(charts.map((c) => c.id)).toEqual([
      "compare-differences",
      "compare-probability-better",
      "compare-kpis",
      "compare-delivered",
      "compare-reach",
      "compare-cumulative-cost",
      "compare-cumulative-value",
      "compare-time-to-market",
    ]);
  });

  it("paired differences are relative to the baseline mean, with the CI and a verdict", () => {
    const data = rows(chart(charts, "compare-differences").spec).filter((r) => "verdict" in r);
    const d = COMPARE_SUMMARY.differences.find((x) => x.name === "deliveredPerYear")!;
    const row = data.find((r) => r.kpi === d.label)!;
    expect(row.relative).toBeCloseTo((100 * d.meanDifference) / d.meanBaseline, 10);
    expect(row.relLow).toBeCloseTo((100 * d.ciLow) / d.meanBaseline, 10);
    expect(row.verdict).toBe("better");
    const ttm = data.find((r) => r.kpi === metricInfo("timeToMarketDays").label)!;
    expect(ttm.verdict).toBe("better");
    const success = data.find((r) => r.kpi === metricInfo("successRate").label)!;
    expect(success.verdict).toBe("not distinguishable");
  });

  it("probability of being better is drawn in percent per KPI", () => {
    const data = rows(chart(charts, "compare-probability-better").spec).filter((r) => "probability" in r);
    expect(data.find((r) => r.kpi === "Projects delivered per year")!.probability).toBeCloseTo(97, 10);
  });

  it("overlaid distributions carry each scenario's percentiles", () => {
    const data = rows(chart(charts, "compare-kpis").spec);
    const alt = COMPARE_SUMMARY.scenarios[1]!;
    const row = data.find(
      (r) => r.scenario === alt.meta.scenarioName && r.p50 === alt.kpis.deliveredPerYear!.p50,
    );
    expect(row).toBeDefined();
    expect(row!.p5).toBe(alt.kpis.deliveredPerYear!.p5);
  });

  it("duplicate scenario names get distinct labels", () => {
    const twins: CompareSummary = makeCompareSummary(["Same", "Same"]);
    const data = rows(chart(buildCompareCharts(twins), "compare-delivered").spec);
    expect(new Set(data.map((r) => r.series))).toEqual(new Set(["Same", "Same (2)"]));
  });

  it("a comparison of one scenario draws no overlay", () => {
    const one: CompareSummary = {
      ...COMPARE_SUMMARY,
      scenarios: [COMPARE_SUMMARY.scenarios[0]!],
      differences: [],
    };
    expect(buildCompareCharts(one)).toEqual([]);
  });
});

describe("buildSweepCharts", () => {
  const charts = buildSweepCharts(SWEEP_SUMMARY);

  it("draws the heatmap, a tornado per KPI, SRC/PRCC and the parameter effects", () => {
    expect(charts.map((c) => c.id)).toEqual([
      "sweep-heatmap",
      "sweep-tornado-deliveredPerYear",
      "sweep-tornado-cost-total",
      "sweep-coefficients-deliveredPerYear",
      "sweep-effects-deliveredPerYear",
    ]);
  });

  it("heatmap cells carry the KPI mean of each parameter pair", () => {
    const data = rows(chart(charts, "sweep-heatmap").spec);
    expect(data).toHaveLength(20);
    const cell = data.find((r) => r.x === 10 && r.y === 40)!;
    expect(cell.value).toBe(deliveredSurface(10, 40));
  });

  it("tornado bars run from the base to the low and high values, largest swing first", () => {
    const data = rows(chart(charts, "sweep-tornado-deliveredPerYear").spec).filter((r) => "end" in r);
    expect(data[0]!.parameter).toBe("spokes.count");
    const high = data.find((r) => r.parameter === "spokes.count" && r.end === "high value")!;
    expect(high.from).toBe(deliveredSurface(8, 40));
    expect(high.to).toBe(deliveredSurface(12, 40));
  });

  it("parameter effects carry every point's mean and CI for each parameter", () => {
    const data = rows(chart(charts, "sweep-effects-deliveredPerYear").spec);
    expect(data).toHaveLength(2 * SWEEP_SUMMARY.points.length);
    const p = SWEEP_SUMMARY.points[7]!;
    const row = data.find((r) => r.point === 7 && r.value === p.parameters["platform.cluster.maxNodes"])!;
    expect(row.ciHigh).toBe(p.kpis.deliveredPerYear!.ciHigh);
  });
});
