/**
 * Golden data of the sweep charts a user steers with `--kpi` / `kpis:`: the charts follow the KPIs asked, the
 * tornado's one-at-a-time points stay out of the grid's heatmap and effect lines, sampled designs are drawn as a
 * scatter with a LOESS smoother, the heatmap takes the two most influential parameters, SRC and PRCC are charted,
 * parameter values carry no float noise and day axes never use SI prefixes.
 */

import { describe, expect, it } from "vitest";
import {
  byInfluence,
  labelInSentence,
  parameterText,
  sweepAxisLabelExpr,
} from "../../reports/charts/sweep-kpi.ts";
import { buildSweepCoefficientsCsv } from "../../reports/csv/sweep-coefficients-csv.ts";
import { buildSweepHtml } from "../../reports/html/sweep-page.ts";
import { buildSweepCharts, buildSweepPointsCsv, renderSvg } from "../../reports/index.ts";
import {
  deliveredSurface,
  makeGridWithTornadoSummary,
  makeLatinHypercubeSummary,
  SWEEP_SUMMARY,
  supportWaitSurface,
} from "../fixtures/reports/sweep-summary.ts";
import { chart, rows } from "./spec-rows.ts";

const BUNDLES = { vega: "", vegaLite: "", vegaEmbed: "" };

describe("sweep charts follow the KPIs asked", () => {
  it("without a choice: the heatmap, tornadoes, SRC/PRCC and effects of the primary KPI", () => {
    expect(buildSweepCharts(SWEEP_SUMMARY).map((c) => c.id)).toEqual([
      "sweep-heatmap",
      "sweep-tornado-deliveredPerYear",
      "sweep-tornado-cost-total",
      "sweep-coefficients-deliveredPerYear",
      "sweep-effects-deliveredPerYear",
    ]);
  });

  it("with kpis: every KPI asked gets a tornado, coefficients and effects; the first drives the heatmap", () => {
    const charts = buildSweepCharts(SWEEP_SUMMARY, { kpis: ["cost.total", "deliveredPerYear", "roi"] });
    expect(charts.map((c) => c.id)).toEqual([
      "sweep-heatmap",
      "sweep-tornado-cost-total",
      "sweep-tornado-deliveredPerYear",
      "sweep-coefficients-deliveredPerYear",
      "sweep-effects-cost-total",
      "sweep-effects-deliveredPerYear",
    ]);
    const heatmap = chart(charts, "sweep-heatmap");
    // cost rises with spokes by 450k and with nodes by 40k per unit: spokes is the more influential (SRC of the
    // fixture is for delivery only, so the tornado's swing decides: spokes 3.6M, nodes 2.8M)
    expect(heatmap.title).toBe("Total cost over spokes.count and cluster.maxNodes");
    const cell = rows(heatmap.spec).find((r) => r.x === 10 && r.y === 40)!;
    const point = SWEEP_SUMMARY.points.find(
      (p) =>
        p.parameters["organisation.spokes.count"] === 10 && p.parameters["platform.cluster.maxNodes"] === 40,
    )!;
    expect(cell.value).toBe(point.kpis["cost.total"]!.mean);
  });

  it("a tornado for every KPI asked, more than three", () => {
    const summary = makeGridWithTornadoSummary();
    const kpis = ["deliveredPerYear", "cost.total"];
    const ids = buildSweepCharts(summary, { kpis }).filter((c) => c.id.startsWith("sweep-tornado-"));
    expect(ids.map((c) => c.id)).toEqual(["sweep-tornado-deliveredPerYear", "sweep-tornado-cost-total"]);
  });

  it("the HTML header names the KPIs with their units", () => {
    const html = buildSweepHtml(SWEEP_SUMMARY, BUNDLES, undefined, { kpis: ["cost.total"] });
    expect(html).toContain("Total cost (currency)");
  });
});

describe("one-at-a-time points stay out of the grid's charts", () => {
  const summary = makeGridWithTornadoSummary();
  const charts = buildSweepCharts(summary);

  it("the heatmap has the 20 grid cells only, none at the base's 30 nodes, none with the outlying value", () => {
    const cells = rows(chart(charts, "sweep-heatmap").spec);
    expect(cells).toHaveLength(20);
    expect(cells.some((c) => c.x === 30 || c.y === 30)).toBe(false);
    expect(Math.max(...cells.map((c) => c.value as number))).toBe(deliveredSurface(12, 80));
  });

  it("each effects panel holds the 20 grid points and no one-at-a-time point", () => {
    const data = rows(chart(charts, "sweep-effects-deliveredPerYear").spec);
    expect(data).toHaveLength(2 * 20);
    expect(data.some((r) => r.mean === 1000)).toBe(false);
    expect(data.some((r) => (r.point as number) >= 20)).toBe(false);
  });

  it("the tornado still reads the one-at-a-time results", () => {
    const data = rows(chart(charts, "sweep-tornado-deliveredPerYear").spec).filter((r) => "end" in r);
    expect(data.length).toBe(4);
  });

  it("a one-at-a-time sweep draws the base with each parameter's low and high point", () => {
    const oat = {
      ...summary,
      sampling: "one-at-a-time" as const,
      points: summary.points.filter((p) => p.role !== "design"),
    };
    const effects = chart(buildSweepCharts(oat), "sweep-effects-deliveredPerYear");
    const panels = (effects.spec as unknown as { concat: Array<{ data: { values: unknown[] } }> }).concat;
    expect(panels.map((p) => p.data.values.length)).toEqual([3, 3]);
  });
});

describe("Latin hypercube sweeps", () => {
  const summary = makeLatinHypercubeSummary();
  const charts = buildSweepCharts(summary, { kpis: ["supportWaitDays", "roi"] });

  it("effects are a scatter of every point with a LOESS smoother, panels by influence", () => {
    const effects = chart(charts, "sweep-effects-supportWaitDays");
    const spec = effects.spec as unknown as { concat: Array<{ layer: Array<Record<string, unknown>> }> };
    const first = spec.concat[0]!;
    const x = (first.layer[0]!.encoding as { x: { title: string } }).x;
    expect(x.title).toBe("hub.fte");
    expect(first.layer.map((l) => (l.mark as { type: string }).type)).toEqual(["point", "line"]);
    expect(first.layer[1]!.transform).toEqual([{ loess: "mean", on: "value", bandwidth: 0.5 }]);
    const values = rows(first);
    expect(values).toHaveLength(12);
    const p = summary.points[3]!;
    const row = values.find((r) => r.point === 3)!;
    expect(row.mean).toBe(
      supportWaitSurface(
        p.parameters["organisation.hub.fte"] as number,
        p.parameters["organisation.spokes.count"] as number,
      ),
    );
  });

  it("the heatmap takes the two most influential parameters, drawn as coloured points", () => {
    const heatmap = chart(charts, "sweep-heatmap");
    expect(heatmap.title).toBe(
      "Support wait (days) over hub.fte and spokes.count".replace(
        "Support wait (days)",
        heatmap.title.split(" over ")[0]!,
      ),
    );
    expect(heatmap.title).toMatch(/ over hub\.fte and spokes\.count$/);
    expect(rows(heatmap.spec)).toHaveLength(12);
    expect(
      byInfluence(summary, "supportWaitDays", [
        "platform.serving.tolerance",
        "organisation.spokes.count",
        "organisation.hub.fte",
      ]),
    ).toEqual(["organisation.hub.fte", "organisation.spokes.count", "platform.serving.tolerance"]);
  });

  it("SRC and PRCC are charted per KPI asked, most influential first, on -1 to 1", () => {
    const data = rows(chart(charts, "sweep-coefficients-supportWaitDays").spec).filter((r) => "measure" in r);
    expect(data.map((r) => [r.parameter, r.measure, r.value])).toEqual([
      ["hub.fte", "SRC", -0.81],
      ["hub.fte", "PRCC", -0.95],
      ["spokes.count", "SRC", 0.44],
      ["spokes.count", "PRCC", 0.7],
      ["serving.tolerance", "SRC", 0.02],
      ["serving.tolerance", "PRCC", 0.05],
    ]);
    expect(charts.some((c) => c.id === "sweep-coefficients-roi")).toBe(true);
  });

  it("parameter values carry no float noise in charts and tables", () => {
    const effects = rows(chart(charts, "sweep-effects-supportWaitDays").spec);
    expect(effects.some((r) => r.value === 0.30000000000000004)).toBe(false);
    expect(effects.some((r) => r.value === 0.3)).toBe(true);
    const html = buildSweepHtml(summary, BUNDLES, []);
    expect(html).toContain("0, 0.1, 0.2, 0.3</td>");
    expect(html).not.toContain("0.30000000000000004");
    expect(parameterText(0.39999999999999997)).toBe("0.4");
    expect(parameterText(1234567)).toBe("1234567");
  });

  it("day axes print small values as decimals, never with a milli prefix", async () => {
    const effects = chart(charts, "sweep-effects-supportWaitDays");
    const spec = effects.spec as unknown as {
      concat: Array<{ layer: Array<{ encoding: { y: { axis: { labelExpr: string }; title: string } } }> }>;
    };
    const y = spec.concat[0]!.layer[0]!.encoding.y;
    expect(y.axis.labelExpr).toBe(sweepAxisLabelExpr("number"));
    expect(y.title).toMatch(/\(days\)$/);
    const svg = await renderSvg(effects.spec);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(labels).toContain("0.05");
    expect(labels.filter((l) => /^[\d.]+[mµu]$/.test(l))).toEqual([]);
  });

  it("labels keep acronyms in sentences", () => {
    expect(labelInSentence("ROI (value / cost)")).toBe("ROI (value / cost)");
    expect(labelInSentence("Time to market")).toBe("time to market");
  });
});

describe("sweep CSV", () => {
  it("points.csv: one row per point, KPIs asked first as columns (mean, CI)", () => {
    const summary = makeGridWithTornadoSummary();
    const text = buildSweepPointsCsv(summary, ["cost.total"]);
    const lines = text
      .trimEnd()
      .split("\r\n")
      .map((l) => l.split(","));
    expect(lines[0]).toEqual([
      "point",
      "role",
      "varied",
      "organisation.spokes.count",
      "platform.cluster.maxNodes",
      "cost.total",
      "cost.total.ciLow",
      "cost.total.ciHigh",
      "deliveredPerYear",
      "deliveredPerYear.ciLow",
      "deliveredPerYear.ciHigh",
    ]);
    expect(lines).toHaveLength(summary.points.length + 1);
    const p = summary.points[7]!;
    expect(lines[8]).toEqual([
      "7",
      "design",
      "",
      String(p.parameters["organisation.spokes.count"]),
      String(p.parameters["platform.cluster.maxNodes"]),
      String(p.kpis["cost.total"]!.mean),
      String(p.kpis["cost.total"]!.ciLow),
      String(p.kpis["cost.total"]!.ciHigh),
      String(p.kpis.deliveredPerYear!.mean),
      String(p.kpis.deliveredPerYear!.ciLow),
      String(p.kpis.deliveredPerYear!.ciHigh),
    ]);
    expect(lines[22]!.slice(0, 3)).toEqual(["21", "low", "organisation.spokes.count"]);
  });

  it("points.csv writes parameter values without float noise", () => {
    const text = buildSweepPointsCsv(makeLatinHypercubeSummary());
    expect(text).not.toContain("0.30000000000000004");
    expect(text.split("\r\n")[4]!.split(",")[5]).toBe("0.3");
  });

  it("coefficients.csv: one row per KPI and parameter with SRC and PRCC, KPIs asked first", () => {
    const text = buildSweepCoefficientsCsv(makeLatinHypercubeSummary(), ["supportWaitDays"])!;
    expect(text.trimEnd().split("\r\n")).toEqual([
      "kpi,unit,parameter,src,prcc",
      "supportWaitDays,days,organisation.hub.fte,-0.81,-0.95",
      "supportWaitDays,days,organisation.spokes.count,0.44,0.7",
      "supportWaitDays,days,platform.serving.tolerance,0.02,0.05",
      "roi,multiple,organisation.hub.fte,0.5,0.7",
      "roi,multiple,organisation.spokes.count,-0.8,-0.9",
    ]);
    expect(buildSweepCoefficientsCsv({ ...SWEEP_SUMMARY, src: {}, prcc: {} })).toBeUndefined();
  });
});
