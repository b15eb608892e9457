/**
 * The project lifecycle (MODEL.md section 3): data -> features -> modelDev -> validation -> deployment ->
 * production, one phase after the other, each with an effort in person-weeks reduced by the reuse in place
 * when the phase starts (reuse.ts), worked at the project's FTE.
 *
 * While a phase is worked, expert-support requests and blocking problems arrive as Poisson processes in work
 * time; a request queues for the hub's support servers (or, without a hub, costs the team
 * `withoutHubMultiplier` x the expert time), a blocker stops work for its resolution time, shortened by guilds
 * (guide Pattern 14: 40%). Model development submits training jobs and cannot end before they have finished.
 * Gate reviews follow the configured phases (hub reviewers, a FIFO queue). A latent failure (drawn at arrival)
 * shows at the end of its reveal phase; under kill-early the next gate kills the project, otherwise it runs on
 * until validation ends, where it fails. Deployment attempts succeed with 95% (templates) or 70% (manual,
 * guide Pattern 4); a failed attempt redoes `reworkShare` of the deployment effort.
 *
 * Work time is exact: the next stop is min(remaining work, next support request, next blocker), and the
 * exponential clocks keep their residuals across stops (memorylessness makes this the Poisson process).
 */
import type { DeliveryConfig } from "../scenario/delivery-schema.ts";
import { DAYS_PER_WEEK } from "./calendar.ts";
import type { DeliveryModel } from "./delivery-model.ts";
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

const PHASE_NAMES = ["data", "features", "modelDev", "validation", "deployment"] as const;
const EPS = 1e-9;

/** Runs projects through their phases on the kernel. */
export class Lifecycle {
  readonly #m: DeliveryModel;

  /** Lifecycle of `model`'s projects. */
  constructor(model: DeliveryModel) {
    this.#m = model;
  }

  /** Bind the project's callbacks once (no closure per event afterwards). */
  bind(p: Project): void {
    p.onStop = () => this.#workStopped(p);
    p.onResume = () => this.#resume(p);
    p.onSupportGranted = () => this.#supportGranted(p);
    p.onSupportDone = () => this.#supportDone(p);
    p.onJobDone = () => this.#jobDone(p);
    p.onGateGranted = () => this.#gateGranted(p);
    p.onGateDone = () => this.#gateDone(p);
    p.onFormed = () => this.#formed(p);
  }

  /** Wait for a dedicated team to form, then start. */
  formTeam(p: Project): void {
    const m = this.#m;
    p.status = "forming";
    p.wait = "forming";
    p.handle = m.env.schedule(Math.max(0, m.formationDays()), p.onFormed);
  }

  /** Start the project's first phase now (its staffing is in place). */
  start(p: Project, phase = DATA): void {
    const m = this.#m;
    p.status = "active";
    p.startDay = m.env.now;
    p.fteSince = m.env.now;
    p.phase = phase;
    m.projectStarted();
    this.#startPhase(p);
  }

  /** Change the project's FTE now (double down), keeping the work done so far. */
  restaff(p: Project, fte: number): void {
    const m = this.#m;
    this.#accrue(p);
    if (p.wait === "work") {
      m.env.cancel(p.handle!);
      this.#account(p);
      p.fte = fte;
      this.#resume(p);
    } else {
      p.fte = fte;
    }
  }

  /** Stop the project now with `outcome` (killed or failed), cancelling whatever it waits for. */
  abort(p: Project, outcome: "killed" | "failed"): void {
    const m = this.#m;
    if (p.handle !== null) m.env.cancel(p.handle);
    p.handle = null;
    if (p.request !== null) {
      p.request.cancel();
      p.request = null;
      m.org.recordQueues();
    }
    this.#accrue(p);
    p.wait = "none";
    p.status = outcome;
    p.endDay = m.env.now;
    m.projectEnded(p);
  }

  #startPhase(p: Project): void {
    const m = this.#m;
    const params = m.params;
    const phase = p.phase;
    let effort = p.effortPersonWeeks[phase]!;
    const life = params.lifecycle;
    const reuse = m.reuseSource;
    const saving = m.reuse.librarySaving(PHASE_NAMES[phase]!, params, reuse);
    effort *= 1 - saving;
    if (phase === FEATURES) {
      if (life.featureStore.enabled) {
        p.builtFamilyShare = m.reuse.pickFamilies(params, m.featureSource, p.pendingFamilies);
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
    p.expectedDays += (m.expectedEffort(p, phase) * (1 - saving) * DAYS_PER_WEEK) / p.fte;
    p.remainingPersonDays = effort * DAYS_PER_WEEK;
    p.workDone = false;
    m.phaseEffort(phase, effort);
    this.#resume(p);
  }

  #submitTraining(p: Project): void {
    const m = this.#m;
    const t = m.params.lifecycle.training;
    p.pendingJobs = 0;
    if (t.jobsPerProject === 0) return;
    const fs = m.params.lifecycle.featureStore;
    const featureFactor = fs.enabled ? 1 - fs.featureComputeShare * fs.computeSaving * p.builtFamilyShare : 1;
    for (let j = 0; j < t.jobsPerProject; j++) {
      const job = m.trainingJob(p, m.trainingHours() * featureFactor);
      p.pendingJobs++;
      m.platform.submitJob(job).then(p.onJobDone);
    }
  }

  #resume(p: Project): void {
    const m = this.#m;
    if (p.status !== "active") return;
    const now = m.env.now;
    if (p.supportClockDays === Number.POSITIVE_INFINITY) p.supportClockDays = m.nextSupportGap();
    if (p.blockerClockDays === Number.POSITIVE_INFINITY) p.blockerClockDays = m.nextBlockerGap();
    const workDays = p.remainingPersonDays / p.fte;
    let next = workDays;
    if (p.supportClockDays < next) next = p.supportClockDays;
    if (p.blockerClockDays < next) next = p.blockerClockDays;
    p.resumedAt = now;
    p.wait = "work";
    p.handle = m.env.schedule(Math.max(next, 0), p.onStop);
  }

  /** Book the work since the last resume. */
  #account(p: Project): void {
    const elapsed = this.#m.env.now - p.resumedAt;
    p.remainingPersonDays -= elapsed * p.fte;
    p.supportClockDays -= elapsed;
    p.blockerClockDays -= elapsed;
    p.resumedAt = this.#m.env.now;
  }

  /** Accrue person-days of the project's team up to now. */
  #accrue(p: Project): void {
    const now = this.#m.env.now;
    p.personDays += p.fte * (now - p.fteSince);
    p.fteSince = now;
  }

  #workStopped(p: Project): void {
    const m = this.#m;
    p.handle = null;
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
    p.handle = m.env.schedule(m.blockerResolutionDays(), p.onResume);
  }

  #askSupport(p: Project): void {
    const m = this.#m;
    const hours = m.supportHours();
    p.supportHours += hours;
    p.wait = "support";
    if (m.org.supportServers <= 0) {
      const days =
        (hours * m.params.organisation.support.withoutHubMultiplier * DAYS_PER_WEEK) / hoursPerWeek(m.params);
      p.handle = m.env.schedule(days, p.onResume);
      return;
    }
    p.pendingSupportHours = hours;
    p.requestedAt = m.env.now;
    const req = m.org.support.request();
    p.request = req;
    m.org.recordQueues();
    req.then(p.onSupportGranted);
  }

  #supportGranted(p: Project): void {
    const m = this.#m;
    if (p.status !== "active" || p.request === null) return;
    m.supportWaited(m.env.now - p.requestedAt);
    const days = (p.pendingSupportHours * DAYS_PER_WEEK) / hoursPerWeek(m.params);
    p.handle = m.env.schedule(days, p.onSupportDone);
  }

  #supportDone(p: Project): void {
    const m = this.#m;
    p.handle = null;
    if (p.request !== null) {
      m.org.support.release(p.request);
      p.request = null;
      m.org.recordQueues();
    }
    this.#resume(p);
  }

  #jobDone(p: Project): void {
    if (p.status !== "active") return;
    p.pendingJobs--;
    if (p.pendingJobs === 0 && p.workDone && p.wait === "jobs") this.#phaseEnded(p);
  }

  #phaseEnded(p: Project): void {
    const m = this.#m;
    const life = m.params.lifecycle;
    const phase = p.phase;
    if (phase === DEPLOYMENT) {
      const dt = life.deploymentTemplates;
      const success = dt.enabled ? dt.successRate : dt.manualSuccessRate;
      p.deploymentAttempts++;
      if (m.deploymentSource() >= success) {
        if (p.deploymentAttempts >= dt.maxAttempts) {
          p.phaseEndDays[phase] = m.env.now;
          this.abort(p, "failed");
          return;
        }
        let effort = p.effortPersonWeeks[DEPLOYMENT]! * dt.reworkShare;
        if (dt.enabled) effort *= 1 - dt.timeSaving;
        p.remainingPersonDays = effort * DAYS_PER_WEEK;
        m.phaseEffort(phase, effort, true);
        this.#resume(p);
        return;
      }
    }
    p.phaseEndDays[phase] = m.env.now;
    if (phase === FEATURES && p.pendingFamilies.length > 0) m.reuse.markBuilt(p.pendingFamilies);
    if (phase === p.revealPhase) p.failureRevealed = m.latentFailure(p);
    m.phaseEnded(p, phase);
    if (phase === DEPLOYMENT) {
      this.#accrue(p);
      p.wait = "none";
      m.delivered(p);
      return;
    }
    if (m.gateAfter[phase] === true) {
      p.wait = "gate";
      if (m.org.reviewerCount > 0) {
        p.requestedAt = m.env.now;
        const req = m.org.reviewers.request();
        p.request = req;
        m.org.recordQueues();
        req.then(p.onGateGranted);
      } else {
        p.handle = m.env.schedule(m.adHocGateDays(), p.onGateDone);
      }
      return;
    }
    this.#decide(p, false);
  }

  #gateGranted(p: Project): void {
    const m = this.#m;
    if (p.status !== "active" || p.request === null) return;
    m.gateWaited(m.env.now - p.requestedAt);
    p.handle = m.env.schedule(m.reviewDays(), p.onGateDone);
  }

  #gateDone(p: Project): void {
    const m = this.#m;
    p.handle = null;
    if (p.request !== null) {
      m.org.reviewers.release(p.request);
      p.request = null;
      m.org.recordQueues();
    }
    this.#decide(p, true);
  }

  /** Go/no-go after a phase (at a gate when `gate`): kill early, fail at validation, or go on. */
  #decide(p: Project, gate: boolean): void {
    const m = this.#m;
    const gov = m.params.governance;
    const phase = p.phase;
    if (gate && gov.killEarly.enabled) {
      const elapsed = m.env.now - p.startDay;
      if (
        p.failureRevealed ||
        (p.expectedDays > 0 && elapsed / p.expectedDays > gov.killEarly.maxOverrunRatio)
      ) {
        this.abort(p, "killed");
        return;
      }
    }
    if (phase === VALIDATION && p.failureRevealed) {
      this.abort(p, "failed");
      return;
    }
    p.phase = phase + 1;
    if (p.phase < PHASE_COUNT) this.#startPhase(p);
  }

  #formed(p: Project): void {
    const m = this.#m;
    p.handle = null;
    m.org.teamFormed(p, m.tenantOf(p));
    this.start(p);
  }
}

function hoursPerWeek(params: DeliveryConfig): number {
  return params.organisation.support.hoursPerFteWeek;
}
