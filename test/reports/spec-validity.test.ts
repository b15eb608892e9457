import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../reports/index.ts";
import { buildCompareCharts, buildRunCharts, buildSweepCharts, renderSvg } from "../../reports/index.ts";
import { COMPARE_SUMMARY, makeThreeWayCompareSummary } from "../fixtures/reports/compare-summary.ts";
import {
  makeGridWithTornadoSummary,
  makeLatinHypercubeSummary,
  SWEEP_SUMMARY,
} from "../fixtures/reports/sweep-summary.ts";
import { hostileRunSummary, withoutPlatform } from "../fixtures/reports/variants.ts";
import { RUN_SUMMARY } from "../fixtures/run-summary.ts";
import { specErrors } from "./vega-lite-validator.ts";

/** [name, charts, render to SVG too] — variants of the run fixture are validated only, to keep the suite fast. */
const sets: Array<[string, ChartSpec[], boolean]> = [
  ["run", buildRunCharts(RUN_SUMMARY), true],
  ["run without platform", buildRunCharts(withoutPlatform()), false],
  ["run with hostile names", buildRunCharts(hostileRunSummary()), false],
  ["compare", buildCompareCharts(COMPARE_SUMMARY), true],
  ["three-way compare", buildCompareCharts(makeThreeWayCompareSummary()), false],
  ["sweep", buildSweepCharts(SWEEP_SUMMARY), true],
  [
    "Latin hypercube sweep, KPIs asked",
    buildSweepCharts(makeLatinHypercubeSummary(), { kpis: ["supportWaitDays", "roi", "timeToMarketDays"] }),
    true,
  ],
  [
    "grid sweep with tornado points, KPIs asked",
    buildSweepCharts(makeGridWithTornadoSummary(), { kpis: ["cost.total", "deliveredPerYear"] }),
    false,
  ],
];

describe("every chart spec", () => {
  it("the validator rejects an invalid spec (so the checks below can fail)", () => {
    expect(specErrors({ mark: "nonsense", data: { values: [] } })).not.toBe("");
    expect(specErrors({ mark: "bar", encoding: { x: { field: "a", type: "quantity" } } })).not.toBe("");
  });

  for (const [name, charts, render] of sets) {
    describe(name, () => {
      it("has unique ids, a title and a one-line guide", () => {
        expect(charts.length).toBeGreaterThan(0);
        expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
        for (const c of charts) {
          expect(c.id).toMatch(/^[a-z0-9-]+$/i);
          expect(c.title.length).toBeGreaterThan(3);
          expect(c.guide.length).toBeGreaterThan(20);
          expect(c.guide).not.toContain("\n");
        }
      });

      for (const chart of charts) {
        it(`${chart.id} validates against the Vega-Lite schema${render ? " and renders to SVG" : ""}`, async () => {
          expect(specErrors(chart.spec)).toBe("");
          if (!render) return;
          const svg = await renderSvg(chart.spec);
          expect(svg.startsWith("<svg")).toBe(true);
          expect(svg).toMatch(/class="mark-(line|area|rect|symbol|rule|text|tick)/);
        });
      }
    });
  }
});
