import { describe, expect, it } from "vitest";
import { Environment, StreamFactory } from "../../../engine/index.ts";
import { DAYS_PER_MONTH } from "../../../src/model/calendar.ts";
import {
  assignTier,
  TIER_NAMES,
  type TierName,
  type TierSpec,
} from "../../../src/model/platform/service-tiers.ts";
import { type TierMonth, TierReliability } from "../../../src/model/platform/tier-reliability.ts";

function spec(overrides: Partial<TierSpec> = {}): TierSpec {
  return {
    feePerMonth: 1000,
    slaPercent: 99.5,
    supportResponseHours: 24,
    detectionHours: 2,
    meanFixHours: 4,
    selfHealingShare: 0,
    mtbfDays: 30,
    redundancy: "single",
    commonCauseMtbfDays: 0,
    backup: "daily",
    replicationLagSeconds: 5,
    minReplicas: 1,
    maxReplicas: 2,
    dedicatedServing: false,
    ...overrides,
  };
}

/** The month's fee rows as objects. */
function feesOf(month: TierMonth): { tenant: string; tier: TierName; fee: number }[] {
  const rows: { tenant: string; tier: TierName; fee: number }[] = [];
  for (let i = 0; i < month.feeCount; i++)
    rows.push({ tenant: month.feeTenants[i]!, tier: TIER_NAMES[month.feeTiers[i]!]!, fee: month.fees[i]! });
  return rows;
}

/** One model's month: its tier, uptime, whether the tier has an SLA and whether the month breached it. */
interface UptimeRow {
  tier: TierName;
  uptime: number;
  withSla: boolean;
  breached: boolean;
}

/** The month's model uptimes as objects. */
function uptimesOf(month: TierMonth): UptimeRow[] {
  const rows: UptimeRow[] = [];
  for (let i = 0; i < month.uptimeCount; i++)
    rows.push({
      tier: TIER_NAMES[month.uptimeTiers[i]!]!,
      uptime: month.uptimes[i]!,
      withSla: month.withSla[i] === 1,
      breached: month.breached[i] === 1,
    });
  return rows;
}

function catalogue(s: TierSpec): Record<TierName, TierSpec> {
  return { Bronze: s, Silver: s, Gold: s, Platinum: s };
}

describe("TierReliability", () => {
  it("with no redundancy, availability matches MTBF / (MTBF + MTTR) within a 95% CI", () => {
    const env = new Environment();
    const s = spec();
    const tiers = new TierReliability(
      env,
      catalogue(s),
      "Platinum",
      new StreamFactory(11, 0).get("failures"),
    );
    const models = 200;
    for (let i = 0; i < models; i++) tiers.add(i, "t", "Silver");
    const months = 120;
    const perModel: number[][] = [];
    for (let m = 0; m < months; m++) {
      env.run({ until: (m + 1) * DAYS_PER_MONTH });
      const month = tiers.closeMonth();
      for (let i = 0; i < month.uptimeCount; i++) (perModel[i] ??= []).push(month.uptimes[i]!);
    }
    // each model's long-run availability is one observation; models are independent
    const obs = perModel.map((u) => u.reduce((a, b) => a + b, 0) / u.length);
    const mean = obs.reduce((a, b) => a + b, 0) / obs.length;
    const sd = Math.sqrt(obs.reduce((a, x) => a + (x - mean) ** 2, 0) / (obs.length - 1));
    const half = (1.972 * sd) / Math.sqrt(obs.length);
    const mttrDays = (2 + 24 + 4) / 24;
    const expected = 30 / (30 + mttrDays);
    expect(Math.abs(mean - expected)).toBeLessThan(half);
    expect(half).toBeLessThan(0.002);
  });

  it("a multi-region (Platinum) model is out only while both regions are down", () => {
    const env = new Environment();
    const s = spec({
      redundancy: "multiRegion",
      mtbfDays: 5,
      supportResponseHours: 48,
      backup: "replication",
    });
    const tiers = new TierReliability(
      env,
      catalogue(s),
      "Platinum",
      new StreamFactory(5, 0).get("failures"),
      true,
    );
    for (let i = 0; i < 20; i++) tiers.add(i, "t", "Platinum");
    env.run({ until: 3650 });
    let outages = 0;
    for (let i = 0; i < 20; i++) {
      const units = tiers.unitDowntime!.get(i) ?? [];
      const both: [number, number][] = [];
      for (const [u0, s0, e0] of units)
        for (const [u1, s1, e1] of units)
          if (u0 === 0 && u1 === 1 && Math.max(s0, s1) < Math.min(e0, e1))
            both.push([Math.max(s0, s1), Math.min(e0, e1)]);
      both.sort((a, b) => a[0] - b[0]);
      // compare well before the end of the run, where every interval involved has been closed
      const seen = (tiers.outages!.get(i) ?? []).filter(([, end]) => end <= 3600);
      // completed outages are exactly the periods where both instances were down
      expect(seen.map(([a, b]) => [a.toFixed(9), b.toFixed(9)])).toEqual(
        both.filter(([, end]) => end <= 3600).map(([a, b]) => [a.toFixed(9), b.toFixed(9)]),
      );
      outages += seen.length;
    }
    expect(outages).toBeGreaterThan(0);
    // replication loses only the lag
    for (const lost of tiers.dataLostHours.Platinum) expect(lost).toBeCloseTo(5 / 3600, 12);
  });

  it("a high-availability model also goes down on a common-cause failure", () => {
    const env = new Environment();
    const s = spec({ redundancy: "highAvailability", mtbfDays: 1000, commonCauseMtbfDays: 20 });
    const tiers = new TierReliability(
      env,
      catalogue(s),
      "Platinum",
      new StreamFactory(3, 0).get("failures"),
      true,
    );
    tiers.add(1, "t", "Gold");
    env.run({ until: 2000 });
    const common = (tiers.unitDowntime!.get(1) ?? []).filter(([u]) => u === -1);
    expect(common.length).toBeGreaterThan(10);
    expect(tiers.outageCount.Gold).toBeGreaterThanOrEqual(common.length);
  });

  it("bills fees prorated over live days and compares with the reference tier", () => {
    const env = new Environment();
    const s = spec({ mtbfDays: 0 });
    const cat = { ...catalogue(s), Platinum: { ...s, feePerMonth: 15_000 } };
    const tiers = new TierReliability(env, cat, "Platinum", new StreamFactory(1, 0).get("failures"));
    env.run({ until: DAYS_PER_MONTH / 2 });
    tiers.add(1, "t", "Bronze");
    env.run({ until: DAYS_PER_MONTH });
    const month = tiers.closeMonth();
    expect(month.tierCount).toBe(1);
    expect(month.tierOrder[0]).toBe(TIER_NAMES.indexOf("Bronze"));
    expect(month.tierFees[TIER_NAMES.indexOf("Bronze")]).toBeCloseTo(500, 9);
    expect(month.referenceFees).toBeCloseTo(7500, 9);
    expect(uptimesOf(month)).toEqual([{ tier: "Bronze", uptime: 1, withSla: true, breached: false }]);
  });
});

describe("assignTier", () => {
  it("follows criticality thresholds", () => {
    const rule = { rule: "criticality", thresholds: [0.3, 0.5, 0.7] } as const;
    const src = () => 0;
    expect([0.1, 0.3, 0.6, 0.7, 0.99].map((c) => assignTier(rule, c, src))).toEqual([
      "Bronze",
      "Silver",
      "Gold",
      "Platinum",
      "Platinum",
    ]);
  });
  it("draws a mix in proportion", () => {
    const source = new StreamFactory(9, 0).get("mix");
    const counts: Record<string, number> = {};
    const rule = { rule: "mix", mix: { Bronze: 35, Silver: 35, Gold: 20, Platinum: 10 } } as const;
    for (let i = 0; i < 20_000; i++) {
      const t = assignTier(rule, 0, source);
      counts[t] = (counts[t] ?? 0) + 1;
    }
    expect(counts.Platinum! / 20_000).toBeGreaterThan(0.09);
    expect(counts.Platinum! / 20_000).toBeLessThan(0.11);
    expect((counts.Bronze! + counts.Silver!) / 20_000).toBeCloseTo(0.7, 1);
  });
});

describe("TierReliability.remove (a production model retired)", () => {
  it("fees are prorated to the retirement, the model leaves after its last month and draws no more failures", () => {
    const env = new Environment();
    const tiers = new TierReliability(
      env,
      catalogue(spec({ mtbfDays: 1 })),
      "Platinum",
      new StreamFactory(3, 0).get("failures"),
    );
    tiers.add(1, "a", "Gold");
    tiers.add(2, "b", "Silver");
    env.run({ until: DAYS_PER_MONTH / 4 });
    expect(tiers.remove(2)).toBe(true);
    expect(tiers.remove(2)).toBe(false);
    env.run({ until: DAYS_PER_MONTH });
    const first = tiers.closeMonth();
    const fees = feesOf(first);
    expect(fees.map((f) => [f.tenant, f.tier])).toEqual([
      ["a", "Gold"],
      ["b", "Silver"],
    ]);
    expect(fees[1]!.fee).toBeCloseTo(250, 9);
    expect(fees[0]!.fee).toBeCloseTo(1000, 9);
    expect(first.uptimeCount).toBe(2);
    const failures = tiers.failureCount.Silver;
    env.run({ until: 2 * DAYS_PER_MONTH });
    const second = tiers.closeMonth();
    expect(feesOf(second).map((f) => [f.tenant, f.tier])).toEqual([["a", "Gold"]]);
    expect(second.uptimeCount).toBe(1);
    expect(tiers.failureCount.Silver).toBe(failures);
    expect(tiers.failureCount.Gold).toBeGreaterThan(20);
  });
});

describe("TierReliability.closeMonth against a plain reference", () => {
  it("fees by (tenant, tier), fees by tier and every model's uptime equal a recomputation from the outage trace", () => {
    const env = new Environment();
    const cat: Record<TierName, TierSpec> = {
      Bronze: spec({ feePerMonth: 500, slaPercent: 0, mtbfDays: 3, backup: "none" }),
      Silver: spec({ feePerMonth: 2000, mtbfDays: 4, selfHealingShare: 0.5 }),
      Gold: spec({ feePerMonth: 5000, redundancy: "highAvailability", mtbfDays: 2, commonCauseMtbfDays: 9 }),
      Platinum: spec({ feePerMonth: 15_000, redundancy: "multiRegion", mtbfDays: 1, backup: "replication" }),
    };
    const tiers = new TierReliability(env, cat, "Gold", new StreamFactory(21, 0).get("failures"), true);
    const draw = new StreamFactory(21, 0).get("test");
    const models: { id: number; tenant: string; tier: TierName; since: number; retired: number }[] = [];
    const months: TierMonth[] = [];
    const MONTHS = 6;
    let id = 0;
    for (let m = 0; m < MONTHS + 2; m++) {
      // models arrive and retire inside the month, never on its boundary
      for (let k = 0; k < 6; k++) {
        env.run({ until: m * DAYS_PER_MONTH + (k + 0.5) * 4 + draw() });
        const tenant = ["a", "b", "c"][Math.floor(draw() * 3)]!;
        const tier = TIER_NAMES[Math.floor(draw() * 4)]!;
        tiers.add(id, tenant, tier);
        models.push({ id, tenant, tier, since: env.now, retired: Number.POSITIVE_INFINITY });
        id++;
        const live = models.filter((x) => x.retired === Number.POSITIVE_INFINITY);
        if (draw() < 0.4) {
          const victim = live[Math.floor(draw() * live.length)]!;
          expect(tiers.remove(victim.id)).toBe(true);
          victim.retired = env.now;
        }
      }
      env.run({ until: (m + 1) * DAYS_PER_MONTH });
      const month = tiers.closeMonth();
      // a snapshot: the month object is refilled by the next close
      months.push({
        ...month,
        feeTenants: [...month.feeTenants],
        feeTiers: month.feeTiers.slice(),
        fees: month.fees.slice(),
        tierOrder: month.tierOrder.slice(),
        tierFees: month.tierFees.slice(),
        uptimeTiers: month.uptimeTiers.slice(),
        uptimes: month.uptimes.slice(),
        withSla: month.withSla.slice(),
        breached: month.breached.slice(),
      });
    }
    let outagesSeen = 0;
    for (let m = 0; m < MONTHS; m++) {
      const start = m * DAYS_PER_MONTH;
      const end = (m + 1) * DAYS_PER_MONTH;
      const pairs: string[] = [];
      const pairFees = new Map<string, number>();
      const tierOrder: TierName[] = [];
      const tierFees = new Map<TierName, number>();
      let referenceFees = 0;
      const uptimes: UptimeRow[] = [];
      for (const x of models) {
        const key = `${x.tenant}/${x.tier}`;
        if (!pairs.includes(key)) pairs.push(key);
        if (x.since >= end || x.retired < start) continue;
        const live = Math.min(end, x.retired) - Math.max(start, x.since);
        const share = live / DAYS_PER_MONTH;
        const fee = cat[x.tier].feePerMonth * share;
        pairFees.set(key, (pairFees.get(key) ?? 0) + fee);
        if (!tierOrder.includes(x.tier)) tierOrder.push(x.tier);
        tierFees.set(x.tier, (tierFees.get(x.tier) ?? 0) + fee);
        referenceFees += cat.Gold.feePerMonth * share;
        let down = 0;
        for (const [from, to] of tiers.outages!.get(x.id) ?? [])
          if (from < end && to > start) {
            down += Math.min(to, end) - Math.max(from, start);
            outagesSeen++;
          }
        if (live > 1e-9) {
          const uptime = 1 - down / live;
          const sla = cat[x.tier].slaPercent;
          uptimes.push({
            tier: x.tier,
            uptime,
            withSla: sla > 0,
            breached: sla > 0 && uptime * 100 < sla - 1e-12,
          });
        }
      }
      const month = months[m]!;
      expect(feesOf(month)).toEqual(
        pairs
          .filter((key) => pairFees.has(key))
          .map((key) => {
            const [tenant, tier] = key.split("/") as [string, TierName];
            return { tenant, tier, fee: pairFees.get(key)! };
          }),
      );
      expect([...month.tierOrder.subarray(0, month.tierCount)].map((i) => TIER_NAMES[i])).toEqual(tierOrder);
      for (const tier of tierOrder) expect(month.tierFees[TIER_NAMES.indexOf(tier)]).toBe(tierFees.get(tier));
      expect(month.referenceFees).toBe(referenceFees);
      expect(uptimesOf(month)).toEqual(uptimes);
    }
    expect(outagesSeen).toBeGreaterThan(50);
  });
});
