/**
 * Properties of buildRunCharts over summaries with metrics missing or broken: it never throws, leaves out what it
 * cannot draw, never draws a chart without data, and writes only finite numbers or null into the specs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRunCharts, renderRunHtml } from "../../reports/index.ts";
import type { RunSummary } from "../../src/montecarlo/types.ts";
import { makeRunSummary } from "../fixtures/run-summary.ts";
import { rows } from "./spec-rows.ts";

const base = makeRunSummary();
const seriesNames = Object.keys(base.series);
const kpiNames = Object.keys(base.kpis);

/** The base summary restricted to the given series and KPIs, with some values replaced by NaN or Infinity. */
function variant(series: string[], kpis: string[], broken: string[]): RunSummary {
  const s = structuredClone(base);
  s.series = Object.fromEntries(series.map((n) => [n, s.series[n]!]));
  s.kpis = Object.fromEntries(kpis.map((n) => [n, s.kpis[n]!]));
  for (const n of broken) {
    const k = s.kpis[n];
    if (k !== undefined)
      Object.assign(k, { p10: Number.NaN, p50: Number.POSITIVE_INFINITY, mean: Number.NaN });
    const x = s.series[n];
    if (x !== undefined) x.p50[3] = Number.NaN;
  }
  return s;
}

describe("buildRunCharts on partial and broken summaries", () => {
  it("never throws, never draws an empty chart, and carries no non-finite number", () => {
    fc.assert(
      fc.property(
        fc.subarray(seriesNames),
        fc.subarray(kpiNames),
        fc.subarray([...seriesNames, ...kpiNames], { maxLength: 6 }),
        (series, kpis, broken) => {
          const charts = buildRunCharts(variant(series, kpis, broken));
          for (const c of charts) {
            const data = rows(c.spec);
            expect(data.length, c.id).toBeGreaterThan(0);
            for (const row of data) {
              for (const value of Object.values(row)) {
                if (typeof value === "number")
                  expect(Number.isFinite(value), `${c.id} ${JSON.stringify(row)}`).toBe(true);
              }
            }
            // formatted labels (subtitles, marker texts) must not show "NaN" or "Infinity" either
            expect(JSON.stringify(c.spec)).not.toMatch(/NaN|Infinity/);
          }
        },
      ),
      { numRuns: 60, seed: 20260101 },
    );
  });

  it("renders the HTML of a summary with no metric at all", () => {
    const empty: RunSummary = {
      ...base,
      kpis: {},
      series: {},
      samples: {},
      costRows: [],
      reach: { series: "deliveredCumulative", thresholds: [], probability: [] },
    };
    const html = renderRunHtml(empty);
    expect(html.includes("<h1>")).toBe(true);
    expect(html.includes('class="card')).toBe(false);
  });
});
