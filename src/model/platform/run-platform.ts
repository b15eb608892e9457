/**
 * Run the platform alone, without the delivery model: an Environment, seeded streams, a Ledger, the
 * scenario's standalone workloads, and a month close at every month end. Used by tests, the benchmark and to
 * size a platform without a portfolio; `simulate()` does the same with projects on top.
 */
import { Environment, StreamFactory } from "../../../engine/index.ts";
import type { PlatformConfig } from "../../scenario/platform-schema.ts";
import { DAYS_PER_MONTH } from "../calendar.ts";
import { Ledger } from "../ledger.ts";
import { Platform } from "./platform.ts";
import type { PlatformKpis, PlatformSamples } from "./platform-metrics.ts";

/** What a standalone platform run returns. */
export interface PlatformRun {
  kpis: PlatformKpis;
  series: Record<string, number[]>;
  samples: PlatformSamples;
  ledger: Ledger;
  events: number;
}

/**
 * Simulate `horizonMonths` of the platform for one (seed, replication).
 * @throws RangeError when horizonMonths is not a positive integer
 */
export function runPlatform(
  config: PlatformConfig,
  options: { seed: number; replication: number; horizonMonths: number },
): PlatformRun {
  if (!(Number.isInteger(options.horizonMonths) && options.horizonMonths > 0))
    throw new RangeError(`horizonMonths must be a positive integer, got ${options.horizonMonths}`);
  const env = new Environment();
  const streams = new StreamFactory(options.seed, options.replication);
  const ledger = new Ledger();
  const platform = new Platform(env, config, streams, ledger);
  for (let m = 0; m < options.horizonMonths; m++) {
    env.run({ until: (m + 1) * DAYS_PER_MONTH });
    platform.closeMonth(m);
  }
  const { kpis, samples } = platform.finish();
  return { kpis, series: { ...platform.series }, samples, ledger, events: env.eventCount };
}
