/**
 * The lazy day replay of the serving pool (serving-pool.ts, day-replay.ts) against stepping every step
 * (`replayDays: false`): arrivals and retirements at any time of day, month closes inside replayed days, the
 * pods read mid-cycle, tenants, dedicated deployments and stabilisers. Integer outputs must be equal; money,
 * requests and latency equal up to the grouping of additions (relative 1e-9).
 */
import { describe, expect, it } from "vitest";
import { Environment, StreamFactory } from "../../../engine/index.ts";
import type { ServingMonth } from "../../../src/model/platform/serving-accounts.ts";
import type { ServingOptions } from "../../../src/model/platform/serving-options.ts";
import { ServingPool } from "../../../src/model/platform/serving-pool.ts";
import { servingOptionsFixture } from "./serving-options-fixture.ts";

type Event =
  | {
      at: number;
      kind: "add";
      id: number;
      memoryGb: number;
      tenant: string;
      dedicated: boolean;
      rank: number;
    }
  | { at: number; kind: "remove"; id: number }
  | { at: number; kind: "month" }
  | { at: number; kind: "pods" };

interface Run {
  months: ServingMonth[];
  pods: number[];
  totals: {
    requests: number;
    misses: number;
    coldLoads: number;
    podHours: number;
    steps: number;
    maxPods: number;
  };
  trace: number[];
}

/** Events over `days`: arrivals and retirements at random times, month closes every 30.4375 days, pods reads. */
function schedule(seed: number, days: number, changesPerDay: number): Event[] {
  const u = new StreamFactory(seed, 0).get("events");
  const events: Event[] = [];
  let id = 0;
  const live: number[] = [];
  for (let i = 0; i < 12; i++) {
    const dedicated = u() < 0.25;
    events.push({
      at: 0,
      kind: "add",
      id,
      memoryGb: 0.5 + 2 * u(),
      tenant: `t${i % 3}`,
      dedicated,
      rank: u(),
    });
    live.push(id++);
  }
  let t = 0;
  for (;;) {
    t += (-Math.log(1 - u()) / changesPerDay) * (u() < 0.3 ? 0.1 : 1);
    if (t >= days) break;
    if (u() < 0.35 && live.length > 4) {
      const [gone] = live.splice(Math.floor(u() * live.length), 1);
      events.push({ at: t, kind: "remove", id: gone! });
    } else {
      const dedicated = u() < 0.25;
      events.push({
        at: t,
        kind: "add",
        id,
        memoryGb: 0.5 + 2 * u(),
        tenant: `t${id % 4}`,
        dedicated,
        rank: u(),
      });
      live.push(id++);
    }
    if (u() < 0.3) events.push({ at: t + u() * 2, kind: "pods" });
  }
  for (let m = 1; m * 30.4375 < days; m++) events.push({ at: m * 30.4375, kind: "month" });
  return events.filter((e) => e.at < days).sort((a, b) => a.at - b.at);
}

function run(options: ServingOptions, events: readonly Event[], days: number): Run {
  const env = new Environment();
  const pool = new ServingPool(env, options, true);
  const months: ServingMonth[] = [];
  const pods: number[] = [];
  for (const e of events) {
    if (e.at > env.now) env.run({ until: e.at });
    if (e.kind === "add")
      pool.add(
        {
          id: e.id,
          tenant: e.tenant,
          memoryGb: e.memoryGb,
          dedicated: e.dedicated,
          regions: 1 + (e.id % 2),
          minReplicas: 1 + (e.id % 2),
          maxReplicas: 6,
        },
        e.rank,
      );
    else if (e.kind === "remove") pool.remove(e.id);
    else if (e.kind === "month") months.push(pool.takeMonth());
    else pods.push(pool.pods);
  }
  env.run({ until: days });
  months.push(pool.takeMonth());
  return { months, pods, totals: { ...pool.totals }, trace: [...pool.podsTrace!] };
}

const MONEY = [
  "poolCost",
  "dedicatedCost",
  "podHours",
  "allDedicatedCost",
  "requests",
  "misses",
  "latencyWeighted",
  "latencyRequests",
  "overloadedHours",
  "modelsPerPodHours",
] as const;

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-300);
}

/** The differences between a replayed and a stepped run, as readable lines (none when they agree). */
function differences(replayed: Run, stepped: Run): string[] {
  const out: string[] = [];
  if (replayed.trace.join() !== stepped.trace.join()) {
    const at = replayed.trace.findIndex((p, i) => p !== stepped.trace[i]);
    out.push(`pods trace differs from step ${at}`);
  }
  if (replayed.pods.join() !== stepped.pods.join()) out.push("pods read between events differ");
  const a = replayed.totals;
  const b = stepped.totals;
  if (a.steps !== b.steps || a.maxPods !== b.maxPods || a.coldLoads !== b.coldLoads)
    out.push(`totals ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  for (const k of ["requests", "misses", "podHours"] as const)
    if (!close(a[k], b[k])) out.push(`totals.${k} ${a[k]} vs ${b[k]}`);
  if (replayed.months.length !== stepped.months.length) out.push("month count");
  stepped.months.forEach((m, i) => {
    const r = replayed.months[i]!;
    if (r.coldLoads !== m.coldLoads) out.push(`month ${i} coldLoads ${r.coldLoads} vs ${m.coldLoads}`);
    for (const k of MONEY) if (!close(r[k], m[k])) out.push(`month ${i} ${k} ${r[k]} vs ${m[k]}`);
    for (const key of ["usedCostByTenant", "dedicatedCostByTenant"] as const) {
      const want = m[key];
      const got = r[key];
      if ([...got.keys()].sort().join() !== [...want.keys()].sort().join())
        out.push(`month ${i} ${key} tenants`);
      for (const [t, v] of want)
        if (!close(got.get(t) ?? 0, v)) out.push(`month ${i} ${key}.${t} ${got.get(t)} vs ${v}`);
    }
  });
  return out;
}

/** A diurnal load busy enough to move the pool and the dedicated deployments through the day. */
function diurnal(overrides: Partial<ServingOptions> = {}): Partial<ServingOptions> {
  return {
    diurnalAmplitude: 0.8,
    requestsPerSecondPerModel: 15,
    memoryTargetUtilisation: 0.7,
    maxReplicas: 12,
    ...overrides,
  };
}

function compare(
  seed: number,
  overrides: Partial<ServingOptions>,
  days = 120,
  changesPerDay = 0.4,
): string[] {
  const events = schedule(seed, days, changesPerDay);
  const stepped = run(servingOptionsFixture({ ...overrides, replayDays: false }), events, days);
  const replayed = run(servingOptionsFixture({ ...overrides, replayDays: true }), events, days);
  return differences(replayed, stepped);
}

describe("ServingPool lazy day replay equals stepping every step", () => {
  it("arrivals, retirements, month closes and pods reads at any time of day, with a 300 s stabiliser", () => {
    for (const seed of [1, 2, 3]) expect(compare(seed, diurnal())).toEqual([]);
  });

  it("peaks at other hours, CPU-only scaling, no stabiliser", () => {
    expect(compare(4, diurnal({ peakHour: 3, memoryTargetUtilisation: 0 }))).toEqual([]);
    expect(compare(5, diurnal({ peakHour: 21.5, stabilisationWindowSeconds: 0 }))).toEqual([]);
  });

  it("two-hour and day-long steps, and a pool that may scale to zero pods at a full-swing trough", () => {
    expect(compare(6, diurnal({ stepHours: 2 }))).toEqual([]);
    expect(compare(14, diurnal({ stepHours: 24, diurnalAmplitude: 0.3 }), 200)).toEqual([]);
    expect(compare(7, diurnal({ minReplicas: 0, diurnalAmplitude: 1, peakHour: 12.5 }))).toEqual([]);
  });

  it("every model on a dedicated deployment, and a shadow pool", () => {
    expect(compare(8, diurnal({ mode: "dedicated", requestsPerSecondPerModel: 40 }))).toEqual([]);
    expect(compare(13, diurnal({ mode: "dedicated", requestsPerSecondPerModel: 40 }), 120, 2)).toEqual([]);
    expect(compare(9, diurnal({ shadow: true }))).toEqual([]);
  });

  it("changes days apart (long replays) and hours apart (cycles interrupted while being watched)", () => {
    expect(compare(10, diurnal(), 200, 0.05)).toEqual([]);
    expect(compare(11, diurnal(), 60, 3)).toEqual([]);
  });

  it("cold models (random draws: no replay) give the same result both ways", () => {
    expect(compare(12, diurnal({ requestsPerSecondPerModel: 0.002 }), 30)).toEqual([]);
  });
});
