/**
 * Distributed runs on a real redis-server (started per file on a free loopback port) with real `scalesim worker`
 * processes: results folded in index order equal the local run byte for byte, a worker SIGKILLed mid-job has its
 * job run again after stall detection, a resubmission reuses finished jobs, an unreachable or vanished Redis
 * ends the run with a message. Skipped, with a message, only when redis-server is not installed.
 */
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveModel } from "../../src/montecarlo/model-ref.ts";
import { checkRedis, QueueConnectionError } from "../../src/montecarlo/queue-connection.ts";
import { encodeJob, QUEUE_NAME } from "../../src/montecarlo/queue-job.ts";
import { QueuePool } from "../../src/montecarlo/queue-pool.ts";
import { ReplicationError } from "../../src/montecarlo/replication-error.ts";
import { ReplicationPool } from "../../src/montecarlo/replication-pool.ts";
import { runScenario } from "../../src/montecarlo/run-scenario.ts";
import { runSweep } from "../../src/montecarlo/run-sweep.ts";
import { sweepToJson } from "../../src/montecarlo/sweep-writers.ts";
import { sweepSchema } from "../../src/scenario/sweep-schema.ts";
import { startWorker, type WorkerProcess } from "./queue-worker-process.ts";
import { freePort, REDIS_SERVER, startRedis, type TestRedis } from "./redis-server.ts";

const linear = { module: fileURLToPath(new URL("./fixtures/linear-model.ts", import.meta.url)) };
// the linear fixture with 150 ms of work per replication: same results, but jobs last long enough to share
// them between workers and to kill a worker in the middle of one
const slowLinear = { module: fileURLToPath(new URL("./fixtures/slow-linear-model.ts", import.meta.url)) };
const toy = { module: fileURLToPath(new URL("./fixtures/toy-model.ts", import.meta.url)) };

if (REDIS_SERVER === undefined) {
  console.warn("queue tests skipped: redis-server is not installed (.ci/run installs it with apt-get)");
}

describe.skipIf(REDIS_SERVER === undefined)("runs on a BullMQ queue", () => {
  let redis: TestRedis;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop("SIGKILL")));
    await redis?.stop();
  });

  const sweep = sweepSchema.parse({
    name: "queued",
    base: "level-3",
    replications: 4,
    sampling: "latin-hypercube",
    points: 5,
    parameters: [
      { path: "organisation.spokes.count", range: { min: 2, max: 10 }, integer: true },
      { path: "platform.clusters[0].maxNodes", values: [20, 30, 40] },
    ],
  });

  it("a sweep through two worker processes equals the local run byte for byte", async () => {
    workers.push(
      startWorker(redis.url, ["--concurrency", "1"]),
      startWorker(redis.url, ["--concurrency", "2"]),
    );
    await Promise.all(workers.map((worker) => worker.waitFor(/taking jobs/)));
    const local = await runSweep(sweep, { seed: 3, workers: 1, model: linear });
    const pool = new QueuePool(redis.url);
    try {
      const queued = await runSweep(sweep, {
        seed: 3,
        model: slowLinear,
        pool,
        batchSize: 2,
        concurrentPoints: 64,
      });
      expect(sweepToJson(queued)).toBe(sweepToJson(local));
    } finally {
      await pool.destroy();
    }
    // both workers took jobs (each job is 2 x 150 ms, so neither can drain the queue alone before the other starts)
    await Promise.all(workers.map((worker) => worker.waitFor(/completed/, 10_000)));
  });

  it("a run whose pooled samples pass the exact limit equals the in-process run", async () => {
    const scenario = { name: "toy", mean: 10, sd: 2, months: 12 };
    const options = { replications: 23, seed: 4, model: toy, sampleExactLimit: 40 };
    const local = new ReplicationPool(1, { inProcess: true });
    const pool = new QueuePool(redis.url);
    try {
      const expected = await runScenario(scenario, { ...options, pool: local, batchSize: 23 });
      const queued = await runScenario(scenario, { ...options, pool, batchSize: 3 });
      expect(expected.samples.timeToMarketDays!.n).toBeGreaterThan(40);
      const { elapsedMs: _a, workers: _b, ...queuedRest } = queued;
      const { elapsedMs: _c, workers: _d, ...expectedRest } = expected;
      expect(queuedRest).toEqual(expectedRest);
    } finally {
      await pool.destroy();
      await local.destroy();
    }
  });

  it("submitting the same sweep again reuses the finished jobs (no worker running)", async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop("SIGTERM")));
    const pool = new QueuePool(redis.url);
    try {
      const again = await runSweep(sweep, {
        seed: 3,
        model: slowLinear,
        pool,
        batchSize: 2,
        concurrentPoints: 64,
      });
      const local = await runSweep(sweep, { seed: 3, workers: 1, model: linear });
      expect(sweepToJson(again)).toBe(sweepToJson(local));
    } finally {
      await pool.destroy();
    }
  });

  it("a worker SIGKILLed mid-job: the job runs again after stall detection and the sweep is byte-identical", async () => {
    const slow = sweepSchema.parse({
      name: "slow",
      base: "level-3",
      replications: 4,
      tornado: false,
      parameters: [{ path: "organisation.spokes.count", values: [2, 6, 10] }],
    });
    const local = await runSweep(slow, { seed: 11, workers: 1, model: linear });
    const first = startWorker(redis.url, ["--concurrency", "1", "--stall-seconds", "2"]);
    workers.push(first);
    const pool = new QueuePool(redis.url);
    try {
      const run = runSweep(slow, { seed: 11, model: slowLinear, pool, batchSize: 4, concurrentPoints: 64 });
      await first.waitFor(/job \S+ started/);
      // a job is 4 replications of 150 ms: the worker dies in the middle of it
      expect(await first.stop("SIGKILL")).toBe(null);
      const second = startWorker(redis.url, ["--concurrency", "1", "--stall-seconds", "2"]);
      workers.push(second);
      const queued = await run;
      expect(sweepToJson(queued)).toBe(sweepToJson(local));
      await second.waitFor(/completed/);
      const queue = new Queue(QUEUE_NAME, { connection: { host: "127.0.0.1", port: redis.port } });
      try {
        const jobs = await queue.getJobs(["completed"]);
        const retried = jobs.filter((job) => job.attemptsStarted >= 2 || job.stalledCounter >= 1);
        expect(retried.length).toBe(1);
      } finally {
        await queue.close();
      }
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it("a failing replication is reported with its index and seed, as locally", async () => {
    const pool = new QueuePool(redis.url);
    try {
      const failing = runScenario(
        { name: "failing", mean: 1, sd: 1, failAt: 4 },
        { seed: 5, replications: 8, batchSize: 2, model: toy, pool },
      );
      await expect(failing).rejects.toBeInstanceOf(ReplicationError);
      await expect(failing).rejects.toMatchObject({ replication: 4, seed: 5 });
    } finally {
      await pool.destroy();
    }
  });

  it("a job from another scalesim version fails with a message naming both versions", async () => {
    const task = {
      model: resolveModel(toy),
      scenarios: [{ name: "other", mean: 1, sd: 1 }],
      seeds: [1],
      start: 0,
      count: 1,
    };
    const { id, data } = encodeJob(task, "9.9.9");
    // a worker of its own, ready before the job is added, so the test does not depend on the workers the
    // earlier tests killed or left busy
    const worker = startWorker(redis.url, ["--concurrency", "1"]);
    workers.push(worker);
    await worker.waitFor(/taking jobs/);
    const connection = { host: "127.0.0.1", port: redis.port };
    const queue = new Queue(QUEUE_NAME, { connection });
    try {
      await queue.add("batch", data, { jobId: id });
      // the job's state is polled rather than awaited through QueueEvents: a CI run hung for 60 s waiting for the
      // failed event of a job that had failed
      const deadline = Date.now() + 45_000;
      let state = await queue.getJobState(id);
      while (state !== "failed" && state !== "completed" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = await queue.getJobState(id);
      }
      expect(state).toBe("failed");
      const job = await queue.getJob(id);
      expect(job?.failedReason).toMatch(/job from scalesim 9\.9\.9; this worker runs scalesim \d/);
    } finally {
      await queue.close();
    }
  });

  it("an unreachable Redis is reported at once", async () => {
    const port = await freePort();
    const started = performance.now();
    await expect(checkRedis(`redis://127.0.0.1:${port}`)).rejects.toThrow(
      new RegExp(`cannot reach Redis at redis://127.0.0.1:${port}: .*ECONNREFUSED`),
    );
    await expect(checkRedis(`redis://127.0.0.1:${port}`)).rejects.toBeInstanceOf(QueueConnectionError);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("Redis going away mid-run ends the run with a message instead of a hang", async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop("SIGKILL")));
    const own = await startRedis();
    const pool = new QueuePool(own.url);
    try {
      // no worker: the jobs wait until the connection is gone
      const run = runScenario(
        { name: "orphan", mean: 1, sd: 1 },
        { seed: 1, replications: 4, batchSize: 2, model: toy, pool },
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      await own.stop();
      await expect(run).rejects.toThrow(/lost the connection to Redis at redis:\/\/127.0.0.1/);
    } finally {
      await pool.destroy();
      await own.stop();
    }
  }, 40_000);
});
