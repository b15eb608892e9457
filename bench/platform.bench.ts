/**
 * Platform benchmark: CPU milliseconds per simulated cluster-day (one autoscaled cluster, 100 Poisson jobs a
 * day) and per serving-day (100 models on multi-model serving, hourly steps), each run alone through
 * `runPlatform`; and the cost of the platform inside a full replication: a 36-month level-3 replication with
 * the platform on, against the same replication with `platform.enabled: false` (the baseline measured in the
 * same run). Budget from the issue: platform-on <= 2x delivery-only. Cluster and serving: best of N on process
 * CPU time; the replication: medians of paired blocks at steady state (see below).
 * Prints one `BENCH {json}` line and one readable line.
 */
import "./as-cli.ts";
import process from "node:process";
import { runPlatform } from "../src/model/platform/run-platform.ts";
import { simulate } from "../src/model/simulate.ts";
import { parseScenario } from "../src/scenario/load.ts";
import { platformSchema } from "../src/scenario/platform-schema.ts";

const REPEATS = 5;
const MONTHS = 3;
const DAYS = (MONTHS * 365.25) / 12;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function best(run: (i: number) => void): number {
  run(99);
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = cpuMs();
    run(i);
    times.push(cpuMs() - start);
  }
  return Math.min(...times);
}

const clusterConfig = platformSchema.parse({
  workloads: {
    jobStreams: [{ ratePerDay: 100, nodes: { dist: "uniform", min: 1, max: 4 }, diurnalAmplitude: 0.6 }],
  },
});
const servingConfig = platformSchema.parse({ workloads: { servedModels: { count: 100 } } });
let clusterEvents = 0;
let servingEvents = 0;
const clusterMs = best((i) => {
  clusterEvents = runPlatform(clusterConfig, { seed: 1, replication: i, horizonMonths: MONTHS }).events;
});
const servingMs = best((i) => {
  servingEvents = runPlatform(servingConfig, { seed: 1, replication: i, horizonMonths: MONTHS }).events;
});

const parsed = parseScenario("extends: [level-3, demand-level-3]\n", {});
if (!parsed.ok) throw new Error("level-3 preset does not load");
const on = parsed.scenario;
const off = { ...on, platform: { ...on.platform, enabled: false } };
// Steady state, paired, in blocks: both sides are first warmed up with LEVEL3_WARMUP replications each (a fresh
// isolate keeps getting faster for a few hundred replications as V8 optimises the model and sizes its heap; until
// the closures of src/model/young-closure.ts, a platform-on process also promoted about 3 MB per scavenge for its
// first few hundred replications, and 100 per side measured mostly that start; now only its first ~30 scavenges), then
// ROUNDS rounds each run the same BLOCK replications with the platform on and then off. CPU time is taken over a
// block, so the garbage collector's and compiler's helper threads (process CPU counts every thread) are charged to
// the block that made their work; the figure per side is the median over rounds of CPU per replication, and the
// ratio is the median of the rounds' paired ratios.
const LEVEL3_WARMUP = 300;
const ROUNDS = 10;
const BLOCK = 20;
for (let i = 0; i < LEVEL3_WARMUP; i++) {
  simulate(on, { seed: 7, replication: i });
  simulate(off, { seed: 7, replication: i });
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const onRounds: number[] = [];
const offRounds: number[] = [];
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const first = LEVEL3_WARMUP + round * BLOCK;
  const block = (scenario: typeof on): number => {
    const start = cpuMs();
    for (let i = 0; i < BLOCK; i++) simulate(scenario, { seed: 7, replication: first + i });
    return (cpuMs() - start) / BLOCK;
  };
  const onBlock = block(on);
  const offBlock = block(off);
  onRounds.push(onBlock);
  offRounds.push(offBlock);
  ratios.push(onBlock / offBlock);
}
const onMs = median(onRounds);
const offMs = median(offRounds);
const ratio = median(ratios);

const result = {
  name: "platform",
  repeats: REPEATS,
  clock: "process CPU time (user + system), best of N",
  cluster: {
    days: DAYS,
    jobsPerDay: 100,
    events: clusterEvents,
    ms: clusterMs,
    msPerClusterDay: clusterMs / DAYS,
  },
  serving: {
    days: DAYS,
    models: 100,
    events: servingEvents,
    ms: servingMs,
    msPerServingDay: servingMs / DAYS,
  },
  level3Replication: {
    months: on.horizonMonths,
    clock: "process CPU time per replication, median over rounds of blocks, after a warm-up",
    warmup: LEVEL3_WARMUP,
    rounds: ROUNDS,
    block: BLOCK,
    platformOnMs: onMs,
    baseline: { name: "same replications with platform.enabled: false", ms: offMs },
    ratio,
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
    budgetRatio: 2,
  },
  node: process.version,
};
console.log(`BENCH ${JSON.stringify(result)}`);
console.log(
  `platform: ${(clusterMs / DAYS).toFixed(3)} ms per cluster-day (100 jobs/day), ` +
    `${(servingMs / DAYS).toFixed(3)} ms per serving-day (100 models, hourly); ` +
    `level-3 ${on.horizonMonths}-month replication ${onMs.toFixed(1)} ms with platform vs ${offMs.toFixed(1)} ms ` +
    `delivery-only = ${ratio.toFixed(2)}x (rounds ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}; budget 2x)`,
);
