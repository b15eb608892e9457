/**
 * Roadmap effects on the platform (issue 10, point 9): under common random numbers a platform effect completing
 * at month 6 leaves months 0-5 exactly as they were and changes the platform's metrics from month 6 on, in the
 * direction the mechanism says.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../../src/model/simulate.ts";
import { parseScenario } from "../../../src/scenario/load.ts";
import type { Scenario } from "../../../src/scenario/schema.ts";

const BASE = `extends: [level-3, demand-level-3]
horizonMonths: 12
platform:
  clusters: [{ minNodes: 20, maxNodes: 20 }]
  serving: { mode: dedicated }
`;

/** The base with one tier for all (Platinum, served on dedicated deployments whatever the serving mode). */
const SINGLE_TIER = `${BASE}  tiers: { assignment: { rule: single, tier: Platinum } }
`;

/** The base scenario with one investment completing at month `month` with `effects` (YAML flow mappings). */
function withInvestment(effects: string[], month = 6, base = BASE): Scenario {
  const list = effects.map((e) => `        - ${e}\n`).join("");
  const text = `${base}roadmap:\n  investments:\n    - name: platform first\n      startMonth: ${month - 3}\n      durationMonths: 3\n      effects:\n${list}`;
  return parsed(text);
}

function parsed(text: string): Scenario {
  const result = parseScenario(text, { file: "platform-first.yaml" });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.map((i) => i.message)));
  return result.scenario;
}

const options = { seed: 11, replication: 0 };
const base = simulate(parsed(BASE), options);
const singleTier = simulate(parsed(SINGLE_TIER), options);

/** Every series of `run` equals the `reference` run's in months 0-5. */
function sameFirstSixMonths(run: ReturnType<typeof simulate>, reference = base): void {
  for (const [name, values] of Object.entries(reference.series))
    expect(run.series[name]?.slice(0, 6), name).toEqual(values.slice(0, 6));
}

function sumFrom(values: readonly number[] | undefined, month: number): number {
  return (values ?? []).slice(month).reduce((a, b) => a + b, 0);
}

describe("platform effects apply at the month boundary of their completion, keeping the platform's state", () => {
  it("autoscaling switched on at month 6 (a fixed 20-node cluster may scale to 0): months 0-5 identical, then fewer node-hours and less compute cost", () => {
    const run = simulate(withInvestment([`{ path: "platform.clusters[0].minNodes", value: 0 }`]), options);
    sameFirstSixMonths(run);
    expect(base.series.clusterNodes!.slice(6).every((n) => Math.abs(n - 20) < 1e-9)).toBe(true);
    for (const n of run.series.clusterNodes!.slice(6)) expect(n).toBeLessThan(20);
    expect(sumFrom(run.series["cost.compute"], 6)).toBeLessThan(
      0.5 * sumFrom(base.series["cost.compute"], 6),
    );
    expect(run.kpis["cluster.nodeHours"]!).toBeLessThan(base.kpis["cluster.nodeHours"]!);
    // the jobs are the same jobs: every one still completes
    expect(run.kpis["cluster.jobsCompleted"]).toBe(base.kpis["cluster.jobsCompleted"]);
  });

  it("multi-model serving switched on at month 6: months 0-5 identical, then the same models on fewer pods for less", () => {
    const run = simulate(withInvestment([`{ path: platform.serving.mode, value: multiModel }`]), options);
    sameFirstSixMonths(run);
    expect(run.kpis["serving.models"]).toBe(base.kpis["serving.models"]);
    expect(run.kpis["serving.models"]!).toBeGreaterThan(0);
    for (let m = 6; m < 12; m++) {
      expect(run.series["cost.serving"]![m]!).toBeLessThan(base.series["cost.serving"]![m]!);
      expect(run.series.servingPods![m]!).toBeLessThan(base.series.servingPods![m]!);
    }
    expect(run.kpis["serving.cost"]!).toBeLessThan(base.kpis["serving.cost"]!);
  });

  it("service tiers switched on at month 6 (criticality instead of Platinum for all): months 0-5 identical, then lower tier fees", () => {
    const run = simulate(
      withInvestment([`{ path: platform.tiers.assignment.rule, value: criticality }`], 6, SINGLE_TIER),
      options,
    );
    sameFirstSixMonths(run, singleTier);
    expect(sumFrom(run.series["cost.tiers"], 7)).toBeLessThan(sumFrom(singleTier.series["cost.tiers"], 7));
    expect(run.kpis["tiers.share.Platinum"]!).toBeLessThan(1);
    expect(singleTier.kpis["tiers.share.Platinum"]).toBe(1);
  });

  it("a tier's price change reaches the models already live on it from the boundary on", () => {
    const run = simulate(
      withInvestment(
        [`{ path: platform.tiers.catalogue.Platinum.feePerMonth, value: 7500 }`],
        6,
        SINGLE_TIER,
      ),
      options,
    );
    sameFirstSixMonths(run, singleTier);
    for (let m = 6; m < 12; m++)
      expect(run.series["cost.tiers"]![m]!).toBeCloseTo(singleTier.series["cost.tiers"]![m]! / 2, 1);
  });

  it("an effect completing within a month waits for that month's end (month 5.5 acts like month 6)", () => {
    const half = (() => {
      const text = `${BASE}roadmap:\n  investments:\n    - { name: p, startMonth: 5, durationMonths: 0.5, effects: [{ path: "platform.clusters[0].minNodes", value: 0 }] }\n`;
      return simulate(parsed(text), options);
    })();
    const whole = simulate(withInvestment([`{ path: "platform.clusters[0].minNodes", value: 0 }`]), options);
    expect(half.series).toEqual(whole.series);
  });

  it("a raised maxNodes lets a saturated cluster scale up: shorter job waits after the boundary", () => {
    const tight = `extends: [level-3, demand-level-3]
horizonMonths: 12
platform:
  clusters: [{ minNodes: 0, maxNodes: 2 }]
  workloads: { jobStreams: [{ ratePerDay: 12, runHours: { dist: exponential, mean: 4 } }] }
`;
    const before = simulate(parsed(tight), options);
    const after = simulate(
      parsed(
        `${tight}roadmap:\n  investments:\n    - { name: bigger, startMonth: 3, durationMonths: 3, effects: [{ path: "platform.clusters[0].maxNodes", value: 20 }] }\n`,
      ),
      options,
    );
    expect(after.series.clusterQueueLength!.slice(0, 6)).toEqual(
      before.series.clusterQueueLength!.slice(0, 6),
    );
    expect(sumFrom(after.series.clusterQueueLength, 6)).toBeLessThan(
      sumFrom(before.series.clusterQueueLength, 6) / 10,
    );
    expect(after.kpis["cluster.peakNodes"]!).toBeGreaterThan(2);
  });
});

describe("standalone job streams follow their new rate from the boundary", () => {
  it("a stream's rate doubled at month 6: months 0-5 identical, then about twice the busy node-hours", () => {
    const platformOnly = `extends: [level-1]
horizonMonths: 12
demand: { businessUnits: [{ name: none, ratePerMonth: 0 }] }
platform:
  workloads: { jobStreams: [{ ratePerDay: 20, runHours: { dist: exponential, mean: 2 } }] }
`;
    const before = simulate(parsed(platformOnly), options);
    const after = simulate(
      parsed(
        `${platformOnly}roadmap:\n  investments:\n    - { name: more, startMonth: 6, effects: [{ path: "platform.workloads.jobStreams[0].ratePerDay", value: 40 }] }\n`,
      ),
      options,
    );
    sameFirstSixMonths(after, before);
    const ratio = sumFrom(after.series.clusterBusyNodes, 6) / sumFrom(before.series.clusterBusyNodes, 6);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
  });
});

describe("the per-tenant dedicated comparison follows the shared platform's changes", () => {
  const TENANTS = `extends: [level-3, demand-level-3]
horizonMonths: 12
demand:
  businessUnits:
    - { name: risk, ratePerMonth: 3 }
    - { name: fraud, ratePerMonth: 3 }
platform:
  tenants: [{ name: risk, quotaNodes: 8 }, { name: fraud, quotaNodes: 8 }]
  clusters: [{ minNodes: 10, maxNodes: 10 }]
  serving: { mode: dedicated }
  chargeback: { compareDedicated: true }
`;
  const before = simulate(parsed(TENANTS), options);

  it("multi-model serving and autoscaling at month 6 lower the comparison's costs too, so the saving stays like for like", () => {
    const after = simulate(
      withInvestment(
        [
          `{ path: platform.serving.mode, value: multiModel }`,
          `{ path: "platform.clusters[0].minNodes", value: 0 }`,
        ],
        6,
        TENANTS,
      ),
      options,
    );
    sameFirstSixMonths(after, before);
    expect(after.kpis["chargeback.dedicatedServingCost"]!).toBeLessThan(
      before.kpis["chargeback.dedicatedServingCost"]!,
    );
    expect(after.kpis["serving.cost"]!).toBeLessThan(before.kpis["serving.cost"]!);
    expect(after.kpis["cluster.cost"]!).toBeLessThan(before.kpis["cluster.cost"]!);
  });

  it("a tenant's quota cut to one node at month 6 narrows its jobs from then on (cluster.jobsNarrowed)", () => {
    const after = simulate(
      withInvestment([`{ path: "platform.tenants[0].quotaNodes", value: 1 }`], 6, TENANTS),
      options,
    );
    sameFirstSixMonths(after, before);
    expect(after.kpis["cluster.jobsNarrowed"]!).toBeGreaterThan(before.kpis["cluster.jobsNarrowed"]!);
  });
});
