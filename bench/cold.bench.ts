/**
 * Cold-start benchmark: the wall time of the README's main job as a user runs it, a fresh `scalesim run` process
 * on the built-in default scenario, started as package.json's `start` script starts it (the command's cached
 * bundle of the sources, src/cli/from-sources.mjs; the financial-services case study, 200 replications, the guide's
 * claims panel, the report in its default formats), from start to exit.
 *
 * Unlike the other benchmarks, nothing here is warm: every run pays Node's start-up, the command's modules, the worker bundle,
 * each worker thread's module loading and the JIT warm-up of each fresh V8 isolate (a replication's first runs are
 * interpreted and then compiled; the compiler's threads share the same cores). Measured in the same run, as
 * ROUNDS rounds of three runs back to back:
 * - the fixed cost: the same command with 2 replications (start-up, claims, report; no replications to speak of),
 *   the baseline;
 * - the default run on 1 worker and on 2 workers (`-w 1`, `-w 2`; results are identical).
 * Figures are medians over the rounds; the 2-worker speed-up is the median of the rounds' ratios. On a 2-core
 * machine a short run gains little from the second worker: the second isolate's warm-up costs about as much CPU
 * as its share of the replications saves. Prints one `BENCH {json}` line and one readable line.
 */
import "./as-cli.ts";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { median } from "simple-statistics";
import { DEFAULT_REPLICATIONS } from "../src/montecarlo/run-options.ts";

const ROUNDS = 3;
const root = fileURLToPath(new URL("..", import.meta.url));
/** `npm start` as package.json defines it, e.g. `node src/cli/from-sources.mjs run`: the program and its arguments. */
const startScript = (
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } }
).scripts.start;
const [program, ...startArgs] = startScript.split(" ");
// npm runs scripts with node_modules/.bin on the PATH
const executable = program === "node" ? process.execPath : join(root, "node_modules", ".bin", program!);
const scratch = await mkdtemp(join(tmpdir(), "scalesim-cold-bench-"));

/** Wall-clock seconds of one fresh `scalesim run` with `args`, writing its report into the scratch directory. */
function timeRun(args: string[], label: string): Promise<number> {
  const out = join(scratch, `${label}-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(executable, [...startArgs, "-q", "-o", out, ...args], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", fail);
    child.on("close", (code) => {
      if (code !== 0) fail(new Error(`scalesim run ${args.join(" ")} exited with ${code}`));
      else done((performance.now() - start) / 1000);
    });
  });
}

const fixed: number[] = [];
const one: number[] = [];
const two: number[] = [];
try {
  await timeRun(["-n", "2"], "warm-caches"); // the bundles' and the file system's caches, as a user's second run has them
  for (let round = 0; round < ROUNDS; round++) {
    fixed.push(await timeRun(["-n", "2"], "fixed"));
    one.push(await timeRun(["-w", "1"], "one"));
    two.push(await timeRun(["-w", "2"], "two"));
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
const round2 = (x: number) => Math.round(x * 100) / 100;
const ratios = one.map((seconds, i) => seconds / two[i]!);
const result = {
  name: "cold-start",
  command: `${startScript} (npm start: default scenario, claims panel, default report formats)`,
  replications: DEFAULT_REPLICATIONS,
  rounds: ROUNDS,
  clock: "wall time of the whole process, start to exit",
  baseline: { name: "same command with -n 2 (fixed cost)", seconds: round2(median(fixed)) },
  oneWorkerSeconds: round2(median(one)),
  twoWorkersSeconds: round2(median(two)),
  speedUp2WorkersVs1Worker: round2(median(ratios)),
  speedUp2WorkersVs1WorkerRounds: ratios.map(round2),
  replicationSecondsOneWorker: round2(median(one) - median(fixed)),
  replicationSecondsTwoWorkers: round2(median(two) - median(fixed)),
  loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
  node: process.version,
};
console.log(`BENCH ${JSON.stringify(result)}`);
console.log(
  `cold start (npm start: ${DEFAULT_REPLICATIONS} replications of the default scenario, claims and report, fresh ` +
    `process): 1 worker ${result.oneWorkerSeconds} s, 2 workers ${result.twoWorkersSeconds} s ` +
    `(2 workers = ${result.speedUp2WorkersVs1Worker}x 1 worker; rounds ` +
    `${result.speedUp2WorkersVs1WorkerRounds.join(", ")}); fixed cost (same command, 2 replications) ` +
    `${result.baseline.seconds} s, so the replications take ${result.replicationSecondsOneWorker} s on 1 worker and ` +
    `${result.replicationSecondsTwoWorkers} s on 2; medians of ${ROUNDS} rounds; load average ${result.loadAverage1m}`,
);
