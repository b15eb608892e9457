/**
 * Distributed-run benchmark: the same level-3 run through the in-process pool and through a BullMQ queue in a
 * redis-server started here on a free loopback port, with 1 and with 2 `scalesim worker` processes.
 *
 * (a) throughput: replications per second of a REPLICATIONS-replication level-3 run in jobs of JOB_SIZE
 *     replications: local ReplicationPool with 2 threads, queue with 1 worker process (--concurrency 2) and queue
 *     with 2 worker processes (--concurrency 1 each), so every mode has two threads running replications;
 * (b) per-job overhead: OVERHEAD_JOBS jobs of one replication of a model that does nothing (the toy fixture),
 *     through the queue with one worker process, against the same batches on the local 2-thread pool: the
 *     difference per job is what Redis, BullMQ and serialisation add to each job.
 *
 * Each mode is warmed up first (worker threads started, model loaded, JIT warm). Wall time on a shared machine
 * is pessimistic; the 1-minute load average is printed with the figures. Prints `BENCH {json}` lines and a
 * readable line per measurement. Needs redis-server (Debian: apt-get install redis-server).
 */
import "./as-cli.ts";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { QueuePool } from "../src/montecarlo/queue-pool.ts";
import { ReplicationPool } from "../src/montecarlo/replication-pool.ts";
import { runScenario } from "../src/montecarlo/run-scenario.ts";
import { parseScenario } from "../src/scenario/load.ts";
import { startWorker, type WorkerProcess } from "../test/montecarlo/queue-worker-process.ts";
import { REDIS_SERVER, startRedis } from "../test/montecarlo/redis-server.ts";

const REPLICATIONS = Number(process.env.SCALESIM_BENCH_REPLICATIONS ?? 200);
const JOB_SIZE = 10;
const OVERHEAD_JOBS = 200;
const SEED = 2026;
const toy = { module: fileURLToPath(new URL("../test/montecarlo/fixtures/toy-model.ts", import.meta.url)) };

if (REDIS_SERVER === undefined) {
  console.log("queue bench skipped: redis-server is not installed");
  process.exit(0);
}
const loaded = parseScenario("extends: [level-3, demand-level-3]\n", {
  file: "(presets level-3 + demand-level-3)",
});
if (!loaded.ok) throw new Error("level-3 preset does not validate");
const scenario = loaded.scenario;
const redis = await startRedis();

async function timed(pool: ReplicationPool, run: (pool: ReplicationPool, seed: number) => Promise<unknown>) {
  // warm-up on another seed, so the measured jobs are not already finished in Redis
  await run(pool, SEED + 1);
  const started = performance.now();
  await run(pool, SEED);
  return (performance.now() - started) / 1000;
}

const level3 = (replications: number) => (pool: ReplicationPool, seed: number) =>
  runScenario(scenario, { seed, replications, batchSize: JOB_SIZE, pool });
const empty = (pool: ReplicationPool, seed: number) =>
  runScenario(
    { name: "empty", mean: 0, sd: 1 },
    { seed, replications: OVERHEAD_JOBS, batchSize: 1, pool, model: toy },
  );

async function withWorkers<T>(specs: string[][], body: () => Promise<T>): Promise<T> {
  const workers: WorkerProcess[] = specs.map((extra) => startWorker(redis.url, extra));
  try {
    await Promise.all(workers.map((worker) => worker.waitFor(/taking jobs/)));
    return await body();
  } finally {
    await Promise.all(workers.map((worker) => worker.stop("SIGTERM")));
  }
}

async function queueSeconds(
  specs: string[][],
  run: (pool: ReplicationPool, seed: number) => Promise<unknown>,
  seedShift: number,
) {
  return withWorkers(specs, async () => {
    const pool = new QueuePool(redis.url);
    try {
      return await timed(pool, (p, seed) => run(p, seed + seedShift));
    } finally {
      await pool.destroy();
    }
  });
}

try {
  const local = new ReplicationPool(2);
  const localSeconds = await timed(local, level3(REPLICATIONS));
  const localEmpty = await timed(local, empty);
  await local.destroy();
  const oneWorker = await queueSeconds([["--concurrency", "2"]], level3(REPLICATIONS), 10);
  const twoWorkers = await queueSeconds(
    [
      ["--concurrency", "1"],
      ["--concurrency", "1"],
    ],
    level3(REPLICATIONS),
    20,
  );
  const queueEmpty = await queueSeconds([["--concurrency", "2"]], empty, 30);
  const result = {
    name: "queue",
    replications: REPLICATIONS,
    jobSize: JOB_SIZE,
    replicationsPerSecond: {
      localPool2Threads: REPLICATIONS / localSeconds,
      queue1Worker2Threads: REPLICATIONS / oneWorker,
      queue2Workers1ThreadEach: REPLICATIONS / twoWorkers,
    },
    overheadJobs: OVERHEAD_JOBS,
    msPerEmptyJob: {
      localPool: (1000 * localEmpty) / OVERHEAD_JOBS,
      queue: (1000 * queueEmpty) / OVERHEAD_JOBS,
    },
    loadAverage1m: loadavg()[0] ?? 0,
  };
  console.log(`BENCH ${JSON.stringify(result)}`);
  const rate = result.replicationsPerSecond;
  console.log(
    `queue: ${REPLICATIONS} level-3 replications in jobs of ${JOB_SIZE}: local pool (2 threads) ${rate.localPool2Threads.toFixed(1)}/s, ` +
      `queue 1 worker x 2 threads ${rate.queue1Worker2Threads.toFixed(1)}/s, queue 2 workers x 1 thread ${rate.queue2Workers1ThreadEach.toFixed(1)}/s; ` +
      `per job of 1 empty replication: local ${result.msPerEmptyJob.localPool.toFixed(2)} ms, queue ${result.msPerEmptyJob.queue.toFixed(2)} ms ` +
      `(load ${result.loadAverage1m.toFixed(2)})`,
  );
} finally {
  await redis.stop();
}
