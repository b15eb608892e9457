/**
 * Roadmap effects on the platform (issue 10, point 9): which parts of the platform a list of parameter changes
 * touches, the platform configuration with the changes in place, and the redeployment of the serving platform.
 *
 * When: the delivery model hands the platform an investment's platform effects at the first month boundary at or
 * after the investment's completion, right after that month's close (delivery-model.ts). The month is the
 * platform's accounting period (compute, serving and tier fees are billed per month at one price), so a month is
 * never split between two configurations; an investment completing on a whole month, as roadmaps are written,
 * changes the platform at its completion.
 *
 * How each part adopts the change, keeping its state:
 * - clusters (`platform.clusters[i].*`): each shared cluster takes its new options in place
 *   (compute-cluster.ts `reconfigure`): nodes, queued and running jobs and the accounts stay; the scaler decides
 *   at once under the new rules (autoscaling switched on releases idle nodes past their idle time; a raised max
 *   lets queued work scale up).
 * - tenants (`platform.tenants[i].quotaNodes | weight | region`): quotas bind jobs dispatched from now on, the
 *   weight splits the next fixed costs, the region routes the next jobs.
 * - serving (`platform.serving.*`, and a tier's `dedicatedServing`, `minReplicas`, `maxReplicas`): the serving
 *   platform is redeployed with the new settings, as Kubernetes rolls out a changed deployment: every live
 *   model moves over with its memory, popularity and tier; the new pool starts at its minimum pods and the HPA
 *   sizes it from the first step, and each pool model is loaded again on first use (its cold loads are counted).
 *   The request stream continues (no random number is reused).
 * - tiers (`platform.tiers.catalogue.<tier>.*`): fees, SLA, support, repair, failure and backup terms change
 *   for every model of the tier, live ones included, from now on; `platform.tiers.assignment.*` decides the tier
 *   of the models going live from now on.
 * - chargeback (`platform.chargeback.idle`, `fixedCosts[i].*`): the next month closes with them.
 * - standalone job streams (`platform.workloads.jobStreams[i].*`): each stream's next job is drawn again from the
 *   boundary under its new rate, sizes and priority (memoryless, from the stream's own random streams).
 * What cannot change during a run, and why: src/scenario/effect-scope.ts.
 */
import type { Environment } from "../../../engine/index.ts";
import { pathKeys, setPath } from "../../scenario/parameter-path.ts";
import type { PlatformConfig } from "../../scenario/platform-schema.ts";
import type { PlatformChange } from "./port.ts";
import type { ServedModel } from "./served-model.ts";
import type { TierName, TierSpec } from "./service-tiers.ts";
import type { ServingOptions } from "./serving-options.ts";
import { ServingPool } from "./serving-pool.ts";

/** The parts of the platform a list of changes touches. */
export interface TouchedParts {
  clusters: boolean;
  tenants: boolean;
  /** The serving platform must be redeployed. */
  serving: boolean;
  tierTerms: boolean;
  assignment: boolean;
  chargeback: boolean;
  /** The standalone job streams. */
  jobStreams: boolean;
}

/**
 * `config` with `changes` in place (a copy; `config` is left as it was) and the parts they touch.
 * @throws RangeError when a change's path is not under `platform.` or names nothing (the loader refuses both)
 */
export function reconfigured(
  config: PlatformConfig,
  changes: readonly PlatformChange[],
): { config: PlatformConfig; touched: TouchedParts } {
  const next = structuredClone(config);
  const root = { platform: next } as Record<string, unknown>;
  const touched: TouchedParts = {
    clusters: false,
    tenants: false,
    serving: false,
    tierTerms: false,
    assignment: false,
    chargeback: false,
    jobStreams: false,
  };
  for (const change of changes) {
    const keys = pathKeys(change.path);
    if (keys[0] !== "platform" || keys.length < 3 || !setPath(root, change.path, change.value))
      throw new RangeError(`not a platform parameter: ${change.path}`);
    const [, section, , , fourth] = keys;
    if (section === "clusters") touched.clusters = true;
    else if (section === "tenants") touched.tenants = true;
    else if (section === "serving") touched.serving = true;
    else if (section === "chargeback") touched.chargeback = true;
    else if (section === "workloads" && keys[2] === "jobStreams") touched.jobStreams = true;
    else if (section === "tiers" && keys[2] === "assignment") touched.assignment = true;
    else if (section === "tiers" && keys[2] === "catalogue") {
      touched.tierTerms = true;
      // the tier's serving settings decide where its models are served
      if (fourth === "dedicatedServing" || fourth === "minReplicas" || fourth === "maxReplicas")
        touched.serving = true;
    } else throw new RangeError(`platform parameter ${change.path} cannot change during a run`);
  }
  return { config: next, touched };
}

/** A live model as the platform records it, to serve it again after a redeployment. */
export interface ServedRecord {
  id: number;
  tenant: string;
  tier: TierName;
  /** Memory drawn at go-live, GB (before any pod's cap). */
  memoryGb: number;
  /** Popularity key drawn at go-live. */
  rankKey: number;
}

/** How `record` is served on its tier `spec`: dedicated or pooled, regions and replicas. */
export function servedModel(record: ServedRecord, spec: TierSpec): ServedModel {
  return {
    id: record.id,
    tenant: record.tenant,
    memoryGb: record.memoryGb,
    dedicated: spec.dedicatedServing,
    regions: spec.redundancy === "multiRegion" ? 2 : 1,
    minReplicas: spec.minReplicas,
    maxReplicas: spec.maxReplicas,
  };
}

/**
 * A serving pool with `options` starting now on `env`, serving every model of `records` (in go-live order) on
 * its tier's current `specs`.
 */
export function redeployedPool(
  env: Environment,
  options: ServingOptions,
  records: readonly ServedRecord[],
  specs: Readonly<Record<TierName, TierSpec>>,
): ServingPool {
  const pool = new ServingPool(env, options);
  for (const r of records) pool.add(servedModel(r, specs[r.tier]), r.rankKey);
  return pool;
}
