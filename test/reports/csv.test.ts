import { describe, expect, it } from "vitest";
import {
  csvDecimal,
  exactDecimal,
  formatDecimal,
  roundHalfEven,
  scaledIntegerText,
  toScaledInteger,
} from "../../reports/csv/csv-format.ts";
import {
  apportionCents,
  billingAccountId,
  FOCUS_CSV_HEADER,
  focusUnit,
} from "../../reports/csv/focus-csv.ts";
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
import { parseCsv } from "../fixtures/focus/parse-csv.ts";
import { COMPARE_SUMMARY } from "../fixtures/reports/compare-summary.ts";
import { SWEEP_SUMMARY } from "../fixtures/reports/sweep-summary.ts";
import { makeRunSummary, RUN_SUMMARY } from "../fixtures/run-summary.ts";

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

describe("exact decimals", () => {
  it("reads a double at 15 significant digits, so float noise of a mean disappears", () => {
    expect(exactDecimal(177.44549999999998)).toEqual({ coefficient: 177445500000000n, exponent: -12 });
    expect(exactDecimal(-0.1 - 0.2)).toEqual({ coefficient: -300000000000000n, exponent: -15 });
    expect(() => exactDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("rounds half to even to whole units of 10^-places, from the decimal and not the binary value", () => {
    expect(toScaledInteger(177.44549999999998, 2)).toBe(17745n);
    expect([0.125, 0.135, 1.005, -0.015, -0.005].map((v) => toScaledInteger(v, 2))).toEqual([
      12n,
      14n,
      100n,
      -2n,
      0n,
    ]);
    expect(roundHalfEven(-7n, 2n)).toBe(-4n);
    expect(roundHalfEven(7n, 2n)).toBe(4n);
    expect(roundHalfEven(5n, 2n)).toBe(2n);
  });

  it("formats plain decimal text without exponent, sign noise or float digits", () => {
    expect(formatDecimal(177.44549999999998, 2)).toBe("177.45");
    expect(formatDecimal(1e21, 2)).toBe("1000000000000000000000.00");
    expect(formatDecimal(2.5e-7, 6, 0)).toBe("0");
    expect(formatDecimal(-0, 2)).toBe("0.00");
    expect(formatDecimal(730.5, 6, 0)).toBe("730.5");
    expect(scaledIntegerText(-5n, 2)).toBe("-0.05");
    expect(() => scaledIntegerText(1n, 1, 2)).toThrow(RangeError);
  });

  it("writes decimal cells as they are, negative ones too, and refuses anything else", () => {
    expect(csvCell(csvDecimal("-12.50"))).toBe("-12.50");
    expect(() => csvDecimal("1e5")).toThrow(RangeError);
    expect(() => csvDecimal("=1+1")).toThrow(RangeError);
  });
});

describe("FOCUS mapping helpers", () => {
  it("spells units one way (FOCUS Unit Format): capitalised, time units plural alone or after a hyphen", () => {
    expect(
      ["Month", "Months", "months", "FTE-months", "node-hours", "Pod-Hours", "GB/hours", "1000 tokens"].map(
        focusUnit,
      ),
    ).toEqual([
      "Months",
      "Months",
      "Months",
      "FTE-Months",
      "Node-Hours",
      "Pod-Hours",
      "GB/Hour",
      "1000 Tokens",
    ]);
  });

  it("slugs the scenario name into the billing account id", () => {
    expect(billingAccountId("Level 2 today")).toBe("level-2-today");
    expect(billingAccountId("  Ünit / Zwei ")).toBe("unit-zwei");
    expect(billingAccountId("!!!")).toBe("scenario");
  });

  it("apportions cents by largest remainders level by level, every level adding up", () => {
    const amounts = [0.004, 0.004, 0.004, 1.006, 2.333333].map(exactDecimal);
    const month = ["a", "a", "a", "b", "b"];
    // run 3.351333 -> 335 cents; a: 1.2 -> 1, b: 333.9333 -> 334; a's cent to its first row, b's floors 100 + 233
    expect(apportionCents(amounts, [(i) => month[i]!])).toEqual([1n, 0n, 0n, 101n, 233n]);
    expect(apportionCents(amounts, [])).toEqual([1n, 0n, 0n, 101n, 233n]);
    // -0.8 cents -> -1 (half to even); floors -1 and -1, the cent back to the first of equal remainders
    expect(apportionCents([-0.004, -0.004].map(exactDecimal), [])).toEqual([0n, -1n]);
    expect(apportionCents([], [])).toEqual([]);
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

  it("FOCUS CSV has the FOCUS 1.2 columns, monthly periods from meta.startDate and whole-cent amounts", () => {
    const table = parseCsv(buildFocusCsv(RUN_SUMMARY));
    const header = table[0]!;
    expect(header).toEqual([...FOCUS_CSV_HEADER]);
    expect(table).toHaveLength(RUN_SUMMARY.costRows.length + 1);
    const col = (name: (typeof FOCUS_CSV_HEADER)[number]) => header.indexOf(name);
    const first = table[1]!;
    expect(first[col("BillingAccountId")]).toBe("financial-services-hub-and-spoke");
    expect(first[col("BillingAccountName")]).toBe(RUN_SUMMARY.meta.scenarioName);
    expect([first[col("ChargePeriodStart")], first[col("ChargePeriodEnd")]]).toEqual([
      "2026-01-01T00:00:00Z",
      "2026-02-01T00:00:00Z",
    ]);
    expect(first[col("BillingPeriodStart")]).toBe(first[col("ChargePeriodStart")]);
    expect(first[col("BillingCurrency")]).toBe("USD");
    const last = table[table.length - 1]!;
    expect(last[col("ChargePeriodStart")]).toBe("2028-12-01T00:00:00Z");
    for (const row of table.slice(1)) {
      for (const money of ["BilledCost", "EffectiveCost", "ListCost", "ContractedCost"] as const)
        expect(row[col(money)]).toMatch(/^-?\d+\.\d{2}$/);
      expect(row[col("PricingCategory")]).not.toBe("Committed");
    }
    // the fixture's rows are whole cents already, so each one is exported as it is
    const billed = table.slice(1).map((r) => r[col("BilledCost")]);
    expect(billed).toEqual(RUN_SUMMARY.costRows.map((r) => r.billedCost.toFixed(2)));
    const compute = table.find((r) => r[col("x_CostCategory")] === "compute")!;
    expect(compute[col("ChargeCategory")]).toBe("Usage");
    expect(compute[col("PricingUnit")]).toBe("Node-Hours");
    expect(compute[col("ConsumedUnit")]).toBe("Node-Hours");
    const people = table.find((r) => r[col("x_CostCategory")] === "people")!;
    expect(people[col("ChargeCategory")]).toBe("Purchase");
    expect(people[col("ConsumedQuantity")]).toBe("");
    expect(people[col("PricingUnit")]).toBe("Units");
  });

  it("FOCUS CSV amounts are whole cents that add up per month, sub account and run", () => {
    const noisy = makeRunSummary();
    noisy.costRows = [
      {
        ...noisy.costRows[0]!,
        billedCost: 177.44549999999998,
        effectiveCost: 177.44549999999998,
        listCost: 200,
      },
      { ...noisy.costRows[0]!, billedCost: 0.005, effectiveCost: 0.005, listCost: 0.005 },
      { ...noisy.costRows[0]!, billedCost: 0.005, effectiveCost: 0.005, listCost: 0.005 },
    ];
    const table = parseCsv(buildFocusCsv(noisy));
    const col = (name: (typeof FOCUS_CSV_HEADER)[number]) => table[0]!.indexOf(name);
    // total 177.4555 -> 177.46; floors 177.44 + 0 + 0, the two cents left go to the largest remainders (.55, then
    // the first .5); ListCost is BilledCost plus the apportioned difference 22.5545 -> 22.55
    expect(table.slice(1).map((r) => r[col("BilledCost")])).toEqual(["177.45", "0.01", "0.00"]);
    expect(table.slice(1).map((r) => r[col("EffectiveCost")])).toEqual(["177.45", "0.01", "0.00"]);
    expect(table.slice(1).map((r) => r[col("ListCost")])).toEqual(["200.00", "0.01", "0.00"]);
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

  it("points.csv has one line per point with the parameter values and the KPIs as columns", () => {
    const table = parseCsv(buildSweepPointsCsv(SWEEP_SUMMARY));
    expect(table[0]!.slice(0, 5)).toEqual([
      "point",
      "role",
      "varied",
      "organisation.spokes.count",
      "platform.cluster.maxNodes",
    ]);
    expect(table).toHaveLength(SWEEP_SUMMARY.points.length + 1);
    const row = table.find((r) => r[0] === "5")!;
    const p = SWEEP_SUMMARY.points[5]!;
    expect(Number(row[3])).toBe(p.parameters["organisation.spokes.count"]);
    expect(Number(row[table[0]!.indexOf("deliveredPerYear")])).toBe(p.kpis.deliveredPerYear!.mean);
  });
});
