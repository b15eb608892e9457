import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSweep, runSweep } from "../src/montecarlo/index.ts";
import { formatIssues } from "../src/scenario/issues.ts";

const dir = fileURLToPath(new URL("../scenarios/sweeps/", import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

describe("every sweep file in scenarios/sweeps/", () => {
  it("has files", () => {
    expect(files.length).toBeGreaterThanOrEqual(1);
  });

  it.each(files)("%s validates and every point runs", async (file) => {
    const loaded = await loadSweep(`${dir}${file}`);
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    // two replications per point keep the test short; the point set and the validation are the real ones
    const summary = await runSweep(loaded.sweep, { replications: 2, workers: 1 });
    expect(summary.points.length).toBe(summary.totalPoints);
    expect(summary.totalPoints).toBeGreaterThanOrEqual(loaded.sweep.parameters.length);
    for (const point of summary.points) {
      for (const p of loaded.sweep.parameters) expect(point.parameters[p.path], p.path).toBeDefined();
      expect(Object.keys(point.kpis).length).toBeGreaterThan(0);
    }
  });
});
