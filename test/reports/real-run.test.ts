/**
 * A report from a real small Monte Carlo run (financial-services preset, 12 months, 3 replications): the model's
 * actual metric names must reach the charts, every spec must validate, and the writer must produce the report.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFocusCsv, buildRunCharts, writeRunReport } from "../../reports/index.ts";
import { runScenario } from "../../src/montecarlo/index.ts";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import { parseScenario } from "../../src/scenario/load.ts";
import { chart, rows } from "./spec-rows.ts";
import { specErrors } from "./vega-lite-validator.ts";

describe("report of a real run", () => {
  let summary: RunSummary;
  const root = mkdtempSync(join(tmpdir(), "scalesim-real-"));

  beforeAll(async () => {
    const loaded = parseScenario("extends: financial-services\nname: Real small run\nhorizonMonths: 12\n", {
      file: "real.yaml",
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    summary = await runScenario(loaded.scenario, { replications: 3, seed: 7, workers: 1 });
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("draws every chart of the run report from the model's own series and KPIs, each a valid Vega-Lite spec", () => {
    const charts = buildRunCharts(summary);
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
      "hub-work",
      "maturity",
      "maturity-levels",
      "cluster-capacity",
      "serving",
      "tiers",
      "chargeback",
      "tenant-monthly-cost",
      "portfolio-mix",
    ]);
    for (const c of charts) expect(specErrors(c.spec), c.id).toBe("");
    const hub = rows(chart(charts, "hub-work").spec);
    expect(hub[0]!.kpi).toBe("Hub, all work");
    expect(hub[0]!.p50).toBeCloseTo(summary.kpis.hubWorkUtilisation!.p50 * 100, 9);
    const lead = rows(chart(charts, "lead-time").spec);
    expect(lead.map((r) => r.p50)).toContain(summary.kpis.leadTimeDays!.p50);
    const delivered = rows(chart(charts, "delivered-fan").spec);
    expect(delivered).toHaveLength(12);
    expect(delivered[11]!.p50).toBe(summary.series.deliveredCumulative!.p50[11]);
  });

  it("writes the report with summary.json, the CSV files and chart specs", async () => {
    const outDir = join(root, "report");
    const written = await writeRunReport(summary, { outDir, formats: ["html", "json", "csv"] });
    expect(written.files).toEqual(
      expect.arrayContaining([
        "report.html",
        "summary.json",
        "focus-costs.csv",
        "charts/delivered-fan.vl.json",
      ]),
    );
    expect(readFileSync(join(outDir, "focus-costs.csv"), "utf8")).toBe(buildFocusCsv(summary));
    expect(readFileSync(join(outDir, "report.html"), "utf8")).toContain("<h1>Real small run</h1>");
  });
});
