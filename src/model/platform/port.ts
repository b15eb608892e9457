/**
 * The seam between the delivery model and the platform model (MODEL.md section 4).
 * The delivery model calls these; src/model/platform implements them. With the platform switched off in a
 * scenario, `createPlatform` still returns a port whose jobs simply take their run time.
 */
import type { SimEvent } from "../../../engine/index.ts";
import type { PlatformKpis, PlatformMonthSeries, PlatformSamples } from "./platform-metrics.ts";

/** Kinds of compute job (MODEL.md section 4). */
export type JobKind = "training" | "retraining" | "batchInference";

/** A compute job submitted by a project or a production model. */
export interface JobRequest {
  kind: JobKind;
  tenant: string;
  /** Region for data residency; the job runs only on that region's cluster. Omitted = any/default. */
  region?: string;
  /** Nodes the job needs at once (parallelism). */
  nodes: number;
  /** Run time on its nodes, in hours, when not evicted. */
  runHours: number;
  /** Lower number = served first; FIFO within a priority. */
  priority: number;
  /** Free text for traces and FOCUS ResourceId, e.g. "project-12/training". */
  label: string;
}

/** What a finished job reports back (the event returned by submitJob succeeds with it). */
export interface JobOutcome {
  waitHours: number;
  runHours: number;
  evictions: number;
}

/** A model that went to production and must be served and covered by a service tier. */
export interface ProductionModel {
  id: number;
  tenant: string;
  /** Tier name (Bronze, Silver, Gold, Platinum) chosen by the tier assignment rule. */
  tier: string;
  /** Business criticality in [0, 1], used by tier assignment when the scenario says "by criticality". */
  criticality: number;
  /** Retraining cadence in days (0 = never). */
  retrainEveryDays: number;
}

/** A new value of one platform parameter (a roadmap effect), its path written from the scenario's top. */
export interface PlatformChange {
  /** e.g. `platform.clusters[0].maxNodes` (parameter-path.ts). */
  path: string;
  value: number | boolean | string;
}

/** The platform as the delivery model sees it. */
export interface PlatformPort {
  /** Submit a job; the returned event succeeds with a JobOutcome when the job has finished. */
  submitJob(job: JobRequest): SimEvent<JobOutcome>;
  /** A model went live: serve it, bill its tier, simulate its failures. */
  addProductionModel(model: ProductionModel): void;
  /** A production model retired: stop serving it, billing its tier and simulating its failures from now on. */
  removeProductionModel(id: number): void;
  /** Choose the tier of a new production model (rule from the scenario). */
  assignTier(criticality: number): string;
  /**
   * Close a month: post this month's platform costs to the ledger and return the month's series values
   * (e.g. clusterNodes, clusterUtilisation, servingPods, cacheHitRatio, slaAttainment) keyed by series name.
   */
  closeMonth(month: number): PlatformMonthSeries;
  /**
   * Adopt new parameter values from now on (roadmap effects, at a month boundary right after `closeMonth`),
   * keeping the platform's state: nodes, jobs, served models, tenants and accounts.
   */
  reconfigure(changes: readonly PlatformChange[]): void;
  /** End of run: scalar KPIs and pooled samples (e.g. jobWaitHours), named as in the metric catalogue. */
  finish(): { kpis: PlatformKpis; samples: PlatformSamples };
}
