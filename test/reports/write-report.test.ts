import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCompareReport, writeRunReport, writeSweepReport } from "../../reports/index.ts";
import { ReportDirectoryTakenError, writeDirectoryAtomic } from "../../reports/write-report.ts";
import { COMPARE_SUMMARY } from "../fixtures/reports/compare-summary.ts";
import { SWEEP_SUMMARY } from "../fixtures/reports/sweep-summary.ts";
import { RUN_SUMMARY } from "../fixtures/run-summary.ts";

const root = mkdtempSync(join(tmpdir(), "scalesim-reports-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("writeRunReport", () => {
  it("writes html, json, csv, and every chart as .vl.json, .svg and .png", async () => {
    const outDir = join(root, "run");
    const written = await writeRunReport(RUN_SUMMARY, { outDir });
    expect(written.files).toContain("report.html");
    expect(written.files).toContain("summary.json");
    expect(written.files).toEqual(
      expect.arrayContaining(["kpis.csv", "series.csv", "focus-costs.csv", "chargeback.csv"]),
    );
    for (const ext of [".vl.json", ".svg", ".png"])
      expect(written.files).toContain(`charts/delivered-fan${ext}`);
    expect(written.files.filter((f) => f.endsWith(".png"))).toHaveLength(17);
    expect(JSON.parse(readFileSync(join(outDir, "summary.json"), "utf8"))).toEqual(RUN_SUMMARY);
    expect(readFileSync(join(outDir, "charts", "tiers.svg"), "utf8")).toMatch(/^<svg/);
    const png = readFileSync(join(outDir, "charts", "tiers.png"));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(10_000);
    expect(readdirSync(root).filter((n) => n.startsWith("."))).toEqual([]);
    expect(readdirSync(join(outDir, "charts")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("writes only the formats asked for", async () => {
    const outDir = join(root, "csv-only");
    const written = await writeRunReport(RUN_SUMMARY, { outDir, formats: ["csv"] });
    const csv = ["chargeback.csv", "focus-costs.csv", "kpis.csv", "series.csv"];
    expect(written.files).toEqual(csv);
    expect(readdirSync(outDir).sort()).toEqual(csv);
  });

  it("rejects an unknown format before writing anything", async () => {
    const outDir = join(root, "bad-format");
    await expect(writeRunReport(RUN_SUMMARY, { outDir, formats: ["pdf" as "csv"] })).rejects.toThrow(
      RangeError,
    );
    expect(readdirSync(root)).not.toContain("bad-format");
  });
});

describe("atomic directory writes", () => {
  it("never replaces an existing directory: the report goes to <dir>-2 and the writer says so", async () => {
    const outDir = join(root, "replace");
    await mkdir(outDir);
    writeFileSync(join(outDir, "precious.txt"), "old");
    const error = await writeRunReport(RUN_SUMMARY, { outDir, formats: ["json"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportDirectoryTakenError);
    expect((error as ReportDirectoryTakenError).keptAt).toBe(`${outDir}-2`);
    expect(readdirSync(outDir)).toEqual(["precious.txt"]);
    expect(readdirSync(`${outDir}-2`)).toContain("summary.json");
    const next = await writeRunReport(RUN_SUMMARY, { outDir, formats: ["csv"], ifTaken: "next" });
    expect(next.outDir).toBe(`${outDir}-3`);
    expect(readdirSync(root).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("a chart that cannot be drawn costs no results: summary.json and the CSVs are written", async () => {
    const outDir = join(root, "chart-failure");
    const broken = { ...RUN_SUMMARY };
    Object.defineProperty(broken, "kpis", {
      get() {
        if (new Error().stack?.includes("buildRunCharts")) throw new Error("chart exploded");
        return RUN_SUMMARY.kpis;
      },
      enumerable: true,
    });
    const written = await writeRunReport(broken, { outDir });
    expect(written.chartError).toBe("chart exploded");
    expect(written.files).toEqual(expect.arrayContaining(["summary.json", "kpis.csv", "series.csv"]));
    expect(written.files).not.toContain("report.html");
  });

  it("an interrupted build leaves neither a half-written report nor temporary files, and keeps the old one", async () => {
    const fresh = join(root, "interrupted");
    const fill = async (dir: string): Promise<void> => {
      writeFileSync(join(dir, "half.txt"), "half");
      throw new Error("interrupted");
    };
    await expect(writeDirectoryAtomic(fresh, fill)).rejects.toThrow("interrupted");
    expect(readdirSync(root)).not.toContain("interrupted");
    const existing = join(root, "kept");
    await mkdir(existing);
    writeFileSync(join(existing, "report.html"), "previous");
    await expect(writeDirectoryAtomic(existing, fill)).rejects.toThrow("interrupted");
    expect(readFileSync(join(existing, "report.html"), "utf8")).toBe("previous");
    expect(readdirSync(root)).not.toContain("kept-2");
    expect(readdirSync(root).filter((n) => n.startsWith("."))).toEqual([]);
  });
});

describe("compare and sweep writers", () => {
  it("write their html, json and csv files", async () => {
    const compare = await writeCompareReport(COMPARE_SUMMARY, {
      outDir: join(root, "cmp"),
      formats: ["html", "json", "csv"],
    });
    expect(compare.files).toEqual(
      expect.arrayContaining([
        "report.html",
        "summary.json",
        "differences.csv",
        "kpis.csv",
        "charts/compare-differences.vl.json",
      ]),
    );
    const sweep = await writeSweepReport(SWEEP_SUMMARY, {
      outDir: join(root, "sweep"),
      formats: ["json", "csv", "svg"],
    });
    expect(sweep.files).toEqual(
      expect.arrayContaining(["points.csv", "charts/sweep-heatmap.svg", "charts/sweep-heatmap.vl.json"]),
    );
  });
});

describe("reports scale with the number of tenants (issue 13 item 13)", () => {
  it("1 000 tenants: every chart is drawn, chargeback shows the 20 largest and one bar for the rest", async () => {
    const template = Object.entries(RUN_SUMMARY.kpis).find(([name]) => name.startsWith("tenantCost."))![1];
    const kpis = Object.fromEntries(
      Object.entries(RUN_SUMMARY.kpis).filter(([name]) => !name.startsWith("tenantCost.")),
    );
    for (let i = 0; i < 1000; i++)
      kpis[`tenantCost.tenant-${i}`] = { ...template, name: `tenantCost.tenant-${i}`, mean: 1000 + i };
    const summary = { ...RUN_SUMMARY, kpis };
    const outDir = join(root, "thousand-tenants");
    const written = await writeRunReport(summary, { outDir, formats: ["json", "svg"] });
    expect(written.chartError).toBeUndefined();
    const spec = JSON.parse(readFileSync(join(outDir, "charts", "chargeback.vl.json"), "utf8")) as {
      data: { values: { tenant: string; mean: number }[] };
    };
    const bars = spec.data.values;
    expect(bars).toHaveLength(21);
    expect(bars[0]).toMatchObject({ tenant: "tenant-999", mean: 1999 });
    expect(bars[20]!.tenant).toBe("980 other tenants");
    expect(bars[20]!.mean).toBe(Array.from({ length: 980 }, (_, i) => 1000 + i).reduce((a, b) => a + b, 0));
  });
});
