/**
 * Models in production (MODEL.md sections 3 and 6): each delivered project is handed to the platform
 * (`addProductionModel`, tier from `assignTier`), yields its annual value x realisation with a linear ramp-up,
 * and must be retrained every `retrainEveryDays`. Retraining is submitted at the due date when automated
 * (level 4, guide "Automated retraining") or after a manual delay otherwise; a retraining is compliant when it
 * finishes within a grace week of its due date (guide Pattern 10 "Model Retraining Compliance"). Once a model is
 * overdue (past the grace week) its value is multiplied by (1 - decayPerMonthOverdue)^(months overdue),
 * evaluated at the middle of each overdue stretch of a month; a retraining restores full value.
 *
 * Issue 10 point 4 (each off by default): diminishing returns per business unit (the k-th model to go live in a
 * unit realises 1 / (1 + (k - 1) / valueHalvingRank) of its value: the unit's best use cases come first, the law
 * of diminishing marginal returns); retirement after a lifetime drawn per model (no more value or retraining,
 * and the platform stops serving it, billing its tier and simulating its failures); and, for the finance part, the value
 * rate of each model live at the horizon (`terminalMonthlyValue`).
 */
import type { Environment, ScheduledHandle } from "../../../engine/index.ts";
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { DAYS_PER_MONTH, monthOfDay } from "../calendar.ts";
import { rampFactor } from "../finance.ts";
import type { JobRequest } from "../platform/port.ts";
import { youngClosure } from "../young-closure.ts";
import type { MonthBook, MonthSeries } from "./month-book.ts";
import type { ProductionDraws, ServingPort } from "./ports.ts";
import type { Project } from "./project.ts";
import type { Tenancy } from "./tenancy.ts";

/** What production needs from the rest of the delivery model. */
export interface ProductionPorts {
  env: Environment;
  /** The delivery parameters (changed in place by roadmap effects). */
  params: DeliveryConfig;
  /** The platform: tiers, serving and retraining jobs. */
  platform: ServingPort;
  draws: ProductionDraws;
  /** Tenant of a model and region of its retraining jobs. */
  tenancy: Pick<Tenancy, "tenantName" | "job">;
  book: MonthBook;
}

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
  /** Diminishing-returns factor of the model's value (1 = full value). */
  valueFactor = 1;
  /** Day the model retires (Infinity = never). */
  retireDay = Number.POSITIVE_INFINITY;
  /** Handles of the model's last due, overdue and manual-submit callbacks, reused for the next ones. */
  dueTimer: ScheduledHandle | null = null;
  overdueTimer: ScheduledHandle | null = null;
  submitTimer: ScheduledHandle | null = null;
  readonly onDue: () => void;
  readonly onSubmit: () => void;
  readonly onDone: () => void;
  readonly onOverdue: () => void;

  constructor(project: Project, liveDay: number, job: JobRequest, production: Production) {
    this.project = project;
    this.liveDay = liveDay;
    this.job = job;
    this.dueDay = Number.POSITIVE_INFINITY;
    this.onDue = youngClosure(() => production.due(this));
    this.onSubmit = youngClosure(() => production.submit(this));
    this.onDone = youngClosure(() => production.done(this));
    this.onOverdue = youngClosure(() => production.overdue(this));
  }
}

/** Production models, their retraining and their value. */
export class Production {
  readonly models: LiveModel[] = [];
  retrainOnTime = 0;
  retrainDone = 0;
  /** Models retired so far. */
  retired = 0;
  /** Models gone live so far per business unit (their rank for diminishing returns). */
  readonly #liveByUnit: number[] = [];
  readonly #env: Environment;
  readonly #params: DeliveryConfig;
  readonly #platform: ServingPort;
  readonly #draws: ProductionDraws;
  readonly #tenancy: ProductionPorts["tenancy"];
  readonly #value: MonthSeries;
  readonly #modelCount: MonthSeries;

  /** Production, recording monthly value and model count in `ports.book`. */
  constructor(ports: ProductionPorts) {
    this.#env = ports.env;
    this.#params = ports.params;
    this.#platform = ports.platform;
    this.#draws = ports.draws;
    this.#tenancy = ports.tenancy;
    this.#value = ports.book.series("production", "value");
    this.#modelCount = ports.book.series("production", "productionModels");
  }

  /** A project went live now. */
  add(p: Project): void {
    const criticality = p.criticality;
    const platform = this.#platform;
    p.tier = platform.assignTier(criticality);
    const prod = this.#params.lifecycle.production;
    platform.addProductionModel({
      id: p.id,
      tenant: this.#tenancy.tenantName(p),
      tier: p.tier,
      criticality,
      retrainEveryDays: prod.retrainEveryDays,
    });
    const job = this.#tenancy.job(p, "retraining", prod.retrainNodes, 1, 2, `project-${p.id}/retraining`);
    const live = new LiveModel(p, this.#env.now, job, this);
    const rank = (this.#liveByUnit[p.unit] ?? 0) + 1;
    this.#liveByUnit[p.unit] = rank;
    if (prod.valueHalvingRank > 0) live.valueFactor = 1 / (1 + (rank - 1) / prod.valueHalvingRank);
    const lifetime = this.#draws.lifetimeDays();
    if (lifetime < Number.POSITIVE_INFINITY) {
      live.retireDay = this.#env.now + lifetime;
      this.#env.schedule(lifetime, () => this.#retire(live));
    }
    this.models.push(live);
    this.#schedule(live);
  }

  /** Models in production now (gone live, not retired). */
  get liveCount(): number {
    return this.models.length - this.retired;
  }

  /**
   * Value per month each model live now yields at its last month's rate, with the day it retires: what a
   * terminal value carries past the horizon (call after the last month closed).
   */
  terminalMonthlyValue(): { monthlyValue: number; retireDay: number }[] {
    const prod = this.#params.lifecycle.production;
    const now = this.#env.now;
    const out: { monthlyValue: number; retireDay: number }[] = [];
    for (const live of this.models) {
      if (live.retireDay <= now) continue;
      const age = (now - live.liveDay) / DAYS_PER_MONTH;
      const ramp = prod.valueRampMonths > 0 ? Math.min(1, age / prod.valueRampMonths) : 1;
      const overdue = Number.isNaN(live.overdueSince)
        ? 1
        : (1 - prod.decayPerMonthOverdue) ** ((now - live.overdueSince) / DAYS_PER_MONTH);
      const monthlyValue =
        (live.project.annualValue / 12) * prod.realisation * ramp * overdue * live.valueFactor;
      out.push({ monthlyValue, retireDay: live.retireDay });
    }
    return out;
  }

  /** The model retires: it yields no more value, is no longer retrained and leaves the platform. */
  #retire(live: LiveModel): void {
    this.retired++;
    live.pending = false;
    this.#platform.removeProductionModel(live.project.id);
  }

  /** Retraining falls due. */
  due(live: LiveModel): void {
    if (live.retireDay <= this.#env.now) return;
    const prod = this.#params.lifecycle.production;
    live.pending = true;
    const env = this.#env;
    live.overdueTimer = env.reschedule(live.overdueTimer, RETRAIN_GRACE_DAYS, live.onOverdue);
    if (prod.retrainAutomated) this.submit(live);
    else
      live.submitTimer = env.reschedule(
        live.submitTimer,
        Math.max(0, this.#draws.manualRetrainDelay()),
        live.onSubmit,
      );
  }

  /** Submit the retraining job. */
  submit(live: LiveModel): void {
    live.job.runHours = this.#draws.retrainHours();
    this.#platform.submitJob(live.job).then(live.onDone);
  }

  /** Retraining finished. */
  done(live: LiveModel): void {
    const now = this.#env.now;
    this.retrainDone++;
    if (now <= live.dueDay + RETRAIN_GRACE_DAYS) this.retrainOnTime++;
    live.pending = false;
    if (!Number.isNaN(live.overdueSince)) {
      const monthStart = monthOfDay(now) * DAYS_PER_MONTH;
      live.lossDays += this.#loss(Math.max(live.overdueSince, monthStart), now, live.overdueSince);
      live.overdueSince = Number.NaN;
    }
    this.#schedule(live);
  }

  /** The grace week after a due date has passed: still waiting means overdue from now on. */
  overdue(live: LiveModel): void {
    if (live.pending && Number.isNaN(live.overdueSince)) live.overdueSince = this.#env.now;
  }

  /** Record month `month`: the value realised in it (less what overdue retraining cost) and the models live. */
  closeMonth(month: number): void {
    this.#value.set(month, this.#monthValue(month * DAYS_PER_MONTH, (month + 1) * DAYS_PER_MONTH));
    this.#modelCount.set(month, this.liveCount);
  }

  /** Value realised in the month [start, end) days, less what overdue retraining cost. */
  #monthValue(start: number, end: number): number {
    const prod = this.#params.lifecycle.production;
    let value = 0;
    for (let i = 0; i < this.models.length; i++) {
      const live = this.models[i]!;
      const from = Math.max(live.liveDay, start);
      const to = Math.min(end, live.retireDay);
      const span = (to - from) / DAYS_PER_MONTH;
      if (span <= 0) continue;
      const ramp = rampFactor((from - live.liveDay) / DAYS_PER_MONTH, span, prod.valueRampMonths);
      if (!Number.isNaN(live.overdueSince))
        live.lossDays += this.#loss(Math.max(live.overdueSince, from), to, live.overdueSince);
      const kept = Math.max(0, to - from - live.lossDays) / (to - from);
      live.lossDays = 0;
      const v = (live.project.annualValue / 12) * prod.realisation * ramp * kept * span * live.valueFactor;
      live.project.realisedValue += v;
      value += v;
    }
    return value;
  }

  /** Retraining compliance: on-time retrainings over those completed plus those overdue now (1 when none). */
  compliance(): number {
    const now = this.#env.now;
    let overdue = 0;
    for (const live of this.models) if (live.pending && now > live.dueDay + RETRAIN_GRACE_DAYS) overdue++;
    const total = this.retrainDone + overdue;
    return total > 0 ? this.retrainOnTime / total : 1;
  }

  /** Weighted value-days lost over [a, b] by a model overdue since `since`. */
  #loss(a: number, b: number, since: number): number {
    if (b <= a) return 0;
    const decay = this.#params.lifecycle.production.decayPerMonthOverdue;
    const months = ((a + b) / 2 - since) / DAYS_PER_MONTH;
    return (b - a) * (1 - (1 - decay) ** months);
  }

  #schedule(live: LiveModel): void {
    const every = this.#params.lifecycle.production.retrainEveryDays;
    if (every <= 0) {
      live.dueDay = Number.POSITIVE_INFINITY;
      return;
    }
    live.dueDay = this.#env.now + every;
    live.dueTimer = this.#env.reschedule(live.dueTimer, every, live.onDue);
  }
}
