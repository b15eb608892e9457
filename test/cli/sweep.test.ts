import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain } from "./run-main.ts";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-sweep-"));
const sweepFile = join(work, "horizon.yaml");

interface SweepJson {
  command: string;
  outDir: string;
  files: string[];
  totalPoints: number;
  points: number;
  shard?: { index: number; count: number };
}

interface SavedSweep {
  points: { parameters: Record<string, unknown>; kpis: Record<string, { mean: number }> }[];
}

const points = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as SavedSweep).points
    .map((point) => ({ parameters: point.parameters, delivered: point.kpis.delivered?.mean }))
    .sort((a, b) => JSON.stringify(a.parameters).localeCompare(JSON.stringify(b.parameters)));

beforeAll(() => {
  writeFileSync(
    sweepFile,
    [
      "name: horizon",
      "base: level-1",
      "replications: 2",
      "tornado: false",
      "kpis: [delivered, roi]",
      "parameters:",
      "  - path: horizonMonths",
      "    values: [12, 18, 24]",
      "",
    ].join("\n"),
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scalesim sweep and merge", () => {
  it("evaluates every point and writes the sweep report (--json)", async () => {
    const out = join(work, "full");
    const result = await runCli(["sweep", sweepFile, "-w", "1", "--format", "json,csv", "-o", out, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as SweepJson;
    expect(parsed).toMatchObject({ command: "sweep", outDir: out, totalPoints: 3, points: 3 });
    expect(parsed.files).toEqual(expect.arrayContaining(["summary.json", "points.csv"]));
  });

  it("--shard k/n splits the points and merge puts back exactly the unsharded result", async () => {
    const parts = [join(work, "part-1"), join(work, "part-2")];
    for (const [index, out] of parts.entries()) {
      const result = await runCli([
        "sweep",
        sweepFile,
        "--shard",
        `${index + 1}/2`,
        "-w",
        "1",
        "--format",
        "json",
        "-o",
        out,
        "--json",
      ]);
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as SweepJson).points).toBeLessThan(3);
    }
    const merged = join(work, "merged");
    const result = await runCli(["merge", ...parts, "--format", "json", "-o", merged, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ command: "merge", totalPoints: 3, points: 3 });
    expect(points(merged)).toEqual(points(join(work, "full")));
  });

  it("rejects an invalid sweep file with file:line:column and exit 2", async () => {
    const bad = join(work, "bad.yaml");
    writeFileSync(bad, "base: level-1\nreplications: 1\nparameters: []\n");
    const out = join(work, "never");
    const result = await runMain(["sweep", bad, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:2:`);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it("merge refuses summaries that are not sweeps", async () => {
    const notSweep = join(work, "run.json");
    writeFileSync(
      notSweep,
      JSON.stringify({ tool: { name: "scalesim", version: "0" }, meta: {}, kpis: {}, series: {} }),
    );
    const result = await runMain(["merge", notSweep]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not a scalesim sweep summary");
  });
});
