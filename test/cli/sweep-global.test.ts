import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-sweep-global-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sweepFile(name: string, lines: string[]): string {
  const file = join(work, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `name: ${name}`,
      "base: level-1",
      "replications: 2",
      "tornado: false",
      "kpis: [delivered, roi]",
      ...lines,
      "parameters:",
      "  - path: horizonMonths",
      "    range: { min: 12, max: 24 }",
      "    integer: true",
      "  - path: organisation.spokes.count",
      "    range: { min: 2, max: 6 }",
      "    integer: true",
      "",
    ].join("\n"),
  );
  return file;
}

describe("scalesim sweep with global sensitivity", () => {
  it("sampling: sobol writes the indices to summary.json, indices.csv and a chart with intervals", async () => {
    const out = join(work, "sobol");
    const file = sweepFile("sobol", [
      "sampling: sobol",
      "points: 4",
      "boxes:",
      "  - { kpi: delivered, above: -1 }",
    ]);
    const result = await runCli(["sweep", file, "-w", "1", "--format", "json,csv,svg", "-o", out, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { files: string[]; totalPoints: number };
    expect(parsed.totalPoints).toBe(16);
    expect(parsed.files).toEqual(
      expect.arrayContaining(["indices.csv", "charts/sweep-indices-delivered.svg", "charts/sweep-box-1.svg"]),
    );
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as {
      sobol: Record<string, Record<string, { first: number; totalHigh: number }>>;
      boxes: { box: { density: number; restricted: string[] } }[];
    };
    // every point delivers more than -1 projects: the box is the whole design, nothing restricted
    expect(summary.boxes[0]!.box).toMatchObject({ density: 1, restricted: [] });
    expect(Object.keys(summary.sobol.delivered!)).toEqual(["horizonMonths", "organisation.spokes.count"]);
    const csv = readFileSync(join(out, "indices.csv"), "utf8").split("\r\n");
    expect(csv[0]).toBe("kpi,parameter,first,firstLow,firstHigh,total,totalLow,totalHigh");
    expect(csv[1]!.startsWith("delivered,horizonMonths,")).toBe(true);
  });

  it("sampling: morris writes mu*, its interval and sigma", async () => {
    const out = join(work, "morris");
    const file = sweepFile("morris", ["sampling: morris", "trajectories: 3"]);
    const result = await runCli(["sweep", file, "-w", "1", "--format", "json,csv", "-o", out, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const csv = readFileSync(join(out, "indices.csv"), "utf8").split("\r\n");
    expect(csv[0]).toBe("kpi,parameter,mu,muStar,muStarLow,muStarHigh,sigma");
    expect(csv).toHaveLength(1 + 4 + 1);
  });

  it("a sobol sweep without points is a usage error naming the field", async () => {
    const file = sweepFile("bad", ["sampling: sobol"]);
    const result = await runCli(["sweep", file, "-o", join(work, "bad")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/points.*sobol sampling needs points/);
  });
});
