import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Environment, StreamFactory } from "../../../engine/index.ts";
import { type ClusterOptions, ComputeCluster } from "../../../src/model/platform/compute-cluster.ts";
import { erlangC } from "../../../src/model/platform/erlang-c.ts";
import type { JobOutcome, JobRequest } from "../../../src/model/platform/port.ts";

const HOUR = 1 / 24;
const SECOND = 1 / 86_400;

function options(overrides: Partial<ClusterOptions> = {}): ClusterOptions {
  return {
    name: "c",
    region: "default",
    minNodes: 0,
    maxNodes: 10,
    costPerNodeHour: 1,
    provisioningSeconds: 240,
    lowPriority: false,
    lowPriorityDiscount: 0.8,
    evictionRatePerNodeHour: 0,
    scaleUpThreshold: 0.7,
    scaleDownThreshold: 0.3,
    scaleUpCooldownSeconds: 60,
    scaleDownCooldownSeconds: 300,
    idleSecondsBeforeScaledown: 300,
    scalerIntervalSeconds: 0,
    quotas: {},
    ...overrides,
  };
}

function job(overrides: Partial<JobRequest> = {}): JobRequest {
  return { kind: "training", tenant: "a", nodes: 1, runHours: 1, priority: 1, label: "j", ...overrides };
}

describe("ComputeCluster traces", () => {
  it("a job arriving at an empty min=0 cluster waits exactly the provisioning delay", () => {
    const env = new Environment();
    const cluster = new ComputeCluster(env, options());
    let outcome: JobOutcome | undefined;
    env.schedule(2 * HOUR, () => {
      cluster.submit(job()).then((e) => {
        outcome = e.value;
      });
    });
    env.run();
    expect(cluster.waitHours).toHaveLength(1);
    expect(cluster.waitHours[0]).toBeCloseTo(240 / 3600, 9);
    expect(outcome?.waitHours).toBeCloseTo(240 / 3600, 9);
  });

  it("releases an idle node exactly after the idle time and bills start-up to release", () => {
    const env = new Environment();
    const lines: string[] = [];
    // up threshold 1: no utilisation headroom, so exactly one node serves the job
    const cluster = new ComputeCluster(env, options({ scaleUpThreshold: 1, trace: (l) => lines.push(l) }));
    cluster.submit(job({ runHours: 1 }));
    env.run();
    const finish = 240 * SECOND + HOUR;
    expect(env.now).toBeCloseTo(finish + 300 * SECOND, 12);
    expect(cluster.nodeCount).toBe(0);
    expect(lines.at(-1)).toMatch(/scale-down -1 -> 0/);
    // billed from the provisioning request to release: 240 s + 1 h + 300 s
    expect(cluster.allocated.integral() * 24).toBeCloseTo((240 + 3600 + 300) / 3600, 9);
    expect(cluster.busy.integral() * 24).toBeCloseTo(1, 9);
  });

  it("adds utilisation headroom above the up threshold, then releases it once utilisation falls", () => {
    const env = new Environment();
    const lines: string[] = [];
    // the guide's rule: the idle headroom node is kept while the utilisation gate holds
    const cluster = new ComputeCluster(
      env,
      options({ scaleDownRule: "utilisationGate", trace: (l) => lines.push(l) }),
    );
    cluster.submit(job({ runHours: 1 }));
    env.run();
    // 1 busy of 1 allocated = 100% > 70%: one more node, ceil(1 / 0.7) = 2; both idle after the job, both released
    expect(lines.filter((l) => l.includes("scale-up")).map((l) => l.split(" ").slice(2).join(" "))).toEqual([
      "scale-up +1 -> 1",
      "scale-up +1 -> 2",
    ]);
    // the headroom node has been idle since it started, so it goes as soon as the job ends; the job's node
    // follows after its own idle time (300 s, which is also the down cooldown)
    expect(lines.filter((l) => l.includes("scale-down"))).toEqual([
      "1.0667h c scale-down -1 -> 1",
      "1.1500h c scale-down -1 -> 0",
    ]);
    expect(cluster.allocated.max).toBe(2);
  });

  it("keeps minNodes and runs a job on them without waiting", () => {
    const env = new Environment();
    const cluster = new ComputeCluster(env, options({ minNodes: 2, maxNodes: 2 }));
    cluster.submit(job());
    env.run({ until: 10 });
    expect(cluster.waitHours[0]).toBe(0);
    expect(cluster.nodeCount).toBe(2);
  });

  it("serves by priority, then FIFO, and honours tenant quotas", () => {
    const env = new Environment();
    const order: string[] = [];
    const cluster = new ComputeCluster(env, options({ minNodes: 1, maxNodes: 1, quotas: { q: 0 } }));
    cluster.submit(job({ label: "first", runHours: 1 }));
    for (const [label, priority] of [
      ["low", 5],
      ["high-1", 1],
      ["high-2", 1],
    ] as const)
      cluster.submit(job({ label, priority })).then(() => order.push(label));
    cluster.submit(job({ label: "blocked", tenant: "q", priority: 0 })).then(() => order.push("blocked"));
    env.run({ until: 30 });
    expect(order).toEqual(["high-1", "high-2", "low"]);
    expect(cluster.waiting).toBe(1);
  });

  it("restarts an evicted job from scratch on low-priority nodes", () => {
    const env = new Environment();
    const streams = new StreamFactory(7, 0);
    const cluster = new ComputeCluster(
      env,
      options({
        lowPriority: true,
        evictionRatePerNodeHour: 0.5,
        evictionSource: streams.get("preemption"),
        maxNodes: 4,
      }),
    );
    const outcomes: JobOutcome[] = [];
    for (let i = 0; i < 20; i++)
      cluster.submit(job({ runHours: 3, label: `j${i}` })).then((e) => outcomes.push(e.value));
    env.run({ until: 60 });
    expect(outcomes).toHaveLength(20);
    const evictions = outcomes.reduce((s, o) => s + o.evictions, 0);
    expect(evictions).toBeGreaterThan(0);
    expect(cluster.totals.evictions).toBeGreaterThanOrEqual(evictions);
    // restarted work is lost, so busy node-hours exceed the useful 60 node-hours
    expect(cluster.busy.integral() * 24).toBeGreaterThan(60);
    expect(cluster.effectiveCostPerNodeHour).toBeCloseTo(0.2, 12);
  });
});

describe("ComputeCluster finish runs", () => {
  it("each job finishes once, its own run time after its last start, with job records reused across evictions", () => {
    const env = new Environment();
    const streams = new StreamFactory(11, 0);
    const lines: string[] = [];
    const cluster = new ComputeCluster(
      env,
      options({
        lowPriority: true,
        evictionRatePerNodeHour: 0.3,
        evictionSource: streams.get("preemption"),
        maxNodes: 3,
        trace: (line) => lines.push(line),
      }),
    );
    const runHours = (i: number) => 0.5 + ((i * 7) % 11) / 2;
    // jobs an hour apart: finished jobs' records carry later ones, evicted or not
    // each job's outcome as its event delivered it, and its evictions and finishes as the trace tells them
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 40; i++)
      env.schedule(i * HOUR, () => {
        cluster.submit(job({ runHours: runHours(i), label: `j${i}` })).then((e) => {
          outcomes.set(`j${i}`, e.value.evictions);
        });
      });
    env.run({ until: 200 });
    const lastStart = new Map<string, number>();
    const finishes = new Map<string, number>();
    const evictions = new Map<string, number>();
    for (const line of lines) {
      const [at, , what, label, restarts] = line.split(" ");
      const hours = Number.parseFloat(at!);
      if (what === "start") lastStart.set(label!, hours);
      if (what === "evict" && restarts !== undefined) {
        const evicted = restarts.slice(1);
        evictions.set(evicted, (evictions.get(evicted) ?? 0) + 1);
      }
      if (what === "finish") {
        finishes.set(label!, (finishes.get(label!) ?? 0) + 1);
        const i = Number(label!.slice(1));
        expect(hours - lastStart.get(label!)!).toBeCloseTo(runHours(i), 3);
      }
    }
    const labels = Array.from({ length: 40 }, (_, i) => `j${i}`);
    expect(labels.map((label) => finishes.get(label) ?? 0)).toEqual(labels.map(() => 1));
    expect(labels.map((label) => outcomes.get(label))).toEqual(
      labels.map((label) => evictions.get(label) ?? 0),
    );
    // one first wait per job, however its record was used before
    expect(cluster.waitHours).toHaveLength(40);
    expect(cluster.totals.evictions).toBeGreaterThan(0);
    expect([...outcomes.values()].some((e) => e > 0)).toBe(true);
  });
});

describe("ComputeCluster against queueing theory", () => {
  it("a fixed cluster with Poisson jobs matches M/M/c (Erlang C) mean wait within a 95% CI", () => {
    const c = 5;
    const lambdaPerHour = 4;
    const muPerHour = 1;
    const env = new Environment();
    const streams = new StreamFactory(2024, 0);
    const arrivals = streams.get("arrivals");
    const sizes = streams.get("sizes");
    const cluster = new ComputeCluster(env, options({ minNodes: c, maxNodes: c }));
    const jobs = 120_000;
    let submitted = 0;
    const next = () => {
      env.schedule((-Math.log(1 - arrivals()) / lambdaPerHour) * HOUR, () => {
        cluster.submit(job({ runHours: -Math.log(1 - sizes()) / muPerHour }));
        if (++submitted < jobs) next();
      });
    };
    next();
    env.run();
    const waits = cluster.waitHours.slice(10_000);
    const batches = 30;
    const size = Math.floor(waits.length / batches);
    const means: number[] = [];
    for (let b = 0; b < batches; b++) {
      let s = 0;
      for (let i = b * size; i < (b + 1) * size; i++) s += waits[i]!;
      means.push(s / size);
    }
    const mean = means.reduce((a, b) => a + b, 0) / batches;
    const sd = Math.sqrt(means.reduce((a, m) => a + (m - mean) ** 2, 0) / (batches - 1));
    const halfWidth = (2.045 * sd) / Math.sqrt(batches);
    const expected = erlangC(c, lambdaPerHour / muPerHour) / (c * muPerHour - lambdaPerHour);
    expect(Math.abs(mean - expected)).toBeLessThan(halfWidth);
    expect(halfWidth / expected).toBeLessThan(0.15);
  });
});

describe("ComputeCluster properties", () => {
  it("an autoscaled cluster never exceeds max nodes nor goes below min", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(
          fc.record({
            gapHours: fc.double({ min: 0, max: 3, noNaN: true }),
            nodes: fc.integer({ min: 1, max: 12 }),
            runHours: fc.double({ min: 0, max: 5, noNaN: true }),
            priority: fc.integer({ min: 0, max: 2 }),
          }),
          { maxLength: 40 },
        ),
        fc.boolean(),
        fc.integer({ min: 0, max: 600 }),
        (min, extra, jobs, lowPriority, interval) => {
          const env = new Environment();
          const streams = new StreamFactory(1, 0);
          const cluster = new ComputeCluster(
            env,
            options({
              minNodes: min,
              maxNodes: min + extra,
              lowPriority,
              evictionRatePerNodeHour: lowPriority ? 0.02 : 0,
              evictionSource: streams.get("preemption"),
              scalerIntervalSeconds: interval,
            }),
          );
          let t = 0;
          let done = 0;
          for (const j of jobs) {
            t += j.gapHours * HOUR;
            env.schedule(t, () => {
              cluster.submit(job(j)).then(() => done++);
            });
          }
          env.run({ until: 60 });
          expect(cluster.allocated.max).toBeLessThanOrEqual(min + extra);
          // below min only transiently while an evicted node's replacement starts, never with dedicated nodes
          if (!lowPriority) expect(cluster.allocated.min).toBeGreaterThanOrEqual(min);
          expect(cluster.nodeCount).toBeGreaterThanOrEqual(min);
          // wide jobs on evictable nodes may keep restarting; dedicated clusters finish everything
          if (!lowPriority) expect(done).toBe(jobs.length);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
});

describe("ComputeCluster scale-down rule (issue 10 point 8)", () => {
  // up threshold 0.5: one busy node of 1 allocated asks for ceil(1 / 0.5) = 2 nodes, the second stays idle
  const idleNodeHours = (scaleDownRule: "idleTime" | "utilisationGate") => {
    const env = new Environment();
    const cluster = new ComputeCluster(env, options({ scaleUpThreshold: 0.5, scaleDownRule }));
    cluster.submit(job({ runHours: 10 }));
    env.run({ until: 5 * HOUR });
    const nodesMidJob = cluster.nodeCount;
    env.run();
    return { nodesMidJob, nodeHours: cluster.allocated.integral() * 24 };
  };

  it("idleTime (AmlCompute) releases the idle node after 300 s although the other node is busy", () => {
    expect(idleNodeHours("idleTime").nodesMidJob).toBe(1);
  });

  it("utilisationGate keeps it while busy / allocated (0.5) is not below the down threshold (0.3)", () => {
    const gate = idleNodeHours("utilisationGate");
    expect(gate.nodesMidJob).toBe(2);
    expect(gate.nodeHours).toBeGreaterThan(idleNodeHours("idleTime").nodeHours + 9);
  });
});

describe("ComputeCluster jobs wider than the cluster", () => {
  it("narrows a job wider than maxNodes and counts it", () => {
    const env = new Environment();
    const cluster = new ComputeCluster(env, options({ maxNodes: 2 }));
    cluster.submit(job({ nodes: 5 }));
    cluster.submit(job({ nodes: 2 }));
    env.run();
    expect(cluster.totals.jobsClamped).toBe(1);
  });
});

/** Options for the reconfiguration traces: instant start-up, one node per job, no cooldowns. */
function quick(overrides: Partial<ClusterOptions> = {}): ClusterOptions {
  return options({
    provisioningSeconds: 0,
    scaleUpThreshold: 1,
    scaleUpCooldownSeconds: 0,
    scaleDownCooldownSeconds: 0,
    ...overrides,
  });
}

// A cluster reconfigured during a run (a roadmap effect; issue 10 point 9) keeps its nodes and jobs and decides
// under the new rules from then on.
describe("ComputeCluster.reconfigure", () => {
  it("a fixed cluster switched to autoscaling keeps its running job and releases its idle nodes after the idle time", () => {
    const env = new Environment();
    const cluster = new ComputeCluster(env, quick({ minNodes: 4, maxNodes: 4 }));
    const outcomes: JobOutcome[] = [];
    cluster.submit(job({ runHours: 10 })).then((e) => outcomes.push(e.value!));
    env.run({ until: 2 * HOUR });
    expect(cluster.nodeCount).toBe(4);
    cluster.reconfigure(quick({ minNodes: 0, maxNodes: 4 }));
    env.run({ until: 3 * HOUR });
    // the three idle nodes went after 300 s; the busy one stays with its job
    expect(cluster.nodeCount).toBe(1);
    expect(cluster.busy.current).toBe(1);
    env.run();
    expect(outcomes).toEqual([{ waitHours: 0, runHours: 10, evictions: 0 }]);
    expect(cluster.nodeCount).toBe(0);
  });

  it("a raised max lets a queued wide job run at once; a lowered max narrows the queued jobs so none is stuck", () => {
    const env = new Environment();
    const cluster = new ComputeCluster(env, quick({ maxNodes: 2 }));
    cluster.submit(job({ nodes: 2, runHours: 10 }));
    let waited: number | undefined;
    cluster.submit(job({ nodes: 2, runHours: 1 })).then((e) => {
      waited = e.value!.waitHours;
    });
    env.run({ until: HOUR });
    expect(cluster.waiting).toBe(1);
    cluster.reconfigure(quick({ maxNodes: 4 }));
    env.run();
    // it started when the max was raised (1 h), not when the first job ended (10 h)
    expect(waited).toBeCloseTo(1, 9);

    const env2 = new Environment();
    const narrow = new ComputeCluster(env2, quick({ maxNodes: 4 }));
    narrow.submit(job({ nodes: 4, runHours: 10 }));
    const queued = narrow.submit(job({ nodes: 4, runHours: 1 }));
    env2.run({ until: HOUR });
    narrow.reconfigure(quick({ maxNodes: 2 }));
    expect(narrow.totals.jobsClamped).toBe(1);
    env2.run();
    expect(queued.ok).toBe(true);
    expect(narrow.totals.jobsCompleted).toBe(2);
  });
});
