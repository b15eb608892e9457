/**
 * `--queue` and `worker` through the real command, against a redis-server started on a free loopback port:
 * the queued sweep's summary.json is byte-identical to the local one, a queued run has the local run's results,
 * an unreachable Redis exits 1 with a message. Skipped, with a message, only when redis-server is not installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type WorkerProcess } from "../montecarlo/queue-worker-process.ts";
import { freePort, REDIS_SERVER, startRedis, type TestRedis } from "../montecarlo/redis-server.ts";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-queue-"));

if (REDIS_SERVER === undefined) {
  console.warn("queue CLI tests skipped: redis-server is not installed (.ci/run installs it with apt-get)");
}

describe("scalesim worker and --queue, usage", () => {
  it("worker without --queue is a usage error", async () => {
    const result = await runCli(["worker"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/worker needs --queue <redis-url>/);
  });

  it("a queue URL that is not redis:// is a usage error", async () => {
    const result = await runCli(["run", "level-1", "--queue", "http://example.com"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/queue must be a Redis URL/);
  });
});

describe.skipIf(REDIS_SERVER === undefined)("scalesim worker and --queue on Redis", () => {
  let redis: TestRedis;
  let worker: WorkerProcess;
  const sweepFile = join(work, "horizon.yaml");
  beforeAll(async () => {
    redis = await startRedis();
    worker = startWorker(redis.url, ["--concurrency", "2"]);
    await worker.waitFor(/taking jobs/);
    writeFileSync(
      sweepFile,
      [
        "name: horizon",
        "base: level-1",
        "replications: 4",
        "tornado: false",
        "kpis: [delivered, roi]",
        "parameters:",
        "  - path: horizonMonths",
        "    values: [12, 18, 24]",
        "",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await worker?.stop("SIGKILL");
    await redis?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("sweep --queue writes the same summary.json as the local sweep", async () => {
    const local = join(work, "local");
    const queued = join(work, "queued");
    expect((await runCli(["sweep", sweepFile, "-w", "1", "--format", "json", "-o", local, "-q"])).code).toBe(
      0,
    );
    const result = await runCli([
      "sweep",
      sweepFile,
      "--queue",
      redis.url,
      "--job-replications",
      "3",
      "--format",
      "json,csv",
      "-o",
      queued,
      "-q",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readFileSync(join(queued, "summary.json"), "utf8")).toBe(
      readFileSync(join(local, "summary.json"), "utf8"),
    );
  });

  it("run -n --queue gives the local run's results", async () => {
    const summaryOf = (dir: string) => {
      const {
        elapsedMs: _elapsed,
        workers: _workers,
        ...rest
      } = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as Record<string, unknown>;
      return rest;
    };
    const local = join(work, "run-local");
    const queued = join(work, "run-queued");
    expect(
      (await runCli(["run", "level-1", "-n", "6", "-w", "1", "--format", "json", "-o", local, "-q"])).code,
    ).toBe(0);
    const result = await runCli([
      "run",
      "level-1",
      "-n",
      "6",
      "--queue",
      redis.url,
      "--format",
      "json",
      "-o",
      queued,
      "-q",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(summaryOf(queued)).toEqual(summaryOf(local));
  });

  it("an unreachable Redis exits 1 at once with a message, no stack trace", async () => {
    const port = await freePort();
    const result = await runCli(
      ["sweep", sweepFile, "--queue", `redis://127.0.0.1:${port}`, "-o", join(work, "x")],
      {
        timeoutMs: 20_000,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`cannot reach Redis at redis://127.0.0.1:${port}: .*ECONNREFUSED`),
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
    const workerResult = await runCli(["worker", "--queue", `redis://127.0.0.1:${port}`], {
      timeoutMs: 20_000,
    });
    expect(workerResult.code).toBe(1);
    expect(workerResult.stderr).toMatch(/cannot reach Redis/);
  });

  it("a worker stops on SIGTERM", async () => {
    const code = await worker.stop("SIGTERM");
    expect(code).toBe(130);
  });
});
