/**
 * Golden tests of the reports that answer a user's question (issue 12): delivery targets and their S-curves in a
 * comparison, cumulative cost and value per scenario, the per-tenant monthly cost and chargeback.csv, the compare
 * answer in words, and the platform's KPIs for a scenario that delivers nothing. Every value is checked against
 * the fixture it came from; the platform-only case is a real run.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compareAnswers } from "../../reports/compare-answer.ts";
import { buildChargebackCsv, tenantMonthCosts } from "../../reports/csv/chargeback-csv.ts";
import { runFacts } from "../../reports/html/run-page.ts";
import {
  buildCompareCharts,
  buildCompareSeriesCsv,
  buildKpiTiles,
  buildRunCharts,
} from "../../reports/index.ts";
import { PLATFORM_HEADLINE_KPIS, tenantCount } from "../../reports/metric-names.ts";
import { runScenario } from "../../src/montecarlo/index.ts";
import type { CompareSummary, KpiSummary, RunSummary } from "../../src/montecarlo/types.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { parseCsv } from "../fixtures/focus/parse-csv.ts";
import { RUN_SUMMARY } from "../fixtures/run-summary.ts";
import { chart, rows } from "./spec-rows.ts";
import { compareWithTargets, runWithTargets } from "./targets-fixture.ts";

describe("compare charts of delivery targets, cost and value", () => {
  const summary = compareWithTargets();
  const charts = buildCompareCharts(summary);
  const [base, alt] = summary.scenarios as [RunSummary, RunSummary];

  it("the reach chart draws every scenario's S-curve for every target, in percent, one panel per target", () => {
    const c = chart(charts, "compare-reach");
    const data = rows(c.spec);
    expect(data).toHaveLength(2 * 4 * 36);
    const row = data.find(
      (r) => r.scenario === "platform-first" && r.target === "25 delivered projects" && r.month === 9,
    )!;
    expect(row.probability).toBeCloseTo(100 * alt.reach.probability[1]![9]!, 10);
    const b = data.find(
      (r) => r.scenario === "coe-first" && r.target === "75 delivered projects" && r.month === 35,
    )!;
    expect(b.probability).toBeCloseTo(100 * base.reach.probability[3]![35]!, 10);
    const spec = c.spec as unknown as { facet: { field: string; sort: string[] }; columns: number };
    expect(spec.facet.field).toBe("target");
    expect(spec.facet.sort).toEqual([
      "10 delivered projects",
      "25 delivered projects",
      "50 delivered projects",
      "75 delivered projects",
    ]);
    expect(spec.columns).toBe(3);
  });

  it("cumulative cost and value carry each scenario's P10, P50 and P90 for every month", () => {
    for (const [id, series] of [
      ["compare-cumulative-cost", "cumulativeCost"],
      ["compare-cumulative-value", "cumulativeValue"],
    ] as const) {
      const data = rows(chart(charts, id).spec);
      expect(data, id).toHaveLength(2 * 36);
      for (const [run, label] of [
        [base, "coe-first"],
        [alt, "platform-first"],
      ] as const) {
        const row = data.find((r) => r.series === label && r.month === 30)!;
        expect(row.p50, id).toBe(run.series[series]!.p50[30]);
        expect(row.p10, id).toBe(run.series[series]!.p10[30]);
        expect(row.p90, id).toBe(run.series[series]!.p90[30]);
      }
    }
  });

  it("a platform-only comparison draws no reach chart", () => {
    const noIdeas = (run: RunSummary): RunSummary => ({
      ...run,
      kpis: { ...run.kpis, ideas: zeroKpi("ideas") },
    });
    const platformOnly: CompareSummary = { ...summary, scenarios: summary.scenarios.map(noIdeas) };
    expect(buildCompareCharts(platformOnly).map((c) => c.id)).not.toContain("compare-reach");
  });

  it("series.csv of a comparison holds every series of every scenario, with a scenario column", () => {
    const table = parseCsv(buildCompareSeriesCsv(summary));
    expect(table[0]!.slice(0, 5)).toEqual(["scenario", "series", "label", "unit", "month"]);
    const perScenario = Object.keys(base.series).length * 36;
    expect(table.length - 1).toBe(2 * perScenario);
    const row = table.find((r) => r[0] === "platform-first" && r[1] === "cumulativeCost" && r[4] === "12")!;
    expect(Number(row[table[0]!.indexOf("p50")])).toBe(alt.series.cumulativeCost!.p50[12]);
  });
});

describe("the compare answer in words", () => {
  it("names the month each scenario reaches the user's first target, the paired share, and the paired cost", () => {
    expect(compareAnswers(compareWithTargets())).toEqual([
      "platform-first reaches 10 delivered projects in month 6 (P80: 6), 5 months sooner than coe-first (month 11; sooner in 90% of paired futures), and costs $630K more over 36 months (95% CI $574K – $686K; cheaper in 30% of paired futures).",
    ]);
  });

  it("with automatic thresholds it talks about the largest target every scenario reaches at P50", () => {
    const summary = compareWithTargets();
    for (const run of summary.scenarios) run.reach = { ...run.reach, thresholdSource: "automatic" };
    expect(compareAnswers(summary)[0]).toMatch(
      /^platform-first reaches 50 delivered projects in month 15 \(P80: 16\), 8 months sooner than coe-first \(month 23\), and costs/,
    );
  });

  it("says 'about the same' when the cost CI contains zero, and 'the same month' when the P50 months match", () => {
    const summary = compareWithTargets();
    const base = summary.scenarios[0]!;
    summary.scenarios[1] = { ...base, meta: { ...base.meta, scenarioName: "platform-first" } };
    summary.reachDifferences = [];
    summary.differences = summary.differences.map((d) =>
      d.name === "cost.total"
        ? { ...d, meanDifference: -100_000, ciLow: -300_000, ciHigh: 100_000, probabilityBetter: 0.62 }
        : d,
    );
    expect(compareAnswers(summary)).toEqual([
      "platform-first reaches 10 delivered projects in month 11 (P80: 12), the same month as coe-first, and costs about the same over 36 months (difference −$100K, 95% CI −$300K to +$100K; cheaper in 62% of paired futures).",
    ]);
  });

  it("a platform-only comparison answers with the cost alone", () => {
    const summary = compareWithTargets();
    summary.scenarios = summary.scenarios.map((run) => ({
      ...run,
      kpis: { ...run.kpis, ideas: zeroKpi("ideas") },
    }));
    expect(compareAnswers(summary)[0]).toBe(
      "platform-first costs $630K more over 36 months (95% CI $574K – $686K; cheaper in 30% of paired futures).",
    );
  });
});

describe("per-tenant monthly cost and chargeback.csv", () => {
  const s = RUN_SUMMARY;
  const expected = (tenant: string, month: number, category?: string): number =>
    s.costRows
      .filter(
        (r) =>
          r.subAccountId === tenant &&
          r.month === month &&
          (category === undefined || r.xCostCategory === category),
      )
      .reduce((a, r) => a + r.billedCost, 0);

  it("the chart stacks each tenant's mean cost per month, largest tenant first", () => {
    const c = chart(buildRunCharts(s), "tenant-monthly-cost");
    const data = rows(c.spec);
    expect(data).toHaveLength(s.meta.tenants.length * 36);
    for (const tenant of s.meta.tenants)
      for (const month of [0, 17, 35]) {
        const row = data.find((r) => r.tenant === tenant && r.month === month)!;
        expect(row.cost, `${tenant} ${month}`).toBeCloseTo(expected(tenant, month), 6);
      }
    const order = new Map(data.map((r) => [r.tenant, r.order]));
    expect(order.get("retail-eu")).toBe(0);
    expect(order.get("operations")).toBe(3);
  });

  it("chargeback.csv has one line per tenant, month and category with the mean billed cost", () => {
    const table = parseCsv(buildChargebackCsv(s));
    expect(table[0]).toEqual(["tenant", "month", "monthStart", "category", "meanBilledCost", "currency"]);
    expect(table.length - 1).toBe(tenantMonthCosts(s).length);
    const row = table.find((r) => r[0] === "finance" && r[1] === "12" && r[3] === "compute")!;
    expect(Number(row[4])).toBeCloseTo(expected("finance", 12, "compute"), 6);
    expect(row[2]).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(row[5]).toBe(s.meta.currency);
    // sums back to the total cost of the rows
    const total = table.slice(1).reduce((a, r) => a + Number(r[4]), 0);
    expect(total).toBeCloseTo(
      s.costRows.reduce((a, r) => a + r.billedCost, 0),
      2,
    );
  });
});

describe("a run report keeps the targets of the user", () => {
  it("the reach chart says the thresholds are the user's targets", () => {
    const c = chart(buildRunCharts(runWithTargets()), "reach");
    expect(JSON.stringify(c.spec)).toContain("Your delivery targets (--targets)");
  });
});

describe("a scenario without delivery (real run of multi-tenant-chargeback)", () => {
  let summary: RunSummary;
  beforeAll(async () => {
    const loaded = await loadScenario("scenarios/multi-tenant-chargeback.yaml");
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    summary = await runScenario(loaded.scenario, { replications: 2, seed: 7, workers: 1 });
  });

  it("shows the platform's KPIs as tiles, not 0 projects and ROI 0x", () => {
    const names = buildKpiTiles(summary).map((t) => t.name);
    expect(names.length).toBeGreaterThan(3);
    expect(names.every((n) => (PLATFORM_HEADLINE_KPIS as readonly string[]).includes(n))).toBe(true);
    expect(names).not.toContain("delivered");
    expect(names).not.toContain("roi");
  });

  it("draws no chart about projects and counts the platform's tenants in the header", () => {
    const ids = buildRunCharts(summary).map((c) => c.id);
    for (const id of ["reach", "delivered-fan", "roi-distribution", "portfolio-mix"])
      expect(ids).not.toContain(id);
    expect(ids).toEqual(
      expect.arrayContaining(["cost-by-category", "cluster-capacity", "chargeback", "tenant-monthly-cost"]),
    );
    expect(summary.meta.tenants).toHaveLength(1);
    expect(tenantCount(summary)).toBe(5);
    expect(runFacts(summary)).toContainEqual(["Tenants", "5"]);
  });
});

function zeroKpi(name: string): KpiSummary {
  return {
    name,
    label: name,
    unit: "ideas",
    n: 2,
    mean: 0,
    sd: 0,
    ciLow: 0,
    ciHigh: 0,
    min: 0,
    max: 0,
    p5: 0,
    p10: 0,
    p25: 0,
    p50: 0,
    p75: 0,
    p90: 0,
    p95: 0,
    method: "exact",
  };
}
