/**
 * Entry point of the platform model: `createPlatform` builds the PlatformPort the delivery model calls.
 * See platform.ts for the mechanisms and their sources.
 */
import type { Environment, StreamFactory } from "../../../engine/index.ts";
import type { PlatformConfig } from "../../scenario/platform-schema.ts";
import type { Ledger } from "../ledger.ts";
import { DisabledPlatform } from "./disabled-platform.ts";
import { Platform } from "./platform.ts";
import type { PlatformPort } from "./port.ts";
import { tierAssignment } from "./service-tiers.ts";

export { Platform } from "./platform.ts";
export type {
  JobKind,
  JobOutcome,
  JobRequest,
  PlatformChange,
  PlatformPort,
  ProductionModel,
} from "./port.ts";

/**
 * Create the platform of a scenario on `env`: standalone workloads start at once; costs go to `ledger` when
 * the caller closes each month. With `platform.enabled: false` the port's jobs just take their run time.
 */
export function createPlatform(
  env: Environment,
  scenario: { platform: PlatformConfig },
  streams: StreamFactory,
  ledger: Ledger,
): PlatformPort {
  const config = scenario.platform;
  if (!config.enabled)
    return new DisabledPlatform(env, tierAssignment(config), streams.get("platform.tiers.assign"));
  return new Platform(env, config, streams, ledger);
}
