/**
 * `--targets` on `run` and `compare`, spawning the real command: the months each target is reached in the
 * terminal, the JSON and the report, the plain-language answer of a comparison, and bad values refused with exit 2
 * and a message naming them (no stack trace, no output directory).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CompareSummary, ReachTarget, RunSummary } from "../../src/montecarlo/types.ts";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-targets-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scalesim run --targets", () => {
  it("prints and saves the P50 and P80 months of each target, sorted, as the user's targets", async () => {
    const out = join(work, "run");
    const result = await runCli([
      "run",
      "level-2",
      "-n",
      "4",
      "-w",
      "1",
      "--format",
      "json,csv",
      "-o",
      out,
      "--targets",
      "20, 5",
    ]);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as RunSummary;
    expect(summary.reach.thresholds).toEqual([5, 20]);
    expect(summary.reach.thresholdSource).toBe("targets");
    const targets = summary.reach.targets as ReachTarget[];
    expect(targets.map((t) => t.threshold)).toEqual([5, 20]);
    // the terminal table says what the summary says
    expect(result.stdout).toContain("Delivery targets");
    for (const t of targets) {
      const months = [t.monthP50, t.monthP80].map((m) => (m === null ? "> 35" : String(m)));
      expect(result.stdout).toMatch(
        new RegExp(`${t.threshold} delivered projects\\s+${months[0]}\\s+${months[1]}\\s`),
      );
    }
    expect(existsSync(join(out, "chargeback.csv"))).toBe(true);
  });

  it("--json carries the targets", async () => {
    const out = join(work, "run-json");
    const result = await runCli([
      "run",
      "level-2",
      "-n",
      "2",
      "-w",
      "1",
      "--format",
      "json",
      "-o",
      out,
      "--targets",
      "3",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { runs: { targets: ReachTarget[] }[] };
    expect(parsed.runs[0]!.targets.map((t) => t.threshold)).toEqual([3]);
  });

  it.each([
    [
      "abc",
      'targets must be whole numbers of delivered projects >= 1, comma-separated such as 30,50; got "abc"',
    ],
    ["30,2.5", 'got "2.5"'],
    ["0", 'got "0"'],
    ["-5", 'got "-5"'],
    [",", "target list is empty"],
    ["1,2,3,4,5,6,7,8,9,10,11,12,13", "at most 12 targets, got 13"],
  ])("refuses --targets %s with exit 2 and a clear message", async (value, message) => {
    const out = join(work, `bad-${value.length}-${value.charCodeAt(0)}`);
    const result = await runCli(["run", "level-2", "-n", "2", "-w", "1", "-o", out, "--targets", value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--targets");
    expect(result.stderr).toContain(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});

describe("scalesim compare --targets", () => {
  it("answers in words first, tabulates the paired months, and writes series.csv and the reach chart", async () => {
    const out = join(work, "compare");
    const result = await runCli([
      "compare",
      "level-2",
      "level-3",
      "-n",
      "4",
      "-w",
      "1",
      "--format",
      "json,csv",
      "-o",
      out,
      "--targets",
      "10,30",
    ]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as CompareSummary;
    for (const run of summary.scenarios) expect(run.reach.thresholds).toEqual([10, 30]);
    expect(summary.reachDifferences!.map((d) => d.threshold)).toEqual([10, 30]);
    const [base, alt] = summary.scenarios as [RunSummary, RunSummary];
    const t = alt.reach.targets![0]!;
    // the first line is the answer, about the user's first target
    const first = result.stdout.split("\n")[0]!;
    expect(
      first.startsWith(`level-3 reaches 10 delivered projects in month ${t.monthP50} (P80: ${t.monthP80})`),
    ).toBe(true);
    expect(first).toMatch(
      /costs \$[\d.]+[KM] more over 36 months \(95% CI .*; cheaper in \d+% of paired futures\)\.$/,
    );
    expect(base.meta.scenarioName).toBe("level-2");
    expect(result.stdout).toContain("Delivery targets: month reached at P50 (P80)");
    expect(existsSync(join(out, "series.csv"))).toBe(true);
    expect(existsSync(join(out, "charts", "compare-reach.vl.json"))).toBe(true);
    const series = readFileSync(join(out, "series.csv"), "utf8").split("\r\n");
    expect(series[0]!.startsWith("scenario,series,")).toBe(true);
    expect(series.some((line) => line.startsWith("level-3,cumulativeCost,"))).toBe(true);
  });

  it("refuses a bad --targets value with exit 2 before running", async () => {
    const out = join(work, "compare-bad");
    const result = await runCli(["compare", "level-2", "level-3", "-o", out, "--targets", "ten"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('got "ten"');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
