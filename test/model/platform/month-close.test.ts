import { describe, expect, it } from "vitest";
import { Environment, StreamFactory } from "../../../engine/index.ts";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import { Ledger } from "../../../src/model/ledger.ts";
import { Platform } from "../../../src/model/platform/platform.ts";
import type { JobRequest } from "../../../src/model/platform/port.ts";
import { platformSchema } from "../../../src/scenario/platform-schema.ts";

/**
 * A platform small enough to bill by hand: two fixed nodes at $1/node-hour, one Silver model on a dedicated
 * $2/hour pod (its load never needs a second replica, and Silver never fails here), one $1000 fixed cost split
 * evenly, idle compute shared by usage. Every amount below is an exact binary fraction, so the expectations
 * are exact.
 */
const config = platformSchema.parse({
  tenants: [{ name: "a" }, { name: "b" }],
  clusters: [{ name: "c", minNodes: 2, maxNodes: 2, costPerNodeHour: 1 }],
  serving: {
    mode: "dedicated",
    dedicatedPodCostPerHour: 2,
    requestsPerSecondPerModel: 0.001,
    diurnalAmplitude: 0,
    modelMemoryGb: { dist: "constant", value: 1 },
  },
  tiers: { catalogue: { Silver: { feePerMonth: 300, mtbfDays: 0 } } },
  chargeback: { idle: "usage", fixedCosts: [{ name: "registry", costPerMonth: 1000, method: "even" }] },
});

function job(tenant: string, nodes: number, runHours: number): JobRequest {
  return { kind: "training", tenant, nodes, runHours, priority: 1, label: `${tenant}-${runHours}h` };
}

/** Cost posted per (month, category, tenant), summed from the ledger rows. */
function costs(ledger: Ledger): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of ledger.rows) {
    const key = `${r.month} ${r.xCostCategory} ${r.subAccountId}`;
    out[key] = (out[key] ?? 0) + r.billedCost;
  }
  return out;
}

function run() {
  const env = new Environment();
  const ledger = new Ledger();
  const platform = new Platform(env, config, new StreamFactory(1, 0), ledger);
  platform.addProductionModel({ id: 1, tenant: "a", tier: "Silver", criticality: 0.5, retrainEveryDays: 0 });
  // month 0: a uses 1 node for 24 h, b 1 node for 12 h
  platform.submitJob(job("a", 1, 24));
  platform.submitJob(job("b", 1, 12));
  env.run({ until: DAYS_PER_MONTH });
  const month0 = platform.closeMonth(0);
  // month 1: b uses both nodes for 48 h
  platform.submitJob(job("b", 2, 48));
  env.run({ until: 2 * DAYS_PER_MONTH });
  const month1 = platform.closeMonth(1);
  return { month0, month1, ledger, ...platform.finish() };
}

describe("Platform month close", () => {
  const r = run();

  it("bills compute by usage, shares idle by usage, and posts serving, tier and fixed costs", () => {
    // month 0: 2 nodes x 730.5 h = $1461; a used 24 node-hours, b 12; idle $1425 split 2:1
    // serving: 730 whole hourly steps ended by 730.5 h, one $2 pod each = $1460 (a's dedicated pod)
    // month 1: b used 96 node-hours and takes all the idle; 731 serving steps = $1462
    expect(costs(r.ledger)).toEqual({
      "0 compute a": 24 + 950,
      "0 compute b": 12 + 475,
      "0 serving a": 1460,
      "0 tiers a": 300,
      "0 platform a": 500,
      "0 platform b": 500,
      "1 compute b": 1461,
      "1 serving a": 1462,
      "1 tiers a": 300,
      "1 platform a": 500,
      "1 platform b": 500,
    });
  });

  it("returns the month's series", () => {
    expect(r.month0).toEqual({
      clusterNodes: 2,
      clusterBusyNodes: 1.5 / DAYS_PER_MONTH,
      clusterUtilisation: 1.5 / (2 * DAYS_PER_MONTH),
      clusterQueueLength: 0,
      servingPods: 730 / 730.5,
      cacheHitRatio: 1,
      modelsPerPod: 0,
      servingP95LatencyMs: 0,
      slaAttainment: 1,
      availability: 1,
      platformCost: 1461 + 1460 + 1000,
    });
    expect(r.month1.clusterBusyNodes).toBe(4 / DAYS_PER_MONTH);
    expect(r.month1.servingPods).toBe(731 / 730.5);
    expect(r.month1.platformCost).toBe(1461 + 1462 + 1000);
  });

  it("totals the run in the KPIs", () => {
    const k = r.kpis;
    expect(k["cluster.nodeHours"]).toBe(2922);
    expect(k["cluster.cost"]).toBe(2922);
    expect(k["cluster.meanNodes"]).toBe(2);
    expect(k["cluster.peakNodes"]).toBe(2);
    expect(k["cluster.utilisation"]).toBe(5.5 / (4 * DAYS_PER_MONTH));
    expect(k["cluster.jobsCompleted"]).toBe(3);
    expect(k["cluster.jobWaitP95Hours"]).toBe(0);
    expect(k["serving.podHours"]).toBe(1461);
    expect(k["serving.cost"]).toBe(2922);
    expect(k["tiers.cost"]).toBe(600);
    expect(k["tiers.referenceCost"]).toBe(30_000);
    expect(k["tiers.savingVsSingleTier"]).toBe(1 - 600 / 30_000);
    expect(k["chargeback.sharedCost"]).toBe(3921 + 3923);
    expect(k["chargeback.fixedCosts"]).toBe(2000);
    expect(k["chargeback.centsMismatches"]).toBe(0);
    expect(k["chargeback.platformCost.a"]).toBe(974 + 1460 + 300 + 500 + 1462 + 300 + 500);
    expect(k["chargeback.platformCost.b"]).toBe(487 + 500 + 1461 + 500);
    expect(k["chargeback.tenants"]).toBe(2);
    expect(r.samples.jobWaitHours).toEqual([0, 0, 0]);
  });
});
