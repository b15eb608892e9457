import { describe, expect, it } from "vitest";
import {
  buildCompareKpisCsv,
  buildDifferencesCsv,
  buildFocusCsv,
  buildKpisCsv,
  buildSeriesCsv,
  buildSweepPointsCsv,
  csvCell,
  monthStart,
  toCsv,
} from "../../reports/index.ts";
import { COMPARE_SUMMARY } from "../fixtures/reports/compare-summary.ts";
import { SWEEP_SUMMARY } from "../fixtures/reports/sweep-summary.ts";
import { RUN_SUMMARY } from "../fixtures/run-summary.ts";

/** Minimal RFC 4180 parser for checking what the builders wrote. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      out.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return out;
}

describe("csv format", () => {
  it("quotes commas, quotes and line breaks, and doubles quotes (RFC 4180)", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(1.5)).toBe("1.5");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("defuses text that a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell(-3)).toBe("-3");
  });

  it("ends every line with CRLF and round-trips through a parser", () => {
    const text = toCsv(
      ["a", "b"],
      [
        ["x,y", 'q"'],
        [1, null],
      ],
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual([
      ["a", "b"],
      ["x,y", 'q"'],
      ["1", ""],
    ]);
  });
});

describe("run CSV files", () => {
  it("kpis.csv has one line per KPI with the summary's numbers", () => {
    const table = parseCsv(buildKpisCsv(RUN_SUMMARY));
    expect(table[0]!.slice(0, 6)).toEqual(["name", "label", "unit", "better", "n", "mean"]);
    expect(table).toHaveLength(Object.keys(RUN_SUMMARY.kpis).length + 1);
    const roi = table.find((r) => r[0] === "roi")!;
    const col = (name: string) => table[0]!.indexOf(name);
    expect(Number(roi[col("p50")])).toBe(RUN_SUMMARY.kpis.roi!.p50);
    expect(Number(roi[col("ciLow")])).toBe(RUN_SUMMARY.kpis.roi!.ciLow);
  });

  it("series.csv is long format: one line per series and month", () => {
    const table = parseCsv(buildSeriesCsv(RUN_SUMMARY));
    const expected = Object.values(RUN_SUMMARY.series).reduce((a, s) => a + s.months, 0);
    expect(table).toHaveLength(expected + 1);
    const col = (name: string) => table[0]!.indexOf(name);
    const row = table.find((r) => r[0] === "deliveredCumulative" && r[col("month")] === "12")!;
    expect(Number(row[col("p90")])).toBe(RUN_SUMMARY.series.deliveredCumulative!.p90[12]);
  });

  it("FOCUS CSV has the FOCUS columns, monthly charge periods from meta.startDate and the cost rows' amounts", () => {
    const table = parseCsv(buildFocusCsv(RUN_SUMMARY));
    expect(table[0]).toEqual([
      "ChargePeriodStart",
      "ChargePeriodEnd",
      "BilledCost",
      "EffectiveCost",
      "ListCost",
      "BillingCurrency",
      "ServiceCategory",
      "ServiceName",
      "ResourceId",
      "SubAccountId",
      "ConsumedQuantity",
      "ConsumedUnit",
      "PricingCategory",
      "x_CostCategory",
    ]);
    expect(table).toHaveLength(RUN_SUMMARY.costRows.length + 1);
    const first = table[1]!;
    expect(first.slice(0, 2)).toEqual(["2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"]);
    expect(first[5]).toBe("USD");
    const last = table[table.length - 1]!;
    expect(last.slice(0, 2)).toEqual(["2028-12-01T00:00:00Z", "2029-01-01T00:00:00Z"]);
    const billed = table.slice(1).reduce((a, r) => a + Number(r[2]), 0);
    const expected = RUN_SUMMARY.costRows.reduce((a, r) => a + r.billedCost, 0);
    expect(billed).toBeCloseTo(expected, 6);
  });

  it("monthStart counts whole months and clamps the day to the target month", () => {
    expect(monthStart("2026-01-01", 0)).toBe("2026-01-01T00:00:00Z");
    expect(monthStart("2026-01-01", 13)).toBe("2027-02-01T00:00:00Z");
    expect(monthStart("2026-01-31", 1)).toBe("2026-02-28T00:00:00Z");
    expect(monthStart("2028-01-31", 1)).toBe("2028-02-29T00:00:00Z");
    expect(() => monthStart("01/01/2026", 0)).toThrow(RangeError);
    expect(() => monthStart("2026-01-01", -1)).toThrow(RangeError);
  });
});

describe("compare and sweep CSV files", () => {
  it("differences.csv has one line per difference", () => {
    const table = parseCsv(buildDifferencesCsv(COMPARE_SUMMARY));
    expect(table).toHaveLength(COMPARE_SUMMARY.differences.length + 1);
    const col = (name: string) => table[0]!.indexOf(name);
    const d = COMPARE_SUMMARY.differences[0]!;
    expect(Number(table[1]![col("meanDifference")])).toBe(d.meanDifference);
    expect(Number(table[1]![col("probabilityBetter")])).toBe(d.probabilityBetter);
  });

  it("compare kpis.csv holds every scenario's KPIs under a scenario column", () => {
    const table = parseCsv(buildCompareKpisCsv(COMPARE_SUMMARY));
    const total = COMPARE_SUMMARY.scenarios.reduce((a, s) => a + Object.keys(s.kpis).length, 0);
    expect(table).toHaveLength(total + 1);
    expect(new Set(table.slice(1).map((r) => r[0]))).toEqual(
      new Set(["Level 2 today", "Hub and spoke at level 3"]),
    );
  });

  it("points.csv has one line per point and KPI with the parameter values", () => {
    const table = parseCsv(buildSweepPointsCsv(SWEEP_SUMMARY));
    expect(table[0]!.slice(0, 3)).toEqual([
      "point",
      "organisation.spokes.count",
      "platform.cluster.maxNodes",
    ]);
    expect(table).toHaveLength(SWEEP_SUMMARY.points.length * 2 + 1);
    const row = table.find((r) => r[0] === "5" && r[3] === "deliveredPerYear")!;
    const p = SWEEP_SUMMARY.points[5]!;
    expect(Number(row[1])).toBe(p.parameters["organisation.spokes.count"]);
    expect(Number(row[table[0]!.indexOf("mean")])).toBe(p.kpis.deliveredPerYear!.mean);
  });
});
