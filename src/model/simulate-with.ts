/**
 * One replication of the delivery model with a given platform factory: build, run to the horizon, assemble
 * the result. `simulate` (simulate.ts) calls it with the real platform; tests pass a test double.
 */
import type { Scenario } from "../scenario/schema.ts";
import { DeliveryModel } from "./delivery/delivery-model.ts";
import type { PlatformFactory } from "./delivery/ports.ts";
import { replicationResult } from "./replication-result.ts";
import type { ReplicationResult, SimulateOptions } from "./result.ts";

/**
 * Simulates one replication of `scenario` for `options.seed` and `options.replication`, with the platform
 * built by `createPlatform`; deterministic for the same arguments.
 * @throws RangeError when the seed or replication is invalid (engine/random) or a roadmap path is unknown
 */
export function simulateWith(
  scenario: Scenario,
  options: SimulateOptions,
  createPlatform: PlatformFactory,
): ReplicationResult {
  const model = new DeliveryModel(scenario, options, createPlatform);
  model.run();
  return replicationResult(model, options);
}
