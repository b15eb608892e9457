/**
 * The narrow ports between the parts of the delivery model (MODEL.md sections 1-3). Each part receives in its
 * constructor the few ports it needs, never the whole model, so a part can be driven alone through test
 * doubles and no part imports delivery-model.ts (the wiring):
 *
 * ```
 *  IdeaArrivals --IdeaIntake--> Portfolio --Staffing--> Organisation
 *                                   |                       ^
 *                             ProjectRunner           ProjectStaffing
 *                                   v                       |
 *                               Lifecycle ------------------+      Lifecycle --JobPort--> platform
 *                                   |
 *                    +--------------+---------------+
 *              ProjectObserver               ProjectOutcomes (wired in delivery-model.ts)
 *                    v                              v
 *              ProjectTally        Portfolio.release, Production.add --ServingPort--> platform
 * ```
 *
 * Draws come through the draw ports (implemented by draws.ts), monthly observations go to the MonthBook
 * (month-book.ts), trace lines to a TraceLog.
 */
import type { Environment, RandomSource, Request, StreamFactory } from "../../../engine/index.ts";
import type { Scenario } from "../../scenario/schema.ts";
import type { Ledger } from "../ledger.ts";
import type { PlatformPort } from "../platform/port.ts";
import type { Project } from "./project.ts";

/** Builds the platform of a run (src/model/platform/index.ts `createPlatform`, or a test double). */
export type PlatformFactory = (
  env: Environment,
  scenario: Scenario,
  streams: StreamFactory,
  ledger: Ledger,
) => PlatformPort;

/** The platform as a running project uses it: training jobs. */
export type JobPort = Pick<PlatformPort, "submitJob">;

/** The platform as production uses it: tiers, serving and retraining jobs. */
export type ServingPort = Pick<
  PlatformPort,
  "submitJob" | "assignTier" | "addProductionModel" | "removeProductionModel"
>;

/** Delivery capacity as the portfolio sees it (implemented by the organisation). */
export interface Staffing {
  /** Whether some newly approved project could be staffed now. */
  hasCapacity(): boolean;
  /** Whether `project` could be staffed now. */
  hasCapacityFor(project: Project): boolean;
  /** Staff `project`: a spoke slot (returns true: ready now) or a dedicated team that must form (false). */
  staff(project: Project): boolean;
  /** Staff `project` with a dedicated team that exists already and is paid from now (a project at month 0). */
  staffFormedTeam(project: Project): void;
  /** Give back the project's slot or team. */
  release(project: Project): void;
}

/** The hub's queues and the team's pay as a running project sees them (implemented by the organisation). */
export interface ProjectStaffing {
  /** Whether the hub has expert-support servers now (otherwise teams help themselves, more slowly). */
  hasSupport(): boolean;
  /** Whether the hub has gate reviewers now (otherwise gates take an ad-hoc delay). */
  hasReviewers(): boolean;
  /**
   * Queue for an expert-support server; the request succeeds when one is free. The caller's grant callback
   * must call {@link ProjectStaffing.granted} first.
   */
  requestSupport(previous: Request | null): Request;
  /** Free the support server held by `request` (nothing waits for the release). */
  releaseSupport(request: Request): void;
  /**
   * Queue for a gate reviewer (the grant callback calls {@link ProjectStaffing.granted} first). Both requests are
   * made in `previous`, the caller's last request of that kind, when it is spent (`Resource.renewRequest`).
   */
  requestReview(previous: Request | null): Request;
  /**
   * A support or review request was granted (its event is being processed): the hub records its queues. Called
   * first by the project's grant callback, even when the project no longer waits for the request.
   */
  granted(): void;
  /** Free the reviewer held by `request` (nothing waits for the release). */
  releaseReview(request: Request): void;
  /** Withdraw `request` (support or review), queued or granted. */
  cancelRequest(request: Request): void;
  /** The project's dedicated team has formed: start paying it. */
  teamFormed(project: Project): void;
  /** Add `fte` (may be negative) to the dedicated FTE paid for the project's tenant. */
  addDedicatedFte(project: Project, fte: number): void;
}

/** The lifecycle as the portfolio sees it: start, stop and restaff projects. */
export interface ProjectRunner {
  /** Start the first phase (or `phase`) now; the staffing is in place. */
  start(project: Project, phase?: number): void;
  /** Wait for a dedicated team to form, then start. */
  formTeam(project: Project): void;
  /** Stop the project now with `outcome`, cancelling whatever it waits for. */
  abort(project: Project, outcome: "killed" | "failed"): void;
  /** Multiply the project's staff by `multiplier` (double down); extra FTE are paid at the dedicated rate. */
  staffUp(project: Project, multiplier: number): void;
}

/** What the lifecycle reports about the projects it runs, to be counted (implemented by ProjectTally). */
export interface ProjectObserver {
  /** A project started its first phase now. */
  started(project: Project): void;
  /** A phase ended now. */
  phaseEnded(project: Project, phase: number): void;
  /** A phase was given `effort` person-weeks after reuse; `rework` adds to a phase already counted. */
  phaseEffort(phase: number, effort: number, rework: boolean): void;
  /** A support request waited `days` for a server. */
  supportWaited(days: number): void;
  /** A gate review waited `days` for a reviewer. */
  gateWaited(days: number): void;
  /** The project went to production now (status and days already set). */
  delivered(project: Project): void;
  /** The project was killed or failed now (status and end day already set). */
  ended(project: Project): void;
}

/** What happens after a project leaves the lifecycle (wired by delivery-model.ts: capacity, production). */
export interface ProjectOutcomes {
  /** The project went to production now (already observed). */
  delivered(project: Project): void;
  /** The project was killed or failed now (already observed). */
  ended(project: Project): void;
}

/** The portfolio as idea arrivals see it. */
export interface IdeaIntake {
  /** A new idea: score, tier and act on it. */
  triage(project: Project): void;
  /** A project already running at month 0 with its own team, in `phase`. */
  admitInitial(project: Project, phase: number): void;
}

/** Draws of new ideas. */
export interface IdeaDraws {
  /** Draw the attributes of a new idea (category, impact, horizon, risk, value, criticality, effort, fate). */
  drawIdea(project: Project): void;
  /** The arrival stream of business unit `unitName`. */
  arrivals(unitName: string): RandomSource;
  /** Phase (0-2) a project running at month 0 is in. */
  initialPhase(): number;
}

/** Draws of a running project. */
export interface LifecycleDraws {
  /** Uniform source of component-library reuse. */
  readonly reuseSource: RandomSource;
  /** Uniform source of feature-family picks. */
  readonly featureSource: RandomSource;
  /** Days to form a dedicated team. */
  formationDays(): number;
  /** Run hours of one training job. */
  trainingHours(): number;
  /** Work days until the next support request (Infinity when none arise). */
  nextSupportGap(): number;
  /** Work days until the next blocker (Infinity when none arise). */
  nextBlockerGap(): number;
  /** Days a blocker takes to resolve. */
  blockerResolutionDays(): number;
  /** Expert hours of one support request. */
  supportHours(): number;
  /** Calendar days one gate review takes once a reviewer is free. */
  reviewDays(): number;
  /** Days a gate takes without hub reviewers. */
  adHocGateDays(): number;
  /** One uniform draw for a deployment attempt. */
  deploymentDraw(): number;
  /** Mean base effort (person-weeks) of `phase` for the project's horizon, for overrun checks. */
  expectedEffort(project: Project, phase: number): number;
}

/** Draws of production models. */
export interface ProductionDraws {
  /** Run hours of one retraining job. */
  retrainHours(): number;
  /** Days before a manual retraining is submitted. */
  manualRetrainDelay(): number;
  /** Days a model stays in production before it retires (Infinity when models never retire). */
  lifetimeDays(): number;
}

/** Draws of the portfolio: assessment noise of scoring. */
export interface ScoringDraws {
  /** Standard normal draws (five per score). */
  readonly scoringNoise: () => number;
}

/** Where trace lines go (only written when `on`, so callers skip building the text otherwise). */
export interface TraceLog {
  /** Whether lines are kept. */
  readonly on: boolean;
  /** Keep `line`, stamped with the current day. */
  write(line: string): void;
}
