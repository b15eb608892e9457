/**
 * A minimal PlatformPort test double: jobs take exactly their run time (no queue), every model gets the tier
 * "Bronze", no costs, no series. Counts what the delivery model asked for, so tests can check the seam.
 */
import type { Environment, SimEvent } from "../../engine/index.ts";
import type { PlatformFactory } from "../../src/model/delivery/ports.ts";
import type {
  JobOutcome,
  JobRequest,
  PlatformChange,
  PlatformPort,
  ProductionModel,
} from "../../src/model/platform/port.ts";

/** What the fake saw. */
export interface FakePlatformLog {
  jobs: JobRequest[];
  models: ProductionModel[];
  closedMonths: number[];
  finished: number;
  /** Platform changes handed over, each with the month closed just before (when the log asks for them). */
  reconfigured?: { afterMonth: number; changes: PlatformChange[] }[];
  /** Ids of the production models removed (when the log asks for them). */
  removed?: number[];
}

/** What the fake reports instead of nothing: month series and end-of-run KPIs and samples. */
export interface FakePlatformOutput {
  month?: (month: number) => Record<string, number>;
  finish?: () => { kpis: Record<string, number>; samples: Record<string, number[]> };
}

/** A factory of fake platforms that all log into `log` and report `output` (nothing by default). */
export function fakePlatform(
  log: FakePlatformLog = { jobs: [], models: [], closedMonths: [], finished: 0 },
  output: FakePlatformOutput = {},
): {
  factory: PlatformFactory;
  log: FakePlatformLog;
} {
  const factory: PlatformFactory = (env: Environment) => {
    const port: PlatformPort = {
      submitJob(job: JobRequest): SimEvent<JobOutcome> {
        log.jobs.push({ ...job });
        return env.timeout(job.runHours / 24, { waitHours: 0, runHours: job.runHours, evictions: 0 });
      },
      addProductionModel(model: ProductionModel): void {
        log.models.push(model);
      },
      removeProductionModel(id: number): void {
        log.removed?.push(id);
      },
      assignTier(): string {
        return "Bronze";
      },
      closeMonth(month: number): Record<string, number> {
        log.closedMonths.push(month);
        return output.month?.(month) ?? {};
      },
      reconfigure(changes: readonly PlatformChange[]): void {
        log.reconfigured?.push({ afterMonth: log.closedMonths.at(-1) ?? -1, changes: [...changes] });
      },
      finish() {
        log.finished++;
        return output.finish?.() ?? { kpis: {}, samples: {} };
      },
    };
    return port;
  };
  return { factory, log };
}
