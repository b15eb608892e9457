/**
 * One idea and, once approved, one project of the delivery model (MODEL.md sections 1 and 3): its drawn
 * attributes, its score, its lifecycle state and the record reported at the end of the run.
 * Attributes are small integer indexes into the constant name lists below, so the hot paths compare numbers.
 */
import type { Request, ScheduledHandle } from "../../../engine/index.ts";
import { PHASES } from "../../scenario/phases.ts";
import type { ProjectRecord } from "../result.ts";

/** Model categories (MODEL.md 1; guide Pattern 3). */
export const CATEGORIES = [
  "classification",
  "regression",
  "clustering",
  "nlp",
  "computerVision",
  "timeSeries",
] as const;
/** Business-impact types (guide Pattern 9). */
export const IMPACTS = ["revenue", "costReduction", "riskMitigation", "innovation"] as const;
/** Time horizons (guide Pattern 9). */
export const HORIZONS = ["quickWin", "medium", "longBet"] as const;
/** Risk profiles (guide Pattern 9). */
export const RISKS = ["low", "medium", "high"] as const;
/** Number of lifecycle phases (src/scenario/phases.ts: data, features, modelDev, validation, deployment). */
export const PHASE_COUNT = PHASES.length;
/** Index of the data-pipeline phase. */
export const DATA = 0;
/** Index of the feature-engineering phase. */
export const FEATURES = 1;
/** Index of the model-development phase (submits training jobs). */
export const MODEL_DEV = 2;
/** Index of the validation and governance phase. */
export const VALIDATION = 3;
/** Index of the deployment phase (attempts may fail and be reworked). */
export const DEPLOYMENT = 4;

/** Where a project is in its life; the string is what the record's `outcome` reports for live projects. */
export type ProjectStatus =
  | "deferred"
  | "queued"
  | "forming"
  | "active"
  | "delivered"
  | "killed"
  | "failed"
  | "rejected";

/** How a project is staffed. */
export type Staffing = "none" | "spoke" | "dedicated";

/** What a running project is waiting for; decides what `abort` must cancel. */
export type WaitState = "none" | "work" | "support" | "blocker" | "jobs" | "gate" | "forming";

/** An idea and its project; plain mutable fields, created once per arrival. */
export class Project {
  readonly id: number;
  readonly unit: number;
  readonly arrivalDay: number;
  category = 0;
  impact = 0;
  horizon = 0;
  risk = 0;
  annualValue = 0;
  criticality = 0;
  /** Base effort per phase in person-weeks (horizon multiplier applied, before reuse). */
  readonly effortPersonWeeks: number[] = [0, 0, 0, 0, 0];
  /** Uniform draw deciding latent technical success: fails when `successDraw > successProbability`. */
  successDraw = 0;
  /** Uniform draw deciding template adoption (adopts when below the category's adoption rate). */
  templateDraw = 0;
  /** Phase at whose end a latent failure becomes visible. */
  revealPhase = 0;

  /** Running at month 0 (demand.initialProjects): approved before the run, so no time to market. */
  initial = false;
  /** Value this project's model realised so far (currency). */
  realisedValue = 0;
  score = 0;
  /** Score plus balancing bonus, recomputed at each selection. */
  rank = 0;
  fastTrack = false;
  deferrals = 0;
  eligibleDay = Number.NaN;
  status: ProjectStatus = "deferred";

  approvalDay = Number.NaN;
  startDay = Number.NaN;
  deliveryDay = Number.NaN;
  endDay = Number.NaN;
  readonly phaseEndDays: number[] = [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  levelAtApproval = 1;
  tier = "";

  staffing: Staffing = "none";
  /** Index of the spoke running the project (-1: none). */
  spoke = -1;
  fte = 0;
  /** FTE the project's own team costs at the dedicated-team rate (dedicated team or double-down extra). */
  dedicatedFte = 0;
  personDays = 0;
  fteSince = 0;
  supportHours = 0;

  phase = 0;
  remainingPersonDays = 0;
  supportClockDays = Number.POSITIVE_INFINITY;
  blockerClockDays = Number.POSITIVE_INFINITY;
  resumedAt = 0;
  wait: WaitState = "none";
  /**
   * The handle of the project's last scheduled callback (formation, work stop, blocker, support, gate), reused for
   * the next (`Environment.reschedule`); `handle.pending` says whether the project waits for it.
   */
  handle: ScheduledHandle | null = null;
  request: Request | null = null;
  /** The project's last support and review requests once released, made again for its next ones (`Resource.renewRequest`). */
  spentSupport: Request | null = null;
  spentReview: Request | null = null;
  pendingJobs = 0;
  /** Expert hours of the support request being waited for or served. */
  pendingSupportHours = 0;
  /** When the current support or gate request was made. */
  requestedAt = 0;
  workDone = false;
  adoptedTemplate = false;
  failureRevealed = false;
  deploymentAttempts = 0;
  plannedDays = 0;
  /** Expected work days of the phases started so far (expected effort at the project's FTE, library saving). */
  expectedDays = 0;
  /** Expected person-days of the phases started so far, with the same savings as the work actually applied. */
  expectedWorkPersonDays = 0;
  /** Person-days of phase work done so far (including deployment rework). */
  workPersonDays = 0;
  builtFamilyShare = 0;
  /** Feature families this project must build (not yet built when its features phase started). */
  readonly pendingFamilies: number[] = [];
  /** FOCUS ResourceId / trace label of the project's training jobs, built on first use. */
  trainingLabel = "";
  /** Whether the lifecycle has bound the callbacks below (when the project first starts or forms a team). */
  bound = false;
  /** Pre-bound callbacks: created once per project, reused for every event (no per-event closures). */
  onStop: () => void = noop;
  onResume: () => void = noop;
  onSupportGranted: () => void = noop;
  onSupportDone: () => void = noop;
  onJobDone: () => void = noop;
  onGateGranted: () => void = noop;
  onGateDone: () => void = noop;
  onFormed: () => void = noop;
  /** Change the running project's FTE now, keeping the work done (bound by the lifecycle). */
  onRestaff: (fte: number) => void = noop;

  /** Create the idea `id` of business unit `unit`, arriving at `arrivalDay`. */
  constructor(id: number, unit: number, arrivalDay: number) {
    this.id = id;
    this.unit = unit;
    this.arrivalDay = arrivalDay;
  }

  /** Whether the project holds delivery capacity (a spoke slot or a dedicated team). */
  get inFlight(): boolean {
    return this.status === "active" || this.status === "forming";
  }

  /** The end-of-run record (MODEL.md 7); `unitName` and `tenant` come from the scenario's unit list. */
  toRecord(unitName: string, tenant: string, sunkCost: number): ProjectRecord {
    const phaseEndDays: ProjectRecord["phaseEndDays"] = {};
    for (let i = 0; i < PHASE_COUNT; i++)
      if (!Number.isNaN(this.phaseEndDays[i]!)) phaseEndDays[PHASES[i]!] = this.phaseEndDays[i]!;
    const record: ProjectRecord = {
      id: this.id,
      businessUnit: unitName,
      tenant,
      category: CATEGORIES[this.category]!,
      impact: IMPACTS[this.impact]!,
      horizon: HORIZONS[this.horizon]!,
      risk: RISKS[this.risk]!,
      score: this.score,
      arrivalDay: this.arrivalDay,
      phaseEndDays,
      outcome: this.status === "forming" ? "active" : this.status,
      sunkCost,
      annualValue: this.annualValue,
      maturityLevelAtApproval: this.levelAtApproval,
    };
    if (!Number.isNaN(this.approvalDay)) record.approvalDay = this.approvalDay;
    if (!Number.isNaN(this.startDay)) record.startDay = this.startDay;
    if (!Number.isNaN(this.deliveryDay)) {
      record.deliveryDay = this.deliveryDay;
      if (!this.initial) record.timeToMarketDays = this.deliveryDay - this.approvalDay;
    }
    if (this.status === "killed" || this.status === "failed") record.killedDay = this.endDay;
    if (this.tier !== "") record.tier = this.tier;
    return record;
  }
}

function noop(): void {}
