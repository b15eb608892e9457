/**
 * Monte Carlo benchmark on the level-3 workload (`extends: [level-3, demand-level-3]`), the figures of issue 17:
 * (a) steady-state replications per second, measured in the same run, in-process (the baseline: one thread,
 *     no pool), on one worker thread and on two; the 2-worker rate is the marginal rate (pool start-up and
 *     warm-up excluded: each mode is first warmed up with 300 replications per worker, so thread start-up, module
 *     loading and the JIT warm-up of each fresh V8 isolate are not counted), then ROUNDS rounds each run
 *     RATE_REPLICATIONS replications in every mode back to back; rates are medians over the rounds and the
 *     speed-up is the median of the per-round ratios. Targets: 2 workers >= 1.7x the rate of 1 worker, >= 170
 *     replications/s marginal on 2 workers;
 * (b) CPU per replication of the whole process (all threads) in each mode; target: 2 workers no more than
 *     in-process;
 * (c) wall time of a full FULL_REPLICATIONS-replication run on 2 workers, pool start-up included (1 000 by
 *     default, SCALESIM_BENCH_REPLICATIONS overrides it), and from it the wall time of 10 000 replications: measured
 *     when FULL_REPLICATIONS is 10 000, else estimated as the full run plus the remaining replications at the
 *     marginal rate (flagged `tenThousandEstimated`); target <= 60 s; and that run's own marginal rate from its
 *     first progress report past a fifth of it to its end (a far longer window than (a)'s);
 * (d) peak memory of aggregating 10 000 replications (target < 500 MB): 50 real level-3 results are folded
 *     10 000 times over (cycling) into a RunAggregator and summarised, sampling RSS and heap every 100
 *     replications; the baseline is the RSS before aggregation. Memory of the pool itself is bounded by the
 *     in-flight window (2 x workers batches) and does not grow with replications;
 * (e) how this machine scales two copies of the workload that share nothing, in the same rounds: two independent
 *     processes (bench/independent-process.ts), each a 1-worker run of its own, run RATE_REPLICATIONS
 *     replications each at the same time. Their combined rate against the 1-worker rate of the same round
 *     (`twoProcessesVs1Worker`) is what two cores give two copies of the 1-worker run at that moment with no heap,
 *     V8 platform or allocator in common; the pool's 2-worker rate against it (`poolVsTwoProcesses`) says whether
 *     the pool adds any cost of its own to what the machine does to two copies (it has measured 104-125%: one
 *     folding thread and one set of V8 helper threads instead of two).
 * Wall time (not CPU time): parallel speed-up is a wall-time property. On a shared, busy machine the figures
 * are pessimistic, so the run also reports the 1-minute load average. On Linux it also splits the CPU by
 * thread (from /proc/self/task/<tid>/stat): the main thread (tid = pid; in-process it runs the model, with
 * workers it only receives and folds results) and every other thread (worker threads plus V8's garbage
 * collector and compiler helper threads); these per-thread figures do not depend on the load of a shared
 * machine, and bound the 2-core speed-up as 2 cores / (all CPU per replication) against the in-process rate
 * 1 / max(main, other). Prints one `BENCH {json}` line and one readable line.
 */
import "./as-cli.ts";
import { type ChildProcess, fork } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import process from "node:process";
import { median } from "simple-statistics";
import { simulate } from "../src/model/simulate.ts";
import { defaultDescribeMetric } from "../src/montecarlo/describe-metric.ts";
import { ReplicationPool } from "../src/montecarlo/replication-pool.ts";
import { toRecord } from "../src/montecarlo/replication-record.ts";
import { RunAggregator } from "../src/montecarlo/run-aggregator.ts";
import { runScenario } from "../src/montecarlo/run-scenario.ts";
import { defaultSummaryRoles } from "../src/montecarlo/summary-roles.ts";
import { parseScenario } from "../src/scenario/load.ts";
import type { IndependentMessage, IndependentRun } from "./independent-process.ts";

const RATE_REPLICATIONS = 200;
const ROUNDS = 3;
// per worker: a fresh V8 isolate keeps getting cheaper for a few hundred replications (JIT tiers, heap sizing):
// CPU per replication of consecutive runs of 50 on one fresh worker was 43 (start-up), 20, 13.6, 13.4, 12.4, 13.6,
// 13, 12, 11.4, 10 ms in the issue-17 measurements; 300 covers most of it, so the rates are steady-state rates
const WARMUP_PER_WORKER = 300;
const FULL_REPLICATIONS = Number(process.env.SCALESIM_BENCH_REPLICATIONS ?? 1000);
const MEMORY_REPLICATIONS = 10_000;
const MEMORY_DISTINCT = 50;
const SEED = 2026;

const SCENARIO_TEXT = "extends: [level-3, demand-level-3]\n";
const loaded = parseScenario(SCENARIO_TEXT, {
  file: "(presets level-3 + demand-level-3)",
});
if (!loaded.ok) throw new Error("level-3 preset does not validate");
const scenario = loaded.scenario;

/** CPU milliseconds of the whole process (every thread: the main thread and the workers). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Clock ticks per second of /proc CPU times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/**
 * CPU ms of the main thread and of all other threads of this process, from /proc; undefined off Linux. Threads
 * that exited in between are not counted (the pools of this bench live through each measurement).
 */
function threadCpuMs(): { main: number; other: number } | undefined {
  try {
    let main = 0;
    let other = 0;
    for (const tid of readdirSync("/proc/self/task")) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
      if (Number(tid) === process.pid) main += ms;
      else other += ms;
    }
    return { main, other };
  } catch {
    return undefined;
  }
}

interface Rate {
  perSecond: number;
  cpuMsPerReplication: number;
  /** CPU ms per replication of the main thread and of every other thread (Linux only). */
  mainMsPerReplication?: number;
  otherMsPerReplication?: number;
}

/** A way to run replications: in-process (the calling thread, no pool) or on a pool of worker threads. */
interface Mode {
  pool: ReplicationPool;
  perSecond: number[];
  cpuMs: number;
  mainMs: number | undefined;
  otherMs: number | undefined;
  replications: number;
}

/** A pool on `workers` worker threads, or on the calling thread when `workers` is "in-process", warmed up. */
async function warmMode(workers: number | "in-process"): Promise<Mode> {
  const pool =
    workers === "in-process" ? new ReplicationPool(1, { inProcess: true }) : new ReplicationPool(workers);
  await runScenario(scenario, {
    replications: WARMUP_PER_WORKER * pool.workers,
    seed: SEED + 1,
    pool,
    batchSize: 2,
  });
  return { pool, perSecond: [], cpuMs: 0, mainMs: 0, otherMs: 0, replications: 0 };
}

/** One round of `mode`: RATE_REPLICATIONS replications, their wall-clock rate and CPU added to the mode. */
async function measure(mode: Mode, round: number): Promise<void> {
  const start = performance.now();
  const cpuStart = cpuMs();
  const threadsStart = threadCpuMs();
  await runScenario(scenario, {
    replications: RATE_REPLICATIONS,
    seed: SEED + 10 * round,
    pool: mode.pool,
    batchSize: 10,
  });
  mode.perSecond.push(RATE_REPLICATIONS / ((performance.now() - start) / 1000));
  mode.cpuMs += cpuMs() - cpuStart;
  mode.replications += RATE_REPLICATIONS;
  const threadsEnd = threadCpuMs();
  if (threadsStart === undefined || threadsEnd === undefined) {
    mode.mainMs = mode.otherMs = undefined;
  } else if (mode.mainMs !== undefined && mode.otherMs !== undefined) {
    mode.mainMs += threadsEnd.main - threadsStart.main;
    mode.otherMs += threadsEnd.other - threadsStart.other;
  }
}

/** The mode's figures: the median rate over the rounds, CPU per replication over all of them. */
function rateOf(mode: Mode): Rate {
  const result: Rate = {
    perSecond: median(mode.perSecond),
    cpuMsPerReplication: mode.cpuMs / mode.replications,
  };
  if (mode.mainMs !== undefined && mode.otherMs !== undefined) {
    result.mainMsPerReplication = mode.mainMs / mode.replications;
    result.otherMsPerReplication = mode.otherMs / mode.replications;
  }
  return result;
}

/** Wait for the next message of `child` (rejects when it exits first). */
function nextMessage(child: ChildProcess): Promise<IndependentMessage> {
  return new Promise((done, fail) => {
    const onExit = (code: number | null) => fail(new Error(`independent process exited (${code})`));
    child.once("exit", onExit);
    child.once("message", (message: IndependentMessage) => {
      child.off("exit", onExit);
      done(message);
    });
  });
}

/** Start one independent process on the scenario and wait until it has warmed up. */
async function startIndependent(seed: number): Promise<ChildProcess> {
  const child = fork(new URL("./independent-process.ts", import.meta.url), [
    SCENARIO_TEXT,
    String(WARMUP_PER_WORKER),
    String(seed),
  ]);
  await nextMessage(child);
  return child;
}

/** Combined rate of `children` each running RATE_REPLICATIONS replications at the same time (wall clock). */
async function independentRate(children: readonly ChildProcess[], round: number): Promise<number> {
  const start = performance.now();
  await Promise.all(
    children.map((child, k) => {
      const reply = nextMessage(child);
      const run: IndependentRun = { replications: RATE_REPLICATIONS, seed: SEED + 10 * round + k };
      child.send(run);
      return reply;
    }),
  );
  return (children.length * RATE_REPLICATIONS) / ((performance.now() - start) / 1000);
}

// The two independent processes warm up together (each on its own core), before the pools do.
const independent = await Promise.all([startIndependent(SEED + 2), startIndependent(SEED + 3)]);
const independentRates: number[] = [];
// Every mode is warmed up first and kept alive; then ROUNDS rounds each measure in-process, 1 worker and 2 workers
// back to back, so a neighbour's load on a shared machine falls on all three alike, and the speed-up is the median
// of the per-round ratios (one pass per mode, as before, gave 1.43-2.04x for the same code on this machine).
const modes = [await warmMode("in-process"), await warmMode(1), await warmMode(2)] as const;
const ratios: number[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of modes) await measure(mode, round);
    independentRates.push(await independentRate(independent, round));
    ratios.push(modes[2].perSecond[round]! / modes[1].perSecond[round]!);
  }
} finally {
  for (const mode of modes) await mode.pool.destroy();
  for (const child of independent) child.disconnect();
}
// per round: two independent 1-worker processes against one 1-worker run, and the 2-worker pool against the two
// processes
const perRound = (f: (round: number) => number) => median(independentRates.map((_, round) => f(round)));
const twoProcessesPerSecond = median(independentRates);
const twoProcessesVs1Worker = perRound((r) => independentRates[r]! / modes[1].perSecond[r]!);
const poolVsTwoProcesses = perRound((r) => modes[2].perSecond[r]! / independentRates[r]!);
const [rate1, rate1Thread, rate2] = modes.map(rateOf) as [Rate, Rate, Rate];
const perSecond1 = rate1.perSecond;
const perSecond2 = rate2.perSecond;
const speedUp2Vs1 = median(ratios);

const fullStart = performance.now();
// the full run's own marginal rate: from the first progress report past a fifth of the run (pool start-up and the
// workers' first replications behind it) to the end, a window far longer than the rounds of (a)
const FULL_MARGINAL_FROM = 0.2;
let markDone = 0;
let markAt = 0;
const full = await runScenario(scenario, {
  replications: FULL_REPLICATIONS,
  seed: SEED,
  workers: 2,
  onProgress: ({ done }) => {
    if (markDone === 0 && done >= FULL_REPLICATIONS * FULL_MARGINAL_FROM) {
      markDone = done;
      markAt = performance.now();
    }
  },
});
const fullEnd = performance.now();
const fullSeconds = (fullEnd - fullStart) / 1000;
const fullMarginalPerSecond =
  markDone > 0 && fullEnd > markAt ? (FULL_REPLICATIONS - markDone) / ((fullEnd - markAt) / 1000) : undefined;
const TEN_THOUSAND = 10_000;
const tenThousandEstimated = FULL_REPLICATIONS !== TEN_THOUSAND;
const tenThousandSeconds = tenThousandEstimated
  ? fullSeconds + (TEN_THOUSAND - FULL_REPLICATIONS) / perSecond2
  : fullSeconds;

const records = Array.from({ length: MEMORY_DISTINCT }, (_, i) =>
  toRecord(simulate(scenario, { seed: SEED, replication: i, keepProjects: false })),
);
const describe = await defaultDescribeMetric();
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
let peakHeap = process.memoryUsage().heapUsed;
const aggregator = new RunAggregator({ reachSeries: defaultSummaryRoles().reachSeries });
const memoryStart = performance.now();
for (let i = 0; i < MEMORY_REPLICATIONS; i++) {
  aggregator.add({ ...records[i % MEMORY_DISTINCT]!, replication: i });
  if (i % 100 === 0) {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }
}
const summary = aggregator.summarize({
  meta: full.meta,
  seed: SEED,
  workers: 1,
  elapsedMs: 0,
  stoppedBy: "count",
  describe,
});
const usage = process.memoryUsage();
peakRss = Math.max(peakRss, usage.rss);
peakHeap = Math.max(peakHeap, usage.heapUsed);
const aggregateSeconds = (performance.now() - memoryStart) / 1000;

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const tenth = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 10) / 10);
// speed-up a dedicated 2-core machine allows, from CPU alone: 2 workers use every thread's CPU on 2 cores, the
// in-process run is bound by its busiest thread (its other threads run on the second core)
const cpuBoundSpeedUp =
  rate1.mainMsPerReplication === undefined || rate2.mainMsPerReplication === undefined
    ? undefined
    : Math.round(
        (Math.max(rate1.mainMsPerReplication, rate1.otherMsPerReplication!) /
          Math.max(
            (rate2.mainMsPerReplication + rate2.otherMsPerReplication!) / 2,
            rate2.mainMsPerReplication,
          )) *
          100,
      ) / 100;
const hundredth = (value: number) => Math.round(value * 100) / 100;
const result = {
  name: "montecarlo-level-3",
  replicationsPerSecondInProcess: hundredth(perSecond1),
  replicationsPerSecond1Worker: hundredth(rate1Thread.perSecond),
  replicationsPerSecond2Workers: hundredth(perSecond2),
  speedUp2WorkersVs1Worker: hundredth(speedUp2Vs1),
  speedUp2WorkersVs1WorkerRounds: ratios.map(hundredth),
  speedUp2WorkersVsInProcess: hundredth(perSecond2 / perSecond1),
  replicationsPerSecondTwoProcesses: hundredth(twoProcessesPerSecond),
  twoProcessesVs1Worker: hundredth(twoProcessesVs1Worker),
  poolVsTwoProcesses: hundredth(poolVsTwoProcesses),
  cpuMsPerReplicationInProcess: tenth(rate1.cpuMsPerReplication),
  cpuMsPerReplication1Worker: tenth(rate1Thread.cpuMsPerReplication),
  cpuMsPerReplication2Workers: tenth(rate2.cpuMsPerReplication),
  mainThreadMsPerReplicationInProcess: tenth(rate1.mainMsPerReplication),
  otherThreadsMsPerReplicationInProcess: tenth(rate1.otherMsPerReplication),
  mainThreadMsPerReplication2Workers: tenth(rate2.mainMsPerReplication),
  otherThreadsMsPerReplication2Workers: tenth(rate2.otherMsPerReplication),
  cpuBoundSpeedUp,
  loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
  fullReplications: FULL_REPLICATIONS,
  fullSeconds: tenth(fullSeconds),
  fullMarginalReplicationsPerSecond:
    fullMarginalPerSecond === undefined ? undefined : tenth(fullMarginalPerSecond),
  fullMarginalFromReplication: markDone,
  tenThousandSeconds: tenth(tenThousandSeconds),
  tenThousandEstimated,
  memoryReplications: MEMORY_REPLICATIONS,
  peakRssMb: mb(peakRss),
  rssBeforeAggregationMb: mb(rssBefore),
  peakHeapMb: mb(peakHeap),
  aggregateSeconds: Math.round(aggregateSeconds * 10) / 10,
  kpis: Object.keys(summary.kpis).length,
  series: Object.keys(summary.series).length,
  targets: {
    speedUp2WorkersVs1Worker: 1.7,
    replicationsPerSecond2Workers: 170,
    cpuMsPerReplication2Workers: "<= in-process",
    tenThousandSeconds: 60,
    peakRssMb: 500,
  },
};
console.log(`BENCH ${JSON.stringify(result)}`);
console.log(
  `montecarlo level-3: ${result.replicationsPerSecondInProcess} rep/s in-process, ` +
    `${result.replicationsPerSecond1Worker} on 1 worker, ${result.replicationsPerSecond2Workers} on 2 ` +
    `(marginal, medians of ${ROUNDS} rounds; target >= 170): 2 workers = ${result.speedUp2WorkersVs1Worker}x ` +
    `1 worker (target >= 1.7; rounds ${result.speedUp2WorkersVs1WorkerRounds.join(", ")}), ` +
    `${result.speedUp2WorkersVsInProcess}x in-process; two independent 1-worker processes at once ` +
    `${result.replicationsPerSecondTwoProcesses} rep/s together = ${result.twoProcessesVs1Worker}x 1 worker ` +
    `(how this machine scales two copies that share nothing), 2 workers ` +
    `${Math.round(result.poolVsTwoProcesses * 100)}% of that; CPU ${result.cpuMsPerReplicationInProcess} in-process vs ` +
    `${result.cpuMsPerReplication1Worker} on 1 worker vs ${result.cpuMsPerReplication2Workers} ms/replication ` +
    `on 2 (target: 2 workers <= in-process); load average ${result.loadAverage1m}; main thread ` +
    `${result.mainThreadMsPerReplicationInProcess} in-process vs ${result.mainThreadMsPerReplication2Workers} ` +
    `ms/replication on 2 workers, other threads ${result.otherThreadsMsPerReplicationInProcess} vs ` +
    `${result.otherThreadsMsPerReplication2Workers}, CPU-bound speed-up on 2 idle cores ` +
    `${result.cpuBoundSpeedUp}x; ` +
    (tenThousandEstimated
      ? `${FULL_REPLICATIONS} replications in ${result.fullSeconds} s, 10 000 in ${result.tenThousandSeconds} s ` +
        "(estimated from the marginal rate) "
      : `10 000 replications in ${result.tenThousandSeconds} s (measured) `) +
    `(target <= 60), ${result.fullMarginalReplicationsPerSecond} rep/s on 2 workers from replication ` +
    `${result.fullMarginalFromReplication} of that run to its end; ` +
    `aggregating ${MEMORY_REPLICATIONS} replications: peak RSS ${result.peakRssMb} MB ` +
    `(from ${result.rssBeforeAggregationMb} MB; target < 500), peak heap ${result.peakHeapMb} MB`,
);
