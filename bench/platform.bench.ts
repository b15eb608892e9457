/**
 * Platform benchmark: CPU milliseconds per simulated cluster-day (one autoscaled cluster, 100 Poisson jobs a
 * day) and per serving-day (100 models on multi-model serving, hourly steps), each run alone through
 * `runPlatform`; and the cost of the platform inside a full replication: a 36-month level-3 replication with
 * the platform on, against the same replication with `platform.enabled: false` (the baseline measured in the
 * same run). Budget from the issue: platform-on <= 2x delivery-only. Best of N on process CPU time.
 * Prints one `BENCH {json}` line and one readable line.
 */
import process from "node:process";
import { runPlatform } from "../src/model/platform/run-platform.ts";
import { simulate } from "../src/model/simulate.ts";
import { parseScenario } from "../src/scenario/load.ts";
import { platformSchema } from "../src/scenario/platform-schema.ts";

const REPEATS = 5;
const LEVEL3_REPEATS = 20;
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
// interleaved, so both sides see the same machine load; best of LEVEL3_REPEATS after a warm-up of each
let onMs = Number.POSITIVE_INFINITY;
let offMs = Number.POSITIVE_INFINITY;
for (let i = -3; i < LEVEL3_REPEATS; i++) {
  let start = cpuMs();
  simulate(on, { seed: 7, replication: Math.max(0, i) });
  if (i >= 0) onMs = Math.min(onMs, cpuMs() - start);
  start = cpuMs();
  simulate(off, { seed: 7, replication: Math.max(0, i) });
  if (i >= 0) offMs = Math.min(offMs, cpuMs() - start);
}

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
    repeats: LEVEL3_REPEATS,
    platformOnMs: onMs,
    baseline: { name: "same replication with platform.enabled: false", ms: offMs },
    ratio: onMs / offMs,
    budgetRatio: 2,
  },
  node: process.version,
};
console.log(`BENCH ${JSON.stringify(result)}`);
console.log(
  `platform: ${(clusterMs / DAYS).toFixed(3)} ms per cluster-day (100 jobs/day), ` +
    `${(servingMs / DAYS).toFixed(3)} ms per serving-day (100 models, hourly); ` +
    `level-3 ${on.horizonMonths}-month replication ${onMs.toFixed(0)} ms with platform vs ${offMs.toFixed(0)} ms ` +
    `delivery-only = ${(onMs / offMs).toFixed(2)}x (budget 2x)`,
);
