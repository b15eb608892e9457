import { describe, expect, it } from "vitest";
import { toCents } from "../../../src/model/platform/largest-remainder.ts";
import { runPlatform } from "../../../src/model/platform/run-platform.ts";
import { simulate } from "../../../src/model/simulate.ts";
import { formatIssues } from "../../../src/scenario/issues.ts";
import { loadScenario, parseScenario } from "../../../src/scenario/load.ts";

const dir = new URL("../../../scenarios/", import.meta.url).pathname;

async function platformOf(file: string) {
  const loaded = await loadScenario(`${dir}${file}`);
  if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
  return loaded.scenario;
}

function expectCentExact(rows: { billedCost: number }[]) {
  for (const row of rows)
    expect(Math.abs(row.billedCost * 100 - Math.round(row.billedCost * 100))).toBeLessThan(1e-6);
}

describe("platform scenarios run on their own (zero delivery demand)", () => {
  it("cluster-autoscaling: compares with the fixed cluster on the same jobs", async () => {
    const s = await platformOf("cluster-autoscaling.yaml");
    const r = runPlatform(s.platform, { seed: 1, replication: 0, horizonMonths: 2 });
    expect(r.kpis["cluster.peakNodes"]).toBeLessThanOrEqual(50);
    expect(r.kpis["cluster.costSavingVsFixed"]).toBeGreaterThan(0);
    expect(r.kpis["cluster.utilisation"]).toBeGreaterThan(r.kpis["cluster.fixed.utilisation"]!);
    expect(r.series.clusterNodes).toHaveLength(2);
    expect(r.kpis["chargeback.centsMismatches"]).toBe(0);
  });

  it("serving-multi-model: packs several models per pod and beats one deployment per model", async () => {
    const s = await platformOf("serving-multi-model.yaml");
    const r = runPlatform(s.platform, { seed: 1, replication: 0, horizonMonths: 1 });
    expect(r.kpis["serving.models"]).toBe(100);
    expect(r.kpis["serving.modelsPerPod"]).toBeGreaterThan(3);
    expect(r.kpis["serving.savingVsDedicated"]).toBeGreaterThan(0.5);
    expect(r.kpis["serving.cacheHitRatio"]).toBeGreaterThan(0.9);
    expect(r.kpis["serving.p95LatencyMs"]).toBeGreaterThan(s.platform.serving.serviceMs);
  });

  it("service-tiers: the mix is cheaper than one tier and tiers order by availability", async () => {
    const s = await platformOf("service-tiers.yaml");
    const r = runPlatform(s.platform, { seed: 1, replication: 0, horizonMonths: 12 });
    expect(r.kpis["tiers.share.Platinum"]).toBeCloseTo(0.1, 9);
    expect(r.kpis["tiers.savingVsSingleTier"]).toBeCloseTo(
      1 - (35 * 500 + 35 * 2000 + 20 * 5000 + 10 * 15000) / 1_500_000,
      6,
    );
    expect(r.kpis["tiers.availability.Platinum"]).toBeGreaterThan(r.kpis["tiers.availability.Silver"]!);
    expect(r.kpis["tiers.availability.Silver"]).toBeGreaterThan(r.kpis["tiers.availability.Bronze"]!);
    const tierRows = r.ledger.rows.filter((row) => row.xCostCategory === "tiers");
    expect(tierRows.reduce((a, row) => a + row.billedCost, 0)).toBeCloseTo(r.kpis["tiers.cost"]!, 0);
  });

  it("multi-tenant-chargeback: every month's allocations sum to the pools' totals to the cent", async () => {
    const s = await platformOf("multi-tenant-chargeback.yaml");
    const r = runPlatform(s.platform, { seed: 3, replication: 0, horizonMonths: 2 });
    expect(r.kpis["chargeback.centsMismatches"]).toBe(0);
    expectCentExact(r.ledger.rows);
    // compute rows of each month add up to the cluster bill of that month, in cents
    const compute = r.ledger.rows.filter((row) => row.xCostCategory === "compute");
    const byMonth = new Map<number, number>();
    for (const row of compute)
      byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + toCents(row.billedCost));
    const total = [...byMonth.values()].reduce((a, b) => a + b, 0);
    expect(Math.abs(total - toCents(r.kpis["cluster.cost"]!))).toBeLessThanOrEqual(2 * byMonth.size);
    // data residency: nothing fell back to another region
    expect(r.kpis["cluster.residencyFallbacks"]).toBe(0);
    const tenants = new Set(r.ledger.rows.map((row) => row.subAccountId));
    for (const t of ["risk", "fraud", "pricing", "marketing", "supply"]) expect(tenants.has(t)).toBe(true);
    expect(r.kpis["chargeback.savingVsDedicated"]).toBeGreaterThan(0);
  });

  it("guide-claims: every claim has its KPI", async () => {
    const s = await platformOf("guide-claims.yaml");
    const r = runPlatform(s.platform, { seed: 1, replication: 0, horizonMonths: 1 });
    for (const k of [
      "cluster.costSavingVsFixed",
      "cluster.utilisation",
      "cluster.fixed.utilisation",
      "serving.modelsPerPod",
      "serving.savingVsDedicated",
      "tiers.savingVsSingleTier",
      "tiers.share.Bronze",
      "chargeback.savingVsDedicated",
    ] as const)
      expect(Number.isFinite(r.kpis[k])).toBe(true);
    expect(r.kpis["chargeback.tenants"]).toBe(20);
  });
});

describe("platform inside simulate()", () => {
  it("projects' jobs, production models and tiers reach the platform and the ledger", () => {
    const parsed = parseScenario("extends: level-4\nhorizonMonths: 18\n", {});
    if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
    const r = simulate(parsed.scenario, { seed: 5, replication: 0 });
    expect(r.kpis["cluster.jobsCompleted"]).toBeGreaterThan(0);
    expect(r.kpis["serving.models"]).toBeGreaterThan(0);
    expect(r.kpis["tiers.cost"]).toBeGreaterThan(0);
    const categories = new Set(r.costRows.map((row) => row.xCostCategory));
    for (const c of ["compute", "serving", "tiers", "platform"]) expect(categories.has(c)).toBe(true);
    expect(r.series.clusterNodes).toHaveLength(18);
  });

  it("with the platform disabled, jobs take their run time and nothing is billed", () => {
    const parsed = parseScenario("extends: level-4\nhorizonMonths: 12\nplatform: { enabled: false }\n", {});
    if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
    const r = simulate(parsed.scenario, { seed: 5, replication: 0 });
    expect(r.kpis["cluster.jobsCompleted"]).toBeUndefined();
    expect(
      r.costRows.filter((row) => ["compute", "serving", "tiers"].includes(row.xCostCategory)),
    ).toHaveLength(0);
  });
});

describe("platform presets", () => {
  it.each(["level-1", "level-2", "level-3", "level-4", "level-5", "financial-services", "retail"])(
    "%s loads and its platform runs",
    (name) => {
      const parsed = parseScenario(`extends: ${name}\n`, {});
      if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
      const p = parsed.scenario.platform;
      const r = runPlatform(p, { seed: 1, replication: 0, horizonMonths: 1 });
      expect(r.kpis["chargeback.centsMismatches"]).toBe(0);
      const fixed = p.clusters.every((c) => c.minNodes === c.maxNodes);
      // levels 1-3 run fixed clusters, autoscaling from level 4
      expect(fixed).toBe(["level-1", "level-2", "level-3"].includes(name));
    },
  );
});
