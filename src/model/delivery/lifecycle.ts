/**
 * The project lifecycle (MODEL.md section 3): data -> features -> modelDev -> validation -> deployment ->
 * production, one phase after the other, each with an effort in person-weeks reduced by the reuse in place
 * when the phase starts (reuse.ts), worked at the project's FTE.
 *
 * While a phase is worked, expert-support requests and blocking problems arrive as Poisson processes in work
 * time; a request queues for the hub's support servers (or, without a hub, costs the team
 * `withoutHubMultiplier` x the expert time), a blocker stops work for its resolution time, shortened by guilds
 * (guide Pattern 14: 40%). Model development submits training jobs and cannot end before they have finished.
 * Gate reviews follow the configured phases (hub reviewers, a FIFO queue); automated governance shortens a
 * review by `automatedReviewSaving` (by default the automated validation saving). A latent failure (drawn at arrival)
 * shows at the end of its reveal phase; under kill-early the next gate kills the project, otherwise it runs on
 * until validation ends, where it fails. Kill-early also kills at a gate on overrun, comparing like with like:
 * work done over expected work (waits on neither side; issue 10 point 3), or, as an option, elapsed days over
 * expected work days. Deployment attempts succeed with 95% (templates) or 70% (manual,
 * guide Pattern 4); a failed attempt redoes `reworkShare` of the deployment effort.
 *
 * Work time is exact: the next stop is min(remaining work, next support request, next blocker), and the
 * exponential clocks keep their residuals across stops (memorylessness makes this the Poisson process).
 */
import type { Environment } from "../../../engine/index.ts";
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { PHASES } from "../../scenario/phases.ts";
import { DAYS_PER_WEEK } from "../calendar.ts";
import { youngClosure } from "../young-closure.ts";
import type {
  JobPort,
  LifecycleDraws,
  ProjectObserver,
  ProjectOutcomes,
  ProjectRunner,
  ProjectStaffing,
} from "./ports.ts";
import {
  CATEGORIES,
  DATA,
  DEPLOYMENT,
  FEATURES,
  MODEL_DEV,
  PHASE_COUNT,
  type Project,
  VALIDATION,
} from "./project.ts";
import type { ReuseState } from "./reuse.ts";
import { latentFailure } from "./technical-success.ts";
import type { Tenancy } from "./tenancy.ts";

const EPS = 1e-9;

/** What the lifecycle needs from the rest of the delivery model. */
export interface LifecyclePorts {
  env: Environment;
  /** The delivery parameters (changed in place by roadmap effects). */
  params: DeliveryConfig;
  staffing: ProjectStaffing;
  /** The platform, for training jobs. */
  platform: JobPort;
  /** Reusable assets: library savings and feature families. */
  reuse: Pick<ReuseState, "librarySaving" | "pickFamilies" | "markBuilt">;
  draws: LifecycleDraws;
  /** Tenant and region of a project's jobs. */
  tenancy: Pick<Tenancy, "job">;
  /** Where project events are counted. */
  observer: ProjectObserver;
  /** What follows a delivery or an end (capacity freed, production). */
  outcomes: ProjectOutcomes;
}

/** Runs projects through their phases on the kernel. */
export class Lifecycle implements ProjectRunner {
  readonly #env: Environment;
  readonly #params: DeliveryConfig;
  readonly #staffing: ProjectStaffing;
  readonly #platform: JobPort;
  readonly #reuse: LifecyclePorts["reuse"];
  readonly #draws: LifecycleDraws;
  readonly #tenancy: LifecyclePorts["tenancy"];
  readonly #observer: ProjectObserver;
  readonly #outcomes: ProjectOutcomes;
  /** gateAfter[i]: a gate review follows phase i (re-read by `refresh`). */
  readonly #gateAfter: boolean[] = [];

  /** The lifecycle, reporting what happens to projects to `ports.observer`, then `ports.outcomes`. */
  constructor(ports: LifecyclePorts) {
    this.#env = ports.env;
    this.#params = ports.params;
    this.#staffing = ports.staffing;
    this.#platform = ports.platform;
    this.#reuse = ports.reuse;
    this.#draws = ports.draws;
    this.#tenancy = ports.tenancy;
    this.#observer = ports.observer;
    this.#outcomes = ports.outcomes;
    this.refresh();
  }

  /** Re-read the gated phases from the (possibly changed) parameters: call after a roadmap effect. */
  refresh(): void {
    const after = this.#params.governance.gates.afterPhases;
    for (let i = 0; i < PHASE_COUNT; i++) this.#gateAfter[i] = after.includes(PHASES[i]!);
  }

  /** Bind the project's callbacks once (no closure per event afterwards), each through youngClosure. */
  #bind(p: Project): void {
    p.bound = true;
    p.onStop = youngClosure(() => this.#workStopped(p));
    p.onResume = youngClosure(() => this.#resume(p));
    p.onSupportGranted = youngClosure(() => this.#supportGranted(p));
    p.onSupportDone = youngClosure(() => this.#supportDone(p));
    p.onJobDone = youngClosure(() => this.#jobDone(p));
    p.onGateGranted = youngClosure(() => this.#gateGranted(p));
    p.onGateDone = youngClosure(() => this.#gateDone(p));
    p.onFormed = youngClosure(() => this.#formed(p));
    p.onRestaff = youngClosure((fte: number) => {
      if (p.status === "active") this.#restaff(p, fte);
      else p.fte = fte;
    });
  }

  /** Wait for a dedicated team to form, then start. */
  formTeam(p: Project): void {
    if (!p.bound) this.#bind(p);
    p.status = "forming";
    p.wait = "forming";
    p.handle = this.#env.reschedule(p.handle, Math.max(0, this.#draws.formationDays()), p.onFormed);
  }

  /** Start the project's first phase now (its staffing is in place). */
  start(p: Project, phase = DATA): void {
    if (!p.bound) this.#bind(p);
    const now = this.#env.now;
    p.status = "active";
    p.startDay = now;
    p.fteSince = now;
    p.phase = phase;
    this.#observer.started(p);
    this.#startPhase(p);
  }

  /** Multiply the staff of `p` by `multiplier`; the extra FTE are paid at the dedicated-team rate. */
  staffUp(p: Project, multiplier: number): void {
    const fte = p.fte * multiplier;
    if (p.status === "forming") {
      p.fte = fte;
      return;
    }
    const extra = fte - p.fte;
    this.#staffing.addDedicatedFte(p, extra);
    p.dedicatedFte += extra;
    this.#restaff(p, fte);
  }

  /** Change the project's FTE now, keeping the work done so far. */
  #restaff(p: Project, fte: number): void {
    this.#accrue(p);
    if (p.wait === "work") {
      this.#env.cancel(p.handle!);
      this.#account(p);
      p.fte = fte;
      this.#resume(p);
    } else {
      p.fte = fte;
    }
  }

  /** Stop the project now with `outcome` (killed or failed), cancelling whatever it waits for. */
  abort(p: Project, outcome: "killed" | "failed"): void {
    // a no-op when the handle is not pending (its callback ran, or is running now)
    if (p.handle !== null) this.#env.cancel(p.handle);
    if (p.request !== null) {
      this.#staffing.cancelRequest(p.request);
      p.request = null;
    }
    this.#accrue(p);
    p.wait = "none";
    p.status = outcome;
    p.endDay = this.#env.now;
    this.#observer.ended(p);
    this.#outcomes.ended(p);
  }

  #startPhase(p: Project): void {
    const params = this.#params;
    const draws = this.#draws;
    const phase = p.phase;
    let effort = p.effortPersonWeeks[phase]!;
    const life = params.lifecycle;
    const saving = this.#reuse.librarySaving(PHASES[phase]!, params, draws.reuseSource);
    effort *= 1 - saving;
    if (phase === FEATURES) {
      if (life.featureStore.enabled) {
        p.builtFamilyShare = this.#reuse.pickFamilies(params, draws.featureSource, p.pendingFamilies);
        effort *= 1 - life.featureStore.maxSaving * p.builtFamilyShare;
      } else {
        p.builtFamilyShare = 0;
        p.pendingFamilies.length = 0;
      }
    } else if (phase === MODEL_DEV) {
      p.adoptedTemplate =
        life.modelTemplates.enabled && p.templateDraw < life.modelTemplates.adoption[CATEGORIES[p.category]!];
      if (p.adoptedTemplate) effort *= 1 - life.modelTemplates.effortSaving;
      this.#submitTraining(p);
    } else if (phase === VALIDATION) {
      if (p.adoptedTemplate) effort *= 1 - life.modelTemplates.validationSaving;
      effort *= 1 - params.governance.automatedValidationSaving;
    } else if (phase === DEPLOYMENT) {
      if (life.deploymentTemplates.enabled) effort *= 1 - life.deploymentTemplates.timeSaving;
      p.deploymentAttempts = 0;
    }
    const expected = draws.expectedEffort(p, phase);
    p.expectedDays += (expected * (1 - saving) * DAYS_PER_WEEK) / p.fte;
    const base = p.effortPersonWeeks[phase]!;
    // the same savings as the effort applied, so the ratio of the two is the effort draw's own overrun
    p.expectedWorkPersonDays += (base > 0 ? (expected * effort) / base : expected) * DAYS_PER_WEEK;
    p.remainingPersonDays = effort * DAYS_PER_WEEK;
    p.workDone = false;
    this.#observer.phaseEffort(phase, effort, false);
    this.#resume(p);
  }

  #submitTraining(p: Project): void {
    const life = this.#params.lifecycle;
    const t = life.training;
    p.pendingJobs = 0;
    if (t.jobsPerProject === 0) return;
    const fs = life.featureStore;
    const featureFactor = fs.enabled ? 1 - fs.featureComputeShare * fs.computeSaving * p.builtFamilyShare : 1;
    for (let j = 0; j < t.jobsPerProject; j++) {
      const hours = this.#draws.trainingHours() * featureFactor;
      if (p.trainingLabel === "") p.trainingLabel = `project-${p.id}/training`;
      const job = this.#tenancy.job(p, "training", t.nodes, hours, t.priority, p.trainingLabel);
      p.pendingJobs++;
      this.#platform.submitJob(job).then(p.onJobDone);
    }
  }

  #resume(p: Project): void {
    if (p.status !== "active") return;
    const now = this.#env.now;
    if (p.supportClockDays === Number.POSITIVE_INFINITY) p.supportClockDays = this.#draws.nextSupportGap();
    if (p.blockerClockDays === Number.POSITIVE_INFINITY) p.blockerClockDays = this.#draws.nextBlockerGap();
    const workDays = p.remainingPersonDays / p.fte;
    let next = workDays;
    if (p.supportClockDays < next) next = p.supportClockDays;
    if (p.blockerClockDays < next) next = p.blockerClockDays;
    p.resumedAt = now;
    p.wait = "work";
    p.handle = this.#env.reschedule(p.handle, Math.max(next, 0), p.onStop);
  }

  /** Book the work since the last resume. */
  #account(p: Project): void {
    const now = this.#env.now;
    const elapsed = now - p.resumedAt;
    p.remainingPersonDays -= elapsed * p.fte;
    p.workPersonDays += elapsed * p.fte;
    p.supportClockDays -= elapsed;
    p.blockerClockDays -= elapsed;
    p.resumedAt = now;
  }

  /** Accrue person-days of the project's team up to now. */
  #accrue(p: Project): void {
    const now = this.#env.now;
    p.personDays += p.fte * (now - p.fteSince);
    p.fteSince = now;
  }

  #workStopped(p: Project): void {
    this.#account(p);
    if (p.remainingPersonDays <= EPS * p.fte) {
      p.remainingPersonDays = 0;
      p.wait = "jobs";
      p.workDone = true;
      if (p.pendingJobs === 0) this.#phaseEnded(p);
      return;
    }
    if (p.supportClockDays <= EPS) {
      p.supportClockDays = Number.POSITIVE_INFINITY;
      this.#askSupport(p);
      return;
    }
    p.blockerClockDays = Number.POSITIVE_INFINITY;
    p.wait = "blocker";
    p.handle = this.#env.reschedule(p.handle, this.#draws.blockerResolutionDays(), p.onResume);
  }

  #askSupport(p: Project): void {
    const hours = this.#draws.supportHours();
    p.supportHours += hours;
    p.wait = "support";
    if (!this.#staffing.hasSupport()) {
      const support = this.#params.organisation.support;
      const days = (hours * support.withoutHubMultiplier * DAYS_PER_WEEK) / support.hoursPerFteWeek;
      p.handle = this.#env.reschedule(p.handle, days, p.onResume);
      return;
    }
    p.pendingSupportHours = hours;
    p.requestedAt = this.#env.now;
    const req = this.#staffing.requestSupport(p.spentSupport);
    p.request = req;
    req.then(p.onSupportGranted);
  }

  #supportGranted(p: Project): void {
    this.#staffing.granted();
    if (p.status !== "active" || p.request === null) return;
    this.#observer.supportWaited(this.#env.now - p.requestedAt);
    const days = (p.pendingSupportHours * DAYS_PER_WEEK) / hoursPerWeek(this.#params);
    p.handle = this.#env.reschedule(p.handle, days, p.onSupportDone);
  }

  #supportDone(p: Project): void {
    if (p.request !== null) {
      this.#staffing.releaseSupport(p.request);
      p.spentSupport = p.request;
      p.request = null;
    }
    this.#resume(p);
  }

  #jobDone(p: Project): void {
    if (p.status !== "active") return;
    p.pendingJobs--;
    if (p.pendingJobs === 0 && p.workDone && p.wait === "jobs") this.#phaseEnded(p);
  }

  #phaseEnded(p: Project): void {
    const now = this.#env.now;
    const life = this.#params.lifecycle;
    const phase = p.phase;
    if (phase === DEPLOYMENT) {
      const dt = life.deploymentTemplates;
      const success = dt.enabled ? dt.successRate : dt.manualSuccessRate;
      p.deploymentAttempts++;
      if (this.#draws.deploymentDraw() >= success) {
        if (p.deploymentAttempts >= dt.maxAttempts) {
          p.phaseEndDays[phase] = now;
          this.abort(p, "failed");
          return;
        }
        let effort = p.effortPersonWeeks[DEPLOYMENT]! * dt.reworkShare;
        if (dt.enabled) effort *= 1 - dt.timeSaving;
        p.remainingPersonDays = effort * DAYS_PER_WEEK;
        this.#observer.phaseEffort(phase, effort, true);
        this.#resume(p);
        return;
      }
    }
    p.phaseEndDays[phase] = now;
    if (phase === FEATURES && p.pendingFamilies.length > 0) this.#reuse.markBuilt(p.pendingFamilies);
    if (phase === p.revealPhase) p.failureRevealed = latentFailure(p, this.#params);
    this.#observer.phaseEnded(p, phase);
    if (phase === DEPLOYMENT) {
      this.#accrue(p);
      p.wait = "none";
      p.status = "delivered";
      p.deliveryDay = now;
      p.endDay = now;
      this.#observer.delivered(p);
      this.#outcomes.delivered(p);
      return;
    }
    if (this.#gateAfter[phase] === true) {
      p.wait = "gate";
      if (this.#staffing.hasReviewers()) {
        p.requestedAt = now;
        const req = this.#staffing.requestReview(p.spentReview);
        p.request = req;
        req.then(p.onGateGranted);
      } else {
        p.handle = this.#env.reschedule(p.handle, this.#draws.adHocGateDays(), p.onGateDone);
      }
      return;
    }
    this.#decide(p, false);
  }

  #gateGranted(p: Project): void {
    this.#staffing.granted();
    if (p.status !== "active" || p.request === null) return;
    this.#observer.gateWaited(this.#env.now - p.requestedAt);
    const gov = this.#params.governance;
    const saving =
      gov.automatedReviewSaving === "asValidation"
        ? gov.automatedValidationSaving
        : gov.automatedReviewSaving;
    p.handle = this.#env.reschedule(p.handle, this.#draws.reviewDays() * (1 - saving), p.onGateDone);
  }

  #gateDone(p: Project): void {
    if (p.request !== null) {
      this.#staffing.releaseReview(p.request);
      p.spentReview = p.request;
      p.request = null;
    }
    this.#decide(p, true);
  }

  /** Go/no-go after a phase (at a gate when `gate`): kill early, fail at validation, or go on. */
  #decide(p: Project, gate: boolean): void {
    const gov = this.#params.governance;
    const phase = p.phase;
    if (
      gate &&
      gov.killEarly.enabled &&
      (p.failureRevealed || this.#overrun(p) > gov.killEarly.maxOverrunRatio)
    ) {
      this.abort(p, "killed");
      return;
    }
    if (phase === VALIDATION && p.failureRevealed) {
      this.abort(p, "failed");
      return;
    }
    p.phase = phase + 1;
    if (p.phase < PHASE_COUNT) this.#startPhase(p);
  }

  /**
   * The project's overrun at a gate: work done over expected work (`effort`, waits on neither side), or days
   * since start over expected work days (`elapsed`, waits for reviewers, support and blockers count against it).
   */
  #overrun(p: Project): number {
    if (this.#params.governance.killEarly.overrunBasis === "elapsed")
      return p.expectedDays > 0 ? (this.#env.now - p.startDay) / p.expectedDays : 0;
    return p.expectedWorkPersonDays > 0 ? p.workPersonDays / p.expectedWorkPersonDays : 0;
  }

  #formed(p: Project): void {
    this.#staffing.teamFormed(p);
    this.start(p);
  }
}

function hoursPerWeek(params: DeliveryConfig): number {
  return params.organisation.support.hoursPerFteWeek;
}
