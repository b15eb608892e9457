/**
 * The report fixtures speak the model's language: every KPI, series and sample name in them is one the model
 * emits (the catalogue, which test/model/metric-catalogue.test.ts holds to the model's output), under the kind
 * it is emitted as, with the catalogue's label, unit and better-direction.
 */
import { describe, expect, it } from "vitest";
import { type MetricKind, metricInfo, parseMetricName } from "../../src/model/metrics.ts";
import type { MetricInfo, RunSummary } from "../../src/montecarlo/types.ts";
import { COMPARE_SUMMARY, makeThreeWayCompareSummary } from "../fixtures/reports/compare-summary.ts";
import { SWEEP_SUMMARY } from "../fixtures/reports/sweep-summary.ts";
import { hostileRunSummary, withoutPlatform } from "../fixtures/reports/variants.ts";
import { RUN_SUMMARY } from "../fixtures/run-summary.ts";

/** Problems of one described metric: not in the catalogue under `kind`, or described differently. */
function problems(kind: MetricKind, name: string, info: MetricInfo): string[] {
  const match = parseMetricName(name);
  const kinds: readonly string[] = match?.level === undefined ? (match?.entry.kinds ?? []) : ["kpi"];
  if (!kinds.includes(kind)) return [`${kind} ${name} is not emitted by the model`];
  const { label, unit, better } = info;
  const expected = metricInfo(name);
  return JSON.stringify({ label, unit, better }) === JSON.stringify(expected)
    ? []
    : [
        `${kind} ${name} is described as ${JSON.stringify(info)}, the catalogue says ${JSON.stringify(expected)}`,
      ];
}

function runProblems(run: RunSummary): string[] {
  return [
    ...Object.entries(run.kpis).flatMap(([n, k]) => [
      ...(n === k.name ? [] : [`key ${n}`]),
      ...problems("kpi", n, k),
    ]),
    ...Object.entries(run.series).flatMap(([n, x]) => [
      ...(n === x.name ? [] : [`key ${n}`]),
      ...problems("series", n, x),
    ]),
    ...Object.entries(run.samples).flatMap(([n, x]) => [
      ...(n === x.name ? [] : [`key ${n}`]),
      ...problems("sample", n, x),
    ]),
    ...(run.reach.series === "" ? [] : problems("series", run.reach.series, run.series[run.reach.series]!)),
  ];
}

describe("report fixtures use the names the model emits", () => {
  it("run summaries and their variants", () => {
    for (const run of [RUN_SUMMARY, withoutPlatform(), hostileRunSummary()])
      expect(runProblems(run)).toEqual([]);
  });

  it("comparisons: every scenario and every paired difference", () => {
    for (const compare of [COMPARE_SUMMARY, makeThreeWayCompareSummary()]) {
      expect(compare.scenarios.flatMap(runProblems)).toEqual([]);
      expect(compare.differences.flatMap((d) => problems("kpi", d.name, d))).toEqual([]);
      if (compare.crnEffect !== undefined)
        expect(problems("kpi", compare.crnEffect.kpi, metricInfo(compare.crnEffect.kpi))).toEqual([]);
    }
  });

  it("sweeps: the KPIs of every point, the tornado and the sensitivity measures", () => {
    const names = [
      ...SWEEP_SUMMARY.points.flatMap((p) =>
        Object.entries(p.kpis).flatMap(([n, k]) => problems("kpi", n, k)),
      ),
      ...[
        ...Object.keys(SWEEP_SUMMARY.tornado),
        ...Object.keys(SWEEP_SUMMARY.src),
        ...Object.keys(SWEEP_SUMMARY.prcc),
      ].flatMap((n) => problems("kpi", n, metricInfo(n))),
    ];
    expect(names).toEqual([]);
  });

  it("the check fails on a name the model never emits and on a label the catalogue does not give", () => {
    expect(problems("kpi", "costTotal", { label: "Total cost", unit: "currency" })).toHaveLength(1);
    expect(problems("kpi", "deliveredCumulative", metricInfo("deliveredCumulative"))).toHaveLength(1);
    expect(
      problems("kpi", "roi", { label: "Return on investment", unit: "ratio", better: "higher" }),
    ).toHaveLength(1);
    expect(problems("kpi", "level.2.roi", metricInfo("level.2.roi"))).toEqual([]);
  });
});
