/**
 * One replication of a scenario: the delivery model (MODEL.md sections 1-3, 5-7) on the platform model
 * (section 4, src/model/platform). Deterministic for (scenario, seed, replication): every random draw comes from
 * a named stream of engine/random's StreamFactory.
 */
import type { Scenario } from "../scenario/schema.ts";
import { createPlatform } from "./platform/index.ts";
import type { ReplicationResult, SimulateOptions } from "./result.ts";
import { simulateWith } from "./simulate-with.ts";

/**
 * Simulates one replication of `scenario` (a parsed scenario, defaults filled) and returns its project
 * records, monthly series, KPIs (also per maturity level) and FOCUS cost rows.
 * @example
 * const result = simulate(scenario, { seed: 42, replication: 0 });
 * result.kpis.deliveredPerYear;
 * @throws RangeError when the seed is not a safe integer or the replication is not an integer >= 0
 */
export function simulate(scenario: Scenario, options: SimulateOptions): ReplicationResult {
  return simulateWith(scenario, options, createPlatform);
}
