/**
 * Models in production (MODEL.md sections 3 and 6): each delivered project is handed to the platform
 * (`addProductionModel`, tier from `assignTier`), yields its annual value x realisation with a linear ramp-up,
 * and must be retrained every `retrainEveryDays`. Retraining is submitted at the due date when automated
 * (level 4, guide "Automated retraining") or after a manual delay otherwise; a retraining is compliant when it
 * finishes within a grace week of its due date (guide Pattern 10 "Model Retraining Compliance"). Once a model is
 * overdue (past the grace week) its value is multiplied by (1 - decayPerMonthOverdue)^(months overdue),
 * evaluated at the middle of each overdue stretch of a month; a retraining restores full value.
 */
import { DAYS_PER_MONTH } from "./calendar.ts";
import type { DeliveryModel } from "./delivery-model.ts";
import { rampFactor } from "./finance.ts";
import type { JobRequest } from "./platform/port.ts";
import type { Project } from "./project.ts";

/** Days after the due date within which a retraining still counts as compliant. */
export const RETRAIN_GRACE_DAYS = 7;

/** One model in production. */
class LiveModel {
  readonly project: Project;
  readonly liveDay: number;
  readonly job: JobRequest;
  dueDay: number;
  /** Day the model became overdue (NaN when it is not). */
  overdueSince = Number.NaN;
  /** Value-days lost to overdue retraining in the current month (weighted by the decay). */
  lossDays = 0;
  pending = false;
  readonly onDue: () => void;
  readonly onSubmit: () => void;
  readonly onDone: () => void;
  readonly onOverdue: () => void;

  constructor(project: Project, liveDay: number, job: JobRequest, production: Production) {
    this.project = project;
    this.liveDay = liveDay;
    this.job = job;
    this.dueDay = Number.POSITIVE_INFINITY;
    this.onDue = () => production.due(this);
    this.onSubmit = () => production.submit(this);
    this.onDone = () => production.done(this);
    this.onOverdue = () => production.overdue(this);
  }
}

/** Production models, their retraining and their value. */
export class Production {
  readonly #m: DeliveryModel;
  readonly models: LiveModel[] = [];
  retrainOnTime = 0;
  retrainDone = 0;

  /** Production of `model`. */
  constructor(model: DeliveryModel) {
    this.#m = model;
  }

  /** A project went live now. */
  add(p: Project): void {
    const m = this.#m;
    const criticality = p.criticality;
    p.tier = m.platform.assignTier(criticality);
    const prod = m.params.lifecycle.production;
    m.platform.addProductionModel({
      id: p.id,
      tenant: m.tenantName(p),
      tier: p.tier,
      criticality,
      retrainEveryDays: prod.retrainEveryDays,
    });
    const job: JobRequest = {
      kind: "retraining",
      tenant: m.tenantName(p),
      nodes: prod.retrainNodes,
      runHours: 1,
      priority: 2,
      label: `project-${p.id}/retraining`,
    };
    const region = m.regionOf(p);
    if (region !== "") job.region = region;
    const live = new LiveModel(p, m.env.now, job, this);
    this.models.push(live);
    this.#schedule(live);
  }

  /** Retraining falls due. */
  due(live: LiveModel): void {
    const m = this.#m;
    const prod = m.params.lifecycle.production;
    live.pending = true;
    m.env.schedule(RETRAIN_GRACE_DAYS, live.onOverdue);
    if (prod.retrainAutomated) this.submit(live);
    else m.env.schedule(Math.max(0, m.manualRetrainDelay()), live.onSubmit);
  }

  /** Submit the retraining job. */
  submit(live: LiveModel): void {
    const m = this.#m;
    live.job.runHours = m.retrainHours();
    m.platform.submitJob(live.job).then(live.onDone);
  }

  /** Retraining finished. */
  done(live: LiveModel): void {
    const now = this.#m.env.now;
    this.retrainDone++;
    if (now <= live.dueDay + RETRAIN_GRACE_DAYS) this.retrainOnTime++;
    live.pending = false;
    if (!Number.isNaN(live.overdueSince)) {
      const monthStart = Math.floor(now / DAYS_PER_MONTH + 1e-9) * DAYS_PER_MONTH;
      live.lossDays += this.#loss(Math.max(live.overdueSince, monthStart), now, live.overdueSince);
      live.overdueSince = Number.NaN;
    }
    this.#schedule(live);
  }

  /** The grace week after a due date has passed: still waiting means overdue from now on. */
  overdue(live: LiveModel): void {
    if (live.pending && Number.isNaN(live.overdueSince)) live.overdueSince = this.#m.env.now;
  }

  /** Value realised in the month [start, end) days, less what overdue retraining cost. */
  closeMonth(start: number, end: number): number {
    const m = this.#m;
    const prod = m.params.lifecycle.production;
    let value = 0;
    for (let i = 0; i < this.models.length; i++) {
      const live = this.models[i]!;
      const from = Math.max(live.liveDay, start);
      const span = (end - from) / DAYS_PER_MONTH;
      if (span <= 0) continue;
      const ramp = rampFactor((from - live.liveDay) / DAYS_PER_MONTH, span, prod.valueRampMonths);
      if (!Number.isNaN(live.overdueSince))
        live.lossDays += this.#loss(Math.max(live.overdueSince, from), end, live.overdueSince);
      const kept = Math.max(0, end - from - live.lossDays) / (end - from);
      live.lossDays = 0;
      const v = (live.project.annualValue / 12) * prod.realisation * ramp * kept * span;
      live.project.realisedValue += v;
      value += v;
    }
    return value;
  }

  /** Retraining compliance: on-time retrainings over those completed plus those overdue now (1 when none). */
  compliance(): number {
    const now = this.#m.env.now;
    let overdue = 0;
    for (const live of this.models) if (live.pending && now > live.dueDay + RETRAIN_GRACE_DAYS) overdue++;
    const total = this.retrainDone + overdue;
    return total > 0 ? this.retrainOnTime / total : 1;
  }

  /** Weighted value-days lost over [a, b] by a model overdue since `since`. */
  #loss(a: number, b: number, since: number): number {
    if (b <= a) return 0;
    const decay = this.#m.params.lifecycle.production.decayPerMonthOverdue;
    const months = ((a + b) / 2 - since) / DAYS_PER_MONTH;
    return (b - a) * (1 - (1 - decay) ** months);
  }

  #schedule(live: LiveModel): void {
    const m = this.#m;
    const every = m.params.lifecycle.production.retrainEveryDays;
    if (every <= 0) {
      live.dueDay = Number.POSITIVE_INFINITY;
      return;
    }
    live.dueDay = m.env.now + every;
    m.env.schedule(every, live.onDue);
  }
}
