/**
 * `scalesim sweep --kpi`: the real command, spawned. Good names choose what the report charts and lead the CSV
 * columns; bad ones (not a KPI of the catalogue, an empty list, a KPI the sweep file's `kpis:` drops) exit 2 with
 * a message naming the value, before anything runs.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasStackTrace, ROOT, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-sweep-kpi-"));
const sweepFile = join(work, "hub.yaml");
const keptFile = join(work, "kept.yaml");

const SWEEP = [
  "name: hub",
  // the scenario file, not the bare preset: presets set mechanisms only, and the preset's default demand leaves
  // the hub idle (no support wait to chart)
  `base: ${JSON.stringify(join(ROOT, "scenarios", "level-3.yaml"))}`,
  "replications: 2",
  "parameters:",
  "  - path: organisation.hub.fte",
  "    values: [10, 20]",
  "  - path: organisation.spokes.count",
  "    values: [4, 8]",
  "",
];

beforeAll(() => {
  writeFileSync(sweepFile, SWEEP.join("\n"));
  writeFileSync(keptFile, [...SWEEP.slice(0, 3), "kpis: [delivered, roi]", ...SWEEP.slice(3)].join("\n"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scalesim sweep --kpi", () => {
  it("charts the KPIs asked: a tornado, SRC/PRCC and effects chart each, the first leads points.csv", async () => {
    const out = join(work, "asked");
    const result = await runCli(
      [
        "sweep",
        sweepFile,
        "-w",
        "1",
        "--format",
        "json,csv,svg",
        "-o",
        out,
        "-q",
        "--kpi",
        "supportWaitDays,roi",
      ],
      { timeoutMs: 180_000 },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const charts = readdirSync(join(out, "charts")).filter((f) => f.endsWith(".vl.json"));
    expect(charts.sort()).toEqual(
      [
        "sweep-coefficients-roi.vl.json",
        "sweep-coefficients-supportWaitDays.vl.json",
        "sweep-effects-roi.vl.json",
        "sweep-effects-supportWaitDays.vl.json",
        "sweep-heatmap.vl.json",
        "sweep-tornado-roi.vl.json",
        "sweep-tornado-supportWaitDays.vl.json",
      ].sort(),
    );
    const heatmap = JSON.parse(readFileSync(join(out, "charts", "sweep-heatmap.vl.json"), "utf8")) as {
      title: { text: string };
    };
    expect(heatmap.title.text).toMatch(/^Wait for expert support over /);
    const header = readFileSync(join(out, "points.csv"), "utf8").split("\r\n")[0]!.split(",");
    expect(header.slice(0, 11)).toEqual([
      "point",
      "role",
      "varied",
      "organisation.hub.fte",
      "organisation.spokes.count",
      "supportWaitDays",
      "supportWaitDays.ciLow",
      "supportWaitDays.ciHigh",
      "roi",
      "roi.ciLow",
      "roi.ciHigh",
    ]);
    const coefficients = readFileSync(join(out, "coefficients.csv"), "utf8").split("\r\n");
    expect(coefficients[0]).toBe("kpi,unit,parameter,src,prcc");
    expect(coefficients[1]).toMatch(/^supportWaitDays,days,organisation\.hub\.fte,-?[\d.e-]+,-?[\d.e-]+$/);
  }, 200_000);

  it("a catalogue KPI the scenario does not produce: a warning, and the report of the others", async () => {
    const out = join(work, "unreported");
    const result = await runCli(
      ["sweep", sweepFile, "-w", "1", "--format", "csv", "-o", out, "-q", "--kpi", "roi,level.5.roi"],
      { timeoutMs: 180_000 },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "warning: no point reports level.5.roi (the base scenario does not produce it); the report shows the other KPIs\n",
    );
    const header = readFileSync(join(out, "points.csv"), "utf8").split("\r\n")[0]!.split(",");
    expect(header.slice(5, 8)).toEqual(["roi", "roi.ciLow", "roi.ciHigh"]);
  }, 200_000);

  it("a name that is not a KPI exits 2 with a did-you-mean, before running", async () => {
    const out = join(work, "typo");
    const result = await runCli(["sweep", sweepFile, "-o", out, "--kpi", "roi,timeToMarketDay"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '"timeToMarketDay" is not a KPI of the model; did you mean "timeToMarketDays"?',
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it("a series name, nonsense and an empty list exit 2 naming the problem", async () => {
    for (const [value, message] of [
      ["deliveredCumulative", '"deliveredCumulative" is not a KPI of the model'],
      ["zzzzqqqq", '"zzzzqqqq" is not a KPI of the model; KPIs: '],
      [" , ", "KPI list is empty"],
    ] as const) {
      const result = await runCli(["sweep", sweepFile, "-o", join(work, "bad"), "--kpi", value]);
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toContain(message);
      expect(result.stderr, value).toContain("--kpi");
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });

  it("a KPI the sweep file's kpis: drops exits 2 naming the kept ones", async () => {
    const out = join(work, "dropped");
    const result = await runCli(["sweep", keptFile, "-o", out, "--kpi", "roi,timeToMarketDays"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--kpi timeToMarketDays:");
    expect(result.stderr).toContain("keeps only kpis: [delivered, roi]");
    expect(existsSync(out)).toBe(false);
  });
});
