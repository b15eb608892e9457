/**
 * Standalone workloads: what lets each platform part run from a scenario without a portfolio (zero delivery
 * demand). Poisson job streams per tenant (optionally diurnal, by thinning: Lewis & Shedler, "Simulation of
 * nonhomogeneous Poisson processes by thinning", Naval Research Logistics Quarterly 26(3), 1979), a fixed set of
 * served models going live over a ramp, and a number of models per tier. A roadmap effect on a job stream
 * applies from the month boundary it reaches the platform (platform-reconfiguration.ts).
 */
import type { Environment, ScheduledHandle, StreamFactory } from "../../../engine/index.ts";
import { nextThinnedArrival, sampler } from "../../../engine/index.ts";
import type { PlatformConfig } from "../../scenario/platform-schema.ts";
import { DAYS_PER_MONTH, HOURS_PER_DAY } from "../calendar.ts";
import type { JobRequest } from "./port.ts";
import { TIER_NAMES, type TierName } from "./service-tiers.ts";

/** Ids of standalone served models start here (delivery models use small ids). */
export const SERVED_MODEL_ID_BASE = 1_000_000_000;
/** Ids of standalone tier models start here. */
export const TIER_MODEL_ID_BASE = 2_000_000_000;

/** What the standalone workloads call on the platform. */
export interface WorkloadSink {
  submit(job: JobRequest): void;
  serve(id: number, tenant: string, tier: TierName): void;
  tier(id: number, tenant: string, tier: TierName): void;
}

/** The running standalone workloads, as a roadmap effect changes them. */
export interface StandaloneWorkloads {
  /**
   * The job streams (same order as started) take `streams` from now on (platform-reconfiguration.ts): each
   * stream's next job is drawn again from now under its new rate, sizes and priority, from its own streams.
   */
  reconfigureStreams(streams: PlatformConfig["workloads"]["jobStreams"]): void;
}

type JobStreamConfig = PlatformConfig["workloads"]["jobStreams"][number];

/**
 * Start job stream `i` of `config`: Poisson arrivals (thinned for the diurnal swing) of jobs sized by its
 * distributions; returns how to make it follow a new configuration from now on.
 */
function startJobStream(
  env: Environment,
  i: number,
  config: JobStreamConfig,
  streams: StreamFactory,
  sink: WorkloadSink,
): (next: JobStreamConfig) => void {
  const arrivals = streams.get(`platform.jobs.${i}.arrivals`);
  const nodesSource = streams.get(`platform.jobs.${i}.nodes`);
  const hoursSource = streams.get(`platform.jobs.${i}.runHours`);
  let s = config;
  let nodes = sampler(s.nodes, nodesSource);
  let hours = sampler(s.runHours, hoursSource);
  let pending: ScheduledHandle | undefined;
  let k = 0;
  // the rate at `t` days from now; a constant rate keeps every candidate without drawing
  const rateIn = (t: number): number => {
    const hour = ((env.now + t) * HOURS_PER_DAY) % HOURS_PER_DAY;
    return (
      s.ratePerDay * (1 + s.diurnalAmplitude * Math.cos((2 * Math.PI * (hour - s.peakHour)) / HOURS_PER_DAY))
    );
  };
  const next = () => {
    pending = undefined;
    if (!(s.ratePerDay > 0)) return;
    const peakRate = s.ratePerDay * (1 + s.diurnalAmplitude);
    const constant = s.diurnalAmplitude === 0;
    const t = nextThinnedArrival(arrivals, 0, peakRate, rateIn, Number.POSITIVE_INFINITY, constant);
    pending = env.schedule(t, () => {
      sink.submit({
        kind: s.kind,
        tenant: s.tenant,
        nodes: Math.max(1, Math.ceil(nodes() - 1e-9)),
        runHours: Math.max(0, hours()),
        priority: s.priority,
        label: `stream-${i}/job-${k++}`,
      });
      next();
    });
  };
  next();
  return (changed) => {
    if (pending !== undefined) env.cancel(pending);
    s = changed;
    nodes = sampler(s.nodes, nodesSource);
    hours = sampler(s.runHours, hoursSource);
    // a Poisson process is memoryless: drawing the next arrival again from now is the new process from now
    next();
  };
}

/** Start every standalone workload of the scenario on `env`. */
export function startStandaloneWorkloads(
  env: Environment,
  workloads: PlatformConfig["workloads"],
  allTenants: readonly string[],
  streams: StreamFactory,
  sink: WorkloadSink,
): StandaloneWorkloads {
  const restarts = workloads.jobStreams.map((s, i) => startJobStream(env, i, s, streams, sink));
  const owners = (list: readonly string[]) =>
    list.length > 0 ? list : allTenants.length > 0 ? allTenants : ["default"];
  const served = workloads.servedModels;
  const servedOwners = owners(served.tenants);
  for (let k = 0; k < served.count; k++) {
    const at = served.count > 0 ? (k / served.count) * served.rampMonths * DAYS_PER_MONTH : 0;
    const tenant = servedOwners[k % servedOwners.length]!;
    const go = () => sink.serve(SERVED_MODEL_ID_BASE + k, tenant, served.tier);
    if (at > 0) env.schedule(at, go);
    else go();
  }
  const tiers = workloads.tierModels;
  const tierOwners = owners(tiers.tenants);
  let id = TIER_MODEL_ID_BASE;
  for (const tier of TIER_NAMES)
    for (let k = 0; k < tiers[tier]; k++) {
      sink.tier(id, tierOwners[(id - TIER_MODEL_ID_BASE) % tierOwners.length]!, tier);
      id++;
    }
  return {
    reconfigureStreams(changed) {
      for (const [i, s] of changed.entries()) restarts[i]?.(s);
    },
  };
}
