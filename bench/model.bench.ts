/**
 * Delivery-model benchmark: one replication of the level-3 preset on its demand profile (demand-level-3) over 36 months (target: under 20 ms on one
 * core), measured (a) with the platform switched off (`platform.enabled: false`: jobs take their run time), which
 * is the delivery model alone, and (b) with the preset's platform on. Baseline measured in the same run: the raw
 * kernel processing the same number of events as (a) — 50 self-rescheduling callbacks with exponential gaps on
 * `Environment.schedule`, no model — so "model / kernel" is the model's cost per event over the kernel's.
 * Times are process CPU time, best of N (other work on a shared machine only ever adds time); medians are in
 * the JSON. Prints one `BENCH {json}` line and one readable line.
 */
import "./as-cli.ts";
import process from "node:process";
import { median } from "simple-statistics";
import { createStream, Environment, exponential } from "../engine/index.ts";
import { simulate } from "../src/model/simulate.ts";
import { parseScenario } from "../src/scenario/load.ts";
import type { Scenario } from "../src/scenario/schema.ts";

const REPEATS = 25;
const WARMUP = 10;
const PLATFORM_REPEATS = 10;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function timeReplications(
  scenario: Scenario,
  repeats: number,
  first: number,
): { ms: number[]; events: number[] } {
  const ms: number[] = [];
  const events: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = cpuMs();
    const result = simulate(scenario, { seed: 2026, replication: first + r, keepProjects: false });
    ms.push(cpuMs() - start);
    events.push(result.events);
  }
  return { ms, events };
}

/** The raw kernel processing `events` callbacks: `width` chains of exponential gaps. */
function kernelBaseline(events: number, width: number): number {
  const draw = exponential(createStream(1, 0, "baseline"), 1);
  const start = cpuMs();
  const env = new Environment();
  let left = events;
  const tick = (): void => {
    if (--left > 0) env.schedule(draw(), tick);
  };
  for (let i = 0; i < width; i++) env.schedule(draw(), tick);
  env.run();
  if (env.eventCount < events) throw new Error(`baseline processed ${env.eventCount} of ${events} events`);
  return cpuMs() - start;
}

const parsed = parseScenario("extends: [level-3, demand-level-3]\n", {});
if (!parsed.ok) throw new Error("level-3 preset does not load");
const on = parsed.scenario;
const off: Scenario = { ...on, platform: { ...on.platform, enabled: false } };

timeReplications(off, WARMUP, 1000);
const model = timeReplications(off, REPEATS, 0);
const meanEvents = model.events.reduce((a, b) => a + b, 0) / model.events.length;
kernelBaseline(Math.round(meanEvents), 50);
const baseline: number[] = [];
for (let r = 0; r < REPEATS; r++) baseline.push(kernelBaseline(Math.round(meanEvents), 50));
// warm the platform code paths too, so the figure is steady-state like the delivery-only one
timeReplications(on, 40, 2000);
const full = timeReplications(on, PLATFORM_REPEATS, 0);

const best = Math.min(...model.ms);
const baselineBest = Math.min(...baseline);
const result = {
  name: "model-level3-36m",
  scenario: "level-3 preset + demand-level-3, 36 months, keepProjects false",
  repeats: REPEATS,
  eventsPerReplication: meanEvents,
  msPerReplication: best,
  medianMsPerReplication: median(model.ms),
  targetMs: 20,
  meetsTarget: best < 20,
  baseline: {
    name: "raw kernel, same number of events (50 callback chains on Environment.schedule)",
    ms: baselineBest,
    medianMs: median(baseline),
  },
  modelOverKernel: best / baselineBest,
  withPlatform: {
    repeats: PLATFORM_REPEATS,
    eventsPerReplication: full.events.reduce((a, b) => a + b, 0) / full.events.length,
    msPerReplication: Math.min(...full.ms),
    medianMsPerReplication: median(full.ms),
  },
  clock: "process CPU time (user + system)",
  node: process.version,
};
console.log(`BENCH ${JSON.stringify(result)}`);
console.log(
  `model level-3 36 months: ${best.toFixed(1)} ms/replication (median ${median(model.ms).toFixed(1)}), ` +
    `${Math.round(meanEvents)} events; raw kernel same events ${baselineBest.toFixed(2)} ms ` +
    `(model/kernel ${(best / baselineBest).toFixed(1)}x); target 20 ms ${best < 20 ? "met" : "NOT met"}; ` +
    `with the preset's platform on: ${Math.min(...full.ms).toFixed(0)} ms, ` +
    `${Math.round(result.withPlatform.eventsPerReplication)} events`,
);
