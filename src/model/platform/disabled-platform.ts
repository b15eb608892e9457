/**
 * The platform switched off: jobs take exactly their run time, nothing is served, billed or failed; tier
 * assignment still follows the scenario's rule so project records keep a tier.
 */
import type { Environment, RandomSource, SimEvent } from "../../../engine/index.ts";
import { hoursToDays } from "../calendar.ts";
import type { PlatformKpis, PlatformMonthSeries, PlatformSamples } from "./platform-metrics.ts";
import type { JobOutcome, JobRequest, PlatformChange, PlatformPort, ProductionModel } from "./port.ts";
import { assignTier, type TierAssignment } from "./service-tiers.ts";

/** A port whose jobs just take their run time. */
export class DisabledPlatform implements PlatformPort {
  readonly #env: Environment;
  readonly #assignment: TierAssignment;
  readonly #source: RandomSource;

  constructor(env: Environment, assignment: TierAssignment, source: RandomSource) {
    this.#env = env;
    this.#assignment = assignment;
    this.#source = source;
  }

  /** Succeeds after `runHours` with no wait and no eviction. */
  submitJob(job: JobRequest): SimEvent<JobOutcome> {
    return this.#env.timeout<JobOutcome>(hoursToDays(job.runHours), {
      waitHours: 0,
      runHours: job.runHours,
      evictions: 0,
    });
  }

  /** Nothing to serve or bill. */
  addProductionModel(_model: ProductionModel): void {}

  /** Nothing served or billed. */
  removeProductionModel(_id: number): void {}

  /** The scenario's tier rule. */
  assignTier(criticality: number): string {
    return assignTier(this.#assignment, criticality, this.#source);
  }

  /** No platform costs or series. */
  closeMonth(_month: number): PlatformMonthSeries {
    return {};
  }

  /** Nothing simulated, so nothing to change (the tier rule keeps the scenario's values). */
  reconfigure(_changes: readonly PlatformChange[]): void {}

  /** No platform KPIs. */
  finish(): { kpis: PlatformKpis; samples: PlatformSamples } {
    return { kpis: {}, samples: {} };
  }
}
