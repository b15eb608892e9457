import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { simulate } from "../src/model/simulate.ts";
import { formatIssues } from "../src/scenario/issues.ts";
import { loadScenario } from "../src/scenario/load.ts";

const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml") || f.endsWith(".json"))
  .sort();

describe("every file in scenarios/", () => {
  it("has files", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)("%s validates and simulates", async (file) => {
    const loaded = await loadScenario(`${dir}${file}`);
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    const result = simulate(loaded.scenario, { seed: 1, replication: 0, keepProjects: false });
    const s = loaded.scenario;
    expect(result.meta.horizonMonths).toBe(s.horizonMonths);
    const demand =
      s.demand.businessUnits.reduce((sum, u) => sum + u.ratePerMonth, 0) + s.demand.initialProjects;
    // platform-only scenarios (the platform engineer's files) have no delivery demand
    if (demand > 0) expect(result.kpis.ideas).toBeGreaterThan(0);
    expect(result.kpis["cost.total"]).toBeGreaterThan(0);
    expect(Number.isFinite(result.kpis.npv)).toBe(true);
    for (const [name, values] of Object.entries(result.series)) {
      expect(values, name).toHaveLength(s.horizonMonths);
      expect(values.every(Number.isFinite), name).toBe(true);
    }
  });

  it.each(files)("%s extends a preset and explains itself in comments", (file) => {
    const text = readFileSync(`${dir}${file}`, "utf8");
    expect(text).toMatch(/^extends: /m);
    expect(text.split("\n").filter((line) => line.trimStart().startsWith("#")).length).toBeGreaterThanOrEqual(
      2,
    );
  });
});
