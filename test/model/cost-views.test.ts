import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { netPresentValue } from "../../src/model/finance.ts";
import { COST_CATEGORIES, ENTERPRISE_CATEGORIES, inCostView } from "../../src/model/ledger.ts";
import { TRANSFER_PRICE_CATEGORIES } from "../../src/model/metrics.ts";
import type { ReplicationResult } from "../../src/model/result.ts";
import { simulate } from "../../src/model/simulate.ts";
import { loadScenario } from "../../src/scenario/index.ts";

const file = join(import.meta.dirname, "..", "..", "scenarios", "level-5.yaml");
let result: ReplicationResult;
let discountRate: number;

beforeAll(async () => {
  const loaded = await loadScenario(file);
  if (!loaded.ok) throw new Error("level-5.yaml does not load");
  discountRate = loaded.scenario.finance.discountRatePerYear;
  result = simulate(loaded.scenario, { seed: 12345, replication: 0, keepProjects: false });
});

const total = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

describe("two views of cost (level 5)", () => {
  it("puts every category in the chargeback view and all but transfer prices in the enterprise view", () => {
    expect(TRANSFER_PRICE_CATEGORIES).toEqual(["tiers"]);
    expect(ENTERPRISE_CATEGORIES).toEqual(["people", "compute", "serving", "platform", "investment"]);
    for (const c of COST_CATEGORIES) expect(inCostView(c, "chargeback")).toBe(true);
  });

  it("counts no dollar twice: tier fees are in the chargeback view only; ROI and NPV use the enterprise view", () => {
    const k = result.kpis;
    const tiers = k["cost.tiers"]!;
    // level 5 bills tier fees worth a large share of the spend: they must not be added to it
    expect(tiers).toBeGreaterThan(0.2 * k["cost.total"]!);
    const enterprise = total(ENTERPRISE_CATEGORIES.map((c) => k[`cost.${c}`]!));
    expect(k["cost.total"]).toBeCloseTo(enterprise, 2);
    expect(k["chargeback.billed"]).toBeCloseTo(enterprise + tiers, 2);
    // every row is in exactly one of: enterprise spend, transfer price
    const spend = result.costRows.filter((r) => inCostView(r.xCostCategory, "enterprise"));
    const transfer = result.costRows.filter((r) => !inCostView(r.xCostCategory, "enterprise"));
    expect(spend.length + transfer.length).toBe(result.costRows.length);
    expect(transfer.every((r) => r.xCostCategory === "tiers")).toBe(true);
    expect(total(spend.map((r) => r.billedCost))).toBeCloseTo(k["cost.total"]!, 2);
    expect(total(transfer.map((r) => r.billedCost))).toBeCloseTo(tiers, 2);
    // ROI, NPV and cost per delivered read the enterprise total, month by month
    const monthly = result.series.costTotal!;
    expect(total(monthly)).toBeCloseTo(k["cost.total"]!, 2);
    for (let m = 0; m < monthly.length; m++) {
      const spent = total(ENTERPRISE_CATEGORIES.map((c) => result.series[`cost.${c}`]![m]!));
      expect(monthly[m]).toBeCloseTo(spent, 4);
    }
    expect(k.roi).toBeCloseTo(k.value! / k["cost.total"]!, 12);
    expect(k.npv).toBeCloseTo(netPresentValue(result.series.value!, monthly, discountRate), 4);
    expect(k.costPerDelivered).toBeCloseTo(k["cost.total"]! / k.delivered!, 6);
    expect(k["level.5.cost.total"]).toBeLessThanOrEqual(k["cost.total"]! + 1e-6);
  });

  it("bills tenants in the chargeback view: tenant costs add up to chargeback.billed", () => {
    const tenants = Object.entries(result.kpis).filter(([name]) => name.startsWith("tenantCost."));
    expect(tenants.map(([name]) => name)).not.toContain("tenantCost.shared");
    expect(total(tenants.map(([, v]) => v))).toBeCloseTo(result.kpis["chargeback.billed"]!, 2);
  });
});

describe("model ownership (financial services)", () => {
  it("bills every tier fee to a unit that owns a delivered model on that tier", async () => {
    const fs = join(import.meta.dirname, "..", "..", "scenarios", "financial-services.yaml");
    const loaded = await loadScenario(fs);
    if (!loaded.ok) throw new Error("financial-services.yaml does not load");
    const run = simulate(loaded.scenario, { seed: 12345, replication: 0 });
    const owned = new Set(
      run.projects.filter((p) => p.tier !== undefined && p.tier !== "").map((p) => `${p.tenant}/${p.tier}`),
    );
    const billed = new Set(
      run.costRows
        .filter((r) => r.xCostCategory === "tiers")
        .map((r) => `${r.subAccountId}/${r.serviceName.replace(/ tier$/, "")}`),
    );
    expect(billed.size).toBeGreaterThan(1);
    for (const pair of billed) expect(owned, pair).toContain(pair);
  });
});
