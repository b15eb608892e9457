/**
 * The delivery model of one replication (MODEL.md sections 1, 2, 3, 5, 6): it owns the clock, the named random
 * streams, the mutable parameters (changed by the roadmap) and the parts — idea arrivals, portfolio,
 * organisation, lifecycle, production — and closes each month (people and investment costs, value, library
 * growth, platform month, maturity level, monthly series).
 *
 * Phases of a run: 1. build the parts from the scenario; 2. schedule arrivals (non-homogeneous Poisson by
 * thinning, P. A. W. Lewis and G. S. Shedler, "Simulation of nonhomogeneous Poisson processes by thinning",
 * Naval Research Logistics Quarterly 26(3), 1979), reviews, roadmap effects, the portfolio reset and month ends;
 * 3. run the kernel to the horizon; 4. assemble the result (replication-result.ts).
 */

import type { DistributionSpec, RandomSource } from "../../engine/index.ts";
import {
  categorical,
  distributionMean,
  Environment,
  normal,
  StreamFactory,
  sampler,
} from "../../engine/index.ts";
import type { DeliveryConfig } from "../scenario/delivery-schema.ts";
import type { Scenario } from "../scenario/schema.ts";
import { DAYS_PER_MONTH, DAYS_PER_WEEK } from "./calendar.ts";
import { Ledger } from "./ledger.ts";
import { Lifecycle } from "./lifecycle.ts";
import { maturityLevel } from "./maturity.ts";
import { Organisation } from "./organisation.ts";
import type { JobRequest, PlatformPort } from "./platform/port.ts";
import { Portfolio } from "./portfolio.ts";
import { Production } from "./production.ts";
import { CATEGORIES, HORIZONS, IMPACTS, PHASE_COUNT, Project, RISKS } from "./project.ts";
import type { SimulateOptions } from "./result.ts";
import { ReuseState } from "./reuse.ts";
import { investmentCostInMonth, setParameter } from "./roadmap.ts";
import { scoreProject } from "./scoring.ts";

/** Builds the platform of a run (src/model/platform/index.ts `createPlatform`, or a test double). */
export type PlatformFactory = (
  env: Environment,
  scenario: Scenario,
  streams: StreamFactory,
  ledger: Ledger,
) => PlatformPort;

const PHASE_KEYS = ["data", "features", "modelDev", "validation", "deployment"] as const;

/** Monthly observations of the delivery model, one slot per month of the horizon. */
export interface MonthlyBook {
  activeProjects: number[];
  backlog: number[];
  started: number[];
  delivered: number[];
  killed: number[];
  failed: number[];
  productionModels: number[];
  value: number[];
  hubUtilisation: number[];
  supportQueue: number[];
  reviewerUtilisation: number[];
  spokeUtilisation: number[];
  maturityLevel: number[];
  libraryCompleteness: number[];
  featureFamiliesBuilt: number[];
  balanceAlerts: number[];
  mixDeviationPoints: number[];
  platform: Record<string, number[]>;
  supportBusyDays: number;
  supportCapacityDays: number;
  reviewerBusyDays: number;
  reviewerCapacityDays: number;
  spokeUsedDays: number;
  spokeCapacityDays: number;
}

/** One replication of the delivery model; construct, then `run()`. */
export class DeliveryModel {
  readonly env: Environment;
  readonly scenario: Scenario;
  /** Mutable copy of the delivery sections: roadmap effects change it during the run. */
  readonly params: DeliveryConfig;
  readonly streams: StreamFactory;
  readonly ledger: Ledger;
  readonly platform: PlatformPort;
  readonly horizonMonths: number;
  readonly projects: Project[] = [];
  readonly reuse: ReuseState;
  readonly org: Organisation;
  readonly portfolio: Portfolio;
  readonly lifecycle: Lifecycle;
  readonly production: Production;
  readonly unitNames: string[];
  readonly unitTenant: number[];
  readonly unitRegion: string[];
  readonly tenantNames: string[];
  readonly gateAfter: boolean[] = [];
  readonly book: MonthlyBook;
  readonly tracing: boolean;
  readonly traceLines: string[] = [];
  readonly samples = {
    timeToMarketDays: [] as number[],
    supportWaitDays: [] as number[],
    gateWaitDays: [] as number[],
    sunkCost: [] as number[],
  };
  /** Effort actually worked per phase (person-weeks), summed over projects, and phases counted. */
  readonly phaseEffortSum: number[] = [0, 0, 0, 0, 0];
  readonly phaseEffortCount: number[] = [0, 0, 0, 0, 0];
  /** Feature effort (person-weeks) of each project's features phase, in the order phases started. */
  readonly featureEffortLog: number[] = [];
  readonly reuseSource: RandomSource;
  readonly featureSource: RandomSource;
  sunkCostKilled = 0;
  sunkCostFailed = 0;
  #nextId = 0;
  #closedMonths = 0;
  readonly #attributes: RandomSource;
  readonly #effort: RandomSource;
  readonly #success: RandomSource;
  readonly #scoringNoise: () => number;
  readonly #supportGap: RandomSource;
  readonly #blockerGap: RandomSource;
  readonly #deployment: RandomSource;
  readonly #category: () => number;
  readonly #impact: () => number;
  readonly #horizon: () => number;
  readonly #risk: () => number;
  readonly #reveal: () => number;
  #samplers!: {
    effort: (() => number)[];
    value: (() => number)[];
    criticality: () => number;
    formation: () => number;
    supportHours: () => number;
    blockerDays: () => number;
    reviewHours: () => number;
    adHocGate: () => number;
    training: () => number;
    retrainHours: () => number;
    retrainDelay: () => number;
    expectedEffort: number[];
  };

  /**
   * Build one replication of `scenario` for (seed, replication) with the platform from `createPlatform`.
   * @throws RangeError when a roadmap effect names no parameter (the schema normally catches this first)
   */
  constructor(scenario: Scenario, options: SimulateOptions, createPlatform: PlatformFactory) {
    this.env = new Environment();
    this.scenario = scenario;
    this.params = structuredClone(pickDelivery(scenario));
    this.streams = new StreamFactory(options.seed, options.replication);
    this.ledger = new Ledger();
    this.tracing = options.trace === true;
    this.horizonMonths = scenario.horizonMonths;
    const units = this.params.demand.businessUnits;
    this.unitNames = units.map((u) => u.name);
    this.tenantNames = [];
    this.unitTenant = units.map((u) => {
      const tenant = u.tenant === "" ? u.name : u.tenant;
      let i = this.tenantNames.indexOf(tenant);
      if (i < 0) i = this.tenantNames.push(tenant) - 1;
      return i;
    });
    this.unitRegion = units.map((u) => u.region);
    this.platform = createPlatform(this.env, scenario, this.streams, this.ledger);
    const s = this.streams;
    this.#attributes = s.get("attributes");
    this.#effort = s.get("effort");
    this.#success = s.get("success");
    const scoring = s.get("scoring");
    this.#scoringNoise = normal(scoring, 0, 1);
    this.#supportGap = s.get("support");
    this.#blockerGap = s.get("blockers");
    this.#deployment = s.get("deployment");
    this.reuseSource = s.get("reuse");
    this.featureSource = s.get("features");
    const d = this.params.demand;
    this.#category = categorical(
      this.#attributes,
      CATEGORIES.map((k) => d.category[k]),
    );
    this.#impact = categorical(
      this.#attributes,
      IMPACTS.map((k) => d.impact[k]),
    );
    this.#horizon = categorical(
      this.#attributes,
      HORIZONS.map((k) => d.horizon[k]),
    );
    this.#risk = categorical(
      this.#attributes,
      RISKS.map((k) => d.risk[k]),
    );
    const reveal = this.params.lifecycle.failureReveal;
    this.#reveal = categorical(this.#success, [
      reveal.data,
      reveal.features,
      reveal.modelDev,
      reveal.validation,
    ]);
    this.#buildSamplers();
    this.reuse = new ReuseState(this.params);
    const tenantOfSpoke = (i: number) => this.unitTenant[i % units.length]!;
    this.org = new Organisation(this.env, this.params, this.tenantNames.length, tenantOfSpoke);
    this.portfolio = new Portfolio(this);
    this.lifecycle = new Lifecycle(this);
    this.production = new Production(this);
    this.#refreshGates();
    const H = this.horizonMonths;
    const zeros = () => new Array<number>(H).fill(0);
    this.book = {
      activeProjects: zeros(),
      backlog: zeros(),
      started: zeros(),
      delivered: zeros(),
      killed: zeros(),
      failed: zeros(),
      productionModels: zeros(),
      value: zeros(),
      hubUtilisation: zeros(),
      supportQueue: zeros(),
      reviewerUtilisation: zeros(),
      spokeUtilisation: zeros(),
      maturityLevel: zeros(),
      libraryCompleteness: zeros(),
      featureFamiliesBuilt: zeros(),
      balanceAlerts: zeros(),
      mixDeviationPoints: zeros(),
      platform: {},
      supportBusyDays: 0,
      supportCapacityDays: 0,
      reviewerBusyDays: 0,
      reviewerCapacityDays: 0,
      spokeUsedDays: 0,
      spokeCapacityDays: 0,
    };
  }

  /** Run to the horizon. */
  run(): void {
    const env = this.env;
    const horizonDays = this.horizonMonths * DAYS_PER_MONTH;
    this.#scheduleRoadmap(horizonDays);
    this.#startInitialProjects();
    for (let u = 0; u < this.unitNames.length; u++) this.#scheduleArrivals(u, horizonDays);
    env.schedule(0, () => this.#review());
    const reset = this.params.governance.portfolioReset;
    if (reset.enabled && reset.atMonth * DAYS_PER_MONTH < horizonDays)
      env.schedule(reset.atMonth * DAYS_PER_MONTH, () => this.portfolio.reset());
    for (let month = 0; month < this.horizonMonths; month++)
      env.schedule((month + 1) * DAYS_PER_MONTH, () => this.#closeMonth(month));
    env.run({ until: horizonDays + 1e-6 });
  }

  // ------------------------------------------------------------------------------------ hooks of the parts

  /** Score of `p` now (fresh assessment noise); `revealedFailure` zeroes technical feasibility. */
  score(p: Project, revealedFailure: boolean): number {
    return scoreProject(
      p,
      this.params,
      this.successProbability(p, false),
      this.#scoringNoise,
      revealedFailure,
    );
  }

  /** Probability of technical success of `p` under the standards and templates in place now. */
  successProbability(p: Project, adoptedTemplate: boolean): number {
    const d = this.params.demand.successProbability;
    let failure = 1 - d[RISKS[p.risk]!];
    const gov = this.params.governance;
    if (gov.standards.enabled) failure *= 1 - gov.standards.failureReduction;
    if (adoptedTemplate) failure *= 1 - this.params.lifecycle.modelTemplates.failureReduction;
    return 1 - failure;
  }

  /** Whether `p` turns out to fail technically (evaluated when its reveal phase ends). */
  latentFailure(p: Project): boolean {
    const mt = this.params.lifecycle.modelTemplates;
    const adopted =
      p.adoptedTemplate ||
      (mt.enabled && p.revealPhase < 2 && p.templateDraw < mt.adoption[CATEGORIES[p.category]!]);
    return p.successDraw >= this.successProbability(p, adopted);
  }

  /** Approve `p` now: take capacity and start it (spoke) or form its dedicated team. */
  approve(p: Project): void {
    p.approvalDay = this.env.now;
    p.levelAtApproval = maturityLevel(this.params, this.reuse.completeness);
    this.portfolio.enter(p);
    const ready = this.org.staff(p);
    if (this.tracing) this.#trace(`approve project-${p.id} score ${p.score.toFixed(1)} ${p.staffing}`);
    if (ready) this.lifecycle.start(p);
    else this.lifecycle.formTeam(p);
  }

  /** A project started its first phase now (counted in the month's `started`). */
  projectStarted(): void {
    const m = this.#month();
    if (m < this.horizonMonths) this.book.started[m]!++;
  }

  /** A phase ended. */
  phaseEnded(p: Project, phase: number): void {
    if (this.tracing) this.#trace(`project-${p.id} ends ${PHASE_KEYS[phase]}`);
  }

  /** Effort (person-weeks) a phase was given after reuse; rework adds effort to the phase already counted. */
  phaseEffort(phase: number, effort: number, rework = false): void {
    this.phaseEffortSum[phase]! += effort;
    if (rework) return;
    this.phaseEffortCount[phase]!++;
    if (phase === 1) this.featureEffortLog.push(effort);
  }

  /** `p` went to production now. */
  delivered(p: Project): void {
    p.status = "delivered";
    p.deliveryDay = this.env.now;
    p.endDay = this.env.now;
    if (!p.initial) this.samples.timeToMarketDays.push(p.deliveryDay - p.approvalDay);
    const m = this.#month();
    if (m < this.horizonMonths) this.book.delivered[m]!++;
    if (this.tracing)
      this.#trace(`deliver project-${p.id} ttm ${(p.deliveryDay - p.approvalDay).toFixed(1)}`);
    this.#release(p);
    this.production.add(p);
    this.portfolio.fill(true);
  }

  /** `p` was killed or failed now. */
  projectEnded(p: Project): void {
    const sunk = this.sunkCost(p);
    if (p.status === "killed") this.sunkCostKilled += sunk;
    else this.sunkCostFailed += sunk;
    this.samples.sunkCost.push(sunk);
    const m = this.#month();
    if (m < this.horizonMonths) {
      if (p.status === "killed") this.book.killed[m]!++;
      else this.book.failed[m]!++;
    }
    if (this.tracing) this.#trace(`${p.status} project-${p.id} sunk ${sunk.toFixed(0)}`);
    this.#release(p);
    this.portfolio.fill(true);
  }

  /** Kill `p` now (portfolio reset). */
  kill(p: Project): void {
    this.lifecycle.abort(p, "killed");
  }

  /** Multiply the staff of `p` by `multiplier`; the extra FTE are paid at the dedicated-team rate. */
  doubleDown(p: Project, multiplier: number): void {
    const fte = p.fte * multiplier;
    if (p.status === "forming") {
      p.fte = fte;
      return;
    }
    const extra = fte - p.fte;
    this.org.addDedicatedFte(this.tenantOf(p), extra);
    p.dedicatedFte += extra;
    this.lifecycle.restaff(p, fte);
  }

  /** People cost sunk in `p` so far: its team's person-days and the hub expert hours it used. */
  sunkCost(p: Project): number {
    return this.peopleCost(p, p.endDay);
  }

  /**
   * People cost of `p` up to `untilDay` (its end if earlier): team person-days at the team's rate (dedicated
   * teams and double-down extras at the dedicated rate) plus the hub expert hours it used.
   */
  peopleCost(p: Project, untilDay: number): number {
    let personDays = p.personDays;
    const live = p.status === "active" || p.status === "forming";
    if (live && untilDay > p.fteSince) personDays += p.fte * (untilDay - p.fteSince);
    const role = p.staffing === "spoke" ? "spoke" : "pilot";
    return personDays * this.org.costPerFteDay(role) + p.supportHours * this.org.hubCostPerHour();
  }

  /** Tenant index of `p`. */
  tenantOf(p: Project): number {
    return this.unitTenant[p.unit]!;
  }

  /** Tenant name of `p`. */
  tenantName(p: Project): string {
    return this.tenantNames[this.unitTenant[p.unit]!]!;
  }

  /** Data-residency region of `p` ("" = default). */
  regionOf(p: Project): string {
    return this.unitRegion[p.unit]!;
  }

  /** A new training job request of `p` running `hours` (its label is built once per project). */
  trainingJob(p: Project, hours: number): JobRequest {
    if (p.trainingLabel === "") p.trainingLabel = `project-${p.id}/training`;
    const t = this.params.lifecycle.training;
    const job: JobRequest = {
      kind: "training",
      tenant: this.tenantName(p),
      nodes: t.nodes,
      runHours: hours,
      priority: t.priority,
      label: p.trainingLabel,
    };
    const region = this.regionOf(p);
    if (region !== "") job.region = region;
    return job;
  }

  /** Mean base effort (person-weeks) of `phase` for `p`'s horizon, for overrun checks. */
  expectedEffort(p: Project, phase: number): number {
    const mult = this.params.lifecycle.horizonEffortMultiplier[HORIZONS[p.horizon]!];
    return this.#samplers.expectedEffort[phase]! * mult;
  }

  /** Work days until the next support request of a project (exponential; Infinity when none arise). */
  nextSupportGap(): number {
    const org = this.params.organisation;
    let perWeek = org.support.requestsPerProjectWeek;
    if (org.selfService.enabled) perWeek *= 1 - org.selfService.supportReduction;
    if (org.guilds.enabled) perWeek *= 1 - org.guilds.peerAnswerShare;
    return exponentialGap(this.#supportGap, perWeek / DAYS_PER_WEEK);
  }

  /** Work days until the next blocker of a project. */
  nextBlockerGap(): number {
    return exponentialGap(
      this.#blockerGap,
      this.params.lifecycle.blockers.ratePerProjectWeek / DAYS_PER_WEEK,
    );
  }

  /** Days a blocker takes to resolve (guilds shorten it). */
  blockerResolutionDays(): number {
    const guilds = this.params.organisation.guilds;
    const days = Math.max(0, this.#samplers.blockerDays());
    return guilds.enabled ? days * (1 - guilds.resolutionReduction) : days;
  }

  /** Expert hours of one support request. */
  supportHours(): number {
    return Math.max(0, this.#samplers.supportHours());
  }

  /** Calendar days one gate review takes once a reviewer is free. */
  reviewDays(): number {
    const hours = Math.max(0, this.#samplers.reviewHours());
    return (hours * DAYS_PER_WEEK) / this.params.organisation.support.hoursPerFteWeek;
  }

  /** Days a gate takes without hub reviewers. */
  adHocGateDays(): number {
    return Math.max(0, this.#samplers.adHocGate());
  }

  /** Days to form a dedicated team. */
  formationDays(): number {
    return this.#samplers.formation();
  }

  /** Run hours of one training job. */
  trainingHours(): number {
    return Math.max(0, this.#samplers.training());
  }

  /** Run hours of one retraining job. */
  retrainHours(): number {
    return Math.max(0, this.#samplers.retrainHours());
  }

  /** Days before a manual retraining is submitted. */
  manualRetrainDelay(): number {
    return this.#samplers.retrainDelay();
  }

  /** One uniform draw for a deployment attempt. */
  deploymentSource(): number {
    return this.#deployment();
  }

  /** Record a support wait (days). */
  supportWaited(days: number): void {
    this.samples.supportWaitDays.push(days);
  }

  /** Record a gate wait (days). */
  gateWaited(days: number): void {
    this.samples.gateWaitDays.push(days);
  }

  /** Month index of now. */
  #month(): number {
    return Math.floor(this.env.now / DAYS_PER_MONTH + 1e-9);
  }

  // -------------------------------------------------------------------------------------------- internals

  #release(p: Project): void {
    this.org.release(p, this.tenantOf(p));
    this.portfolio.leave(p);
  }

  #newIdea(unit: number): Project {
    const p = new Project(this.#nextId++, unit, this.env.now);
    p.category = this.#category();
    p.impact = this.#impact();
    p.horizon = this.#horizon();
    p.risk = this.#risk();
    p.annualValue = Math.max(0, this.#samplers.value[p.impact]!());
    p.criticality = clamp01(this.#samplers.criticality());
    const mult = this.params.lifecycle.horizonEffortMultiplier[HORIZONS[p.horizon]!];
    for (let i = 0; i < PHASE_COUNT; i++)
      p.effortPersonWeeks[i] = Math.max(0, this.#samplers.effort[i]!()) * mult;
    p.successDraw = this.#success();
    p.templateDraw = this.#success();
    p.revealPhase = this.#reveal();
    this.lifecycle.bind(p);
    this.projects.push(p);
    return p;
  }

  #scheduleArrivals(unit: number, horizonDays: number): void {
    const u = this.params.demand.businessUnits[unit]!;
    if (u.ratePerMonth <= 0) return;
    const source = this.streams.get(`arrivals/${u.name}`);
    const ramp = u.ramp;
    const rateAt = (day: number): number => {
      if (ramp.months <= 0) return u.ratePerMonth;
      const f = Math.min(1, day / DAYS_PER_MONTH / ramp.months);
      return u.ratePerMonth * (ramp.startFactor + (1 - ramp.startFactor) * f);
    };
    const maxRatePerDay = (u.ratePerMonth * Math.max(1, ramp.startFactor)) / DAYS_PER_MONTH;
    let t = 0;
    const next = (): void => {
      for (;;) {
        t += -Math.log(1 - source()) / maxRatePerDay;
        if (t >= horizonDays) return;
        if (source() * maxRatePerDay * DAYS_PER_MONTH <= rateAt(t)) break;
      }
      this.env.schedule(t - this.env.now, arrive);
    };
    const arrive = (): void => {
      const p = this.#newIdea(unit);
      if (this.tracing) this.#trace(`idea project-${p.id} from ${u.name}`);
      this.portfolio.triage(p);
      next();
    };
    next();
  }

  #startInitialProjects(): void {
    const count = this.params.demand.initialProjects;
    if (count === 0) return;
    const source = this.streams.get("initial");
    for (let i = 0; i < count; i++) {
      const p = this.#newIdea(i % this.unitNames.length);
      p.initial = true;
      p.score = this.score(p, false);
      p.approvalDay = 0;
      p.eligibleDay = 0;
      p.levelAtApproval = maturityLevel(this.params, this.reuse.completeness);
      this.portfolio.enter(p);
      this.org.dedicatedTeams++;
      p.staffing = "dedicated";
      p.fte = this.params.organisation.pilotTeams.ftePerTeam;
      this.org.teamFormed(p, this.tenantOf(p));
      this.lifecycle.start(p, Math.floor(source() * 3));
    }
  }

  #review(): void {
    this.portfolio.review();
    const cadence = this.params.portfolio.reviewEveryMonths * DAYS_PER_MONTH;
    this.env.schedule(cadence, () => this.#review());
  }

  #scheduleRoadmap(horizonDays: number): void {
    for (const inv of this.params.roadmap.investments) {
      const day = (inv.startMonth + inv.durationMonths) * DAYS_PER_MONTH;
      if (day > horizonDays || inv.effects.length === 0) continue;
      const effects = inv.effects.map((e) => ({ path: e.path, value: e.value }));
      this.env.schedule(day, () => {
        for (const e of effects) setParameter(this.params, e.path, e.value);
        if (this.tracing) this.#trace(`roadmap ${inv.name} in place`);
        this.#buildSamplers();
        this.#refreshGates();
        this.reuse.applyFloor(this.params);
        this.org.refresh();
        this.portfolio.fill(true);
      });
    }
  }

  #refreshGates(): void {
    const after = this.params.governance.gates.afterPhases;
    for (let i = 0; i < PHASE_COUNT; i++) this.gateAfter[i] = after.includes(PHASE_KEYS[i]!);
  }

  #closeMonth(month: number): void {
    const start = month * DAYS_PER_MONTH;
    const end = (month + 1) * DAYS_PER_MONTH;
    const book = this.book;
    const org = this.org.closeMonth(month, this.ledger, this.tenantNames);
    book.hubUtilisation[month] = org.supportUtilisation;
    book.supportQueue[month] = org.supportQueue;
    book.reviewerUtilisation[month] = org.reviewerUtilisation;
    book.spokeUtilisation[month] = org.spokeUtilisation;
    book.supportBusyDays += org.supportBusyDays;
    book.supportCapacityDays += org.supportCapacityDays;
    book.reviewerBusyDays += org.reviewerBusyDays;
    book.reviewerCapacityDays += org.reviewerCapacityDays;
    book.spokeUsedDays += org.spokeUsedDays;
    book.spokeCapacityDays += org.spokeCapacityDays;
    for (const inv of this.params.roadmap.investments) {
      const cost = investmentCostInMonth(inv, month);
      if (cost > 0)
        this.ledger.post({
          month,
          category: "investment",
          service: inv.name,
          serviceCategory: "Other",
          tenant: "shared",
          resourceId: `roadmap/${inv.name}`,
          cost,
          quantity: 1,
          unit: "Month",
          pricing: "Committed",
        });
    }
    book.value[month] = this.production.closeMonth(start, end);
    this.reuse.growLibrary(this.org.platformFte(), this.params);
    const platform = this.platform.closeMonth(month);
    for (const key in platform) {
      let series = book.platform[key];
      if (series === undefined) {
        series = new Array<number>(this.horizonMonths).fill(0);
        book.platform[key] = series;
      }
      series[month] = platform[key]!;
    }
    book.activeProjects[month] = this.portfolio.activeOverTime.mean();
    this.portfolio.activeOverTime.reset();
    book.backlog[month] = this.portfolio.backlog.length;
    book.productionModels[month] = this.production.models.length;
    book.maturityLevel[month] = maturityLevel(this.params, this.reuse.completeness);
    book.libraryCompleteness[month] = this.reuse.completeness;
    book.featureFamiliesBuilt[month] = this.reuse.builtCount;
    book.balanceAlerts[month] = this.portfolio.lastAlerts;
    book.mixDeviationPoints[month] = this.portfolio.lastDeviation;
    this.#closedMonths = month + 1;
  }

  /** Months closed so far. */
  get closedMonths(): number {
    return this.#closedMonths;
  }

  #buildSamplers(): void {
    const p = this.params;
    const s = this.streams;
    const life = p.lifecycle;
    const spec = (x: unknown) => x as DistributionSpec;
    this.#samplers = {
      effort: PHASE_KEYS.map((k) => sampler(spec(life.effortPersonWeeks[k]), this.#effort)),
      value: IMPACTS.map((k) => sampler(spec(p.demand.annualValue[k]), this.#attributes)),
      criticality: sampler(spec(p.demand.criticality), this.#attributes),
      formation: sampler(spec(p.organisation.pilotTeams.formationDays), s.get("formation")),
      supportHours: sampler(spec(p.organisation.support.serviceHours), s.get("supportHours")),
      blockerDays: sampler(spec(life.blockers.resolutionDays), s.get("blockerDays")),
      reviewHours: sampler(spec(p.governance.gates.reviewHours), s.get("gates")),
      adHocGate: sampler(spec(p.governance.gates.withoutHubDelayDays), s.get("gates")),
      training: sampler(spec(life.training.runHours), s.get("training")),
      retrainHours: sampler(spec(life.production.retrainRunHours), s.get("retraining")),
      retrainDelay: sampler(spec(life.production.manualRetrainDelayDays), s.get("retrainingDelay")),
      expectedEffort: PHASE_KEYS.map((k) => distributionMean(spec(life.effortPersonWeeks[k]))),
    };
  }

  #trace(line: string): void {
    this.traceLines.push(`${this.env.now.toFixed(2)} ${line}`);
  }
}

/** The delivery sections of a scenario. */
function pickDelivery(s: Scenario): DeliveryConfig {
  return {
    organisation: s.organisation,
    demand: s.demand,
    portfolio: s.portfolio,
    lifecycle: s.lifecycle,
    governance: s.governance,
    roadmap: s.roadmap,
    finance: s.finance,
  };
}

/** Exponential gap with `ratePerDay` from `source` (inverse transform); Infinity when the rate is 0. */
function exponentialGap(source: RandomSource, ratePerDay: number): number {
  if (!(ratePerDay > 0)) return Number.POSITIVE_INFINITY;
  return -Math.log(1 - source()) / ratePerDay;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}
