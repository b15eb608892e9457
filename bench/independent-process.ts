/**
 * Child process of bench/montecarlo.bench.ts (not a benchmark itself: bench/run.ts runs only *.bench.ts): one
 * independent copy of the 1-worker workload, for how this machine scales two copies that share nothing. It parses
 * the scenario it is given, warms up a 1-worker pool with `warmup` replications, says it is ready, then runs each
 * `{ replications, seed }` it is sent on that pool (the worker runs the model, this process's main thread folds, as
 * in the 1-worker mode of the benchmark) and answers with the wall-clock milliseconds it took. Two such processes
 * running at once share nothing but the machine (no heap, no V8 platform, no allocator), so their combined rate is
 * what two cores give two 1-worker runs at that moment.
 * Usage (by fork): independent-process.ts <scenario yaml> <warm-up replications> <seed>.
 */
import "./as-cli.ts";
import process from "node:process";
import { ReplicationPool } from "../src/montecarlo/replication-pool.ts";
import { runScenario } from "../src/montecarlo/run-scenario.ts";
import { parseScenario } from "../src/scenario/load.ts";

/** A request from the benchmark: run this many replications from this seed and report the time taken. */
export interface IndependentRun {
  replications: number;
  seed: number;
}

/** What the child sends: `ready` once warmed up, then `ms` (wall-clock milliseconds) after each run. */
export type IndependentMessage = { ready: true } | { ms: number };

const [text, warmupArgument, seedArgument] = process.argv.slice(2);
const loaded = parseScenario(text ?? "", { file: "(benchmark scenario)" });
if (!loaded.ok) throw new Error("independent-process: the scenario does not validate");
const scenario = loaded.scenario;
const pool = new ReplicationPool(1);
const send = (message: IndependentMessage) => process.send?.(message);

await runScenario(scenario, {
  replications: Number(warmupArgument),
  seed: Number(seedArgument),
  pool,
  batchSize: 2,
});
process.on("message", (message: IndependentRun) => {
  const start = performance.now();
  runScenario(scenario, { replications: message.replications, seed: message.seed, pool, batchSize: 10 }).then(
    () => send({ ms: performance.now() - start }),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
// the benchmark gone (finished, failed or killed), this process goes too: its worker thread would keep it alive
process.on("disconnect", () => {
  pool.destroy().finally(() => process.exit(0));
});
send({ ready: true });
