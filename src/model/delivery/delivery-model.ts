/**
 * The delivery model of one replication (MODEL.md sections 1, 2, 3, 5, 6): wiring and schedule only. It builds
 * the parts, hands each the few ports it needs (ports.ts), and schedules the run; the parts do the work:
 *
 * ```
 *  IdeaArrivals -> Portfolio -> Lifecycle -> ProjectTally (observer); Portfolio.release, Production.add (outcomes)
 *                      |            |
 *                 Organisation (staffing, hub queues)     platform (jobs, serving) through PlatformPort
 * ```
 *
 * Phases of a run: 1. build the parts from the scenario (constructor); 2. schedule roadmap effects, the
 * projects running at month 0, idea arrivals, portfolio reviews, the portfolio reset and month ends (`run`);
 * 3. run the kernel to the horizon; 4. assemble the result (src/model/replication-result.ts). Each month end
 * asks every part to close its month, in a fixed order: costs are posted to the ledger and monthly series
 * recorded in the month book.
 */

import { Environment, type ScheduledHandle, StreamFactory } from "../../../engine/index.ts";
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import type { Scenario } from "../../scenario/schema.ts";
import { DAYS_PER_MONTH } from "../calendar.ts";
import { Ledger } from "../ledger.ts";
import type { PlatformChange, PlatformPort } from "../platform/port.ts";
import type { SimulateOptions } from "../result.ts";
import { DeliveryDraws } from "./draws.ts";
import { IdeaArrivals } from "./idea-arrivals.ts";
import { Lifecycle } from "./lifecycle.ts";
import { maturityLevel } from "./maturity.ts";
import { MonthBook, type MonthSeries } from "./month-book.ts";
import { Organisation } from "./organisation.ts";
import { Portfolio } from "./portfolio.ts";
import type { PlatformFactory, ProjectOutcomes } from "./ports.ts";
import { Production } from "./production.ts";
import type { Project } from "./project.ts";
import { ProjectTally } from "./project-tally.ts";
import { ReuseState } from "./reuse.ts";
import { postInvestmentCosts, setParameter } from "./roadmap.ts";
import { Tenancy } from "./tenancy.ts";
import { DayTrace } from "./trace-log.ts";

/** One replication of the delivery model; construct, then `run()`. */
export class DeliveryModel {
  readonly env: Environment;
  readonly scenario: Scenario;
  /** Mutable copy of the delivery sections: roadmap effects change it during the run. */
  readonly params: DeliveryConfig;
  readonly horizonMonths: number;
  readonly ledger: Ledger;
  readonly book: MonthBook;
  readonly trace: DayTrace;
  readonly platform: PlatformPort;
  readonly tenancy: Tenancy;
  /** Every idea of the run, in id order. */
  readonly projects: Project[] = [];
  readonly reuse: ReuseState;
  readonly org: Organisation;
  readonly portfolio: Portfolio;
  readonly lifecycle: Lifecycle;
  readonly production: Production;
  readonly tally: ProjectTally;
  readonly #draws: DeliveryDraws;
  readonly #arrivals: IdeaArrivals;
  readonly #maturity: MonthSeries;
  readonly #library: MonthSeries;
  readonly #families: MonthSeries;
  /** The portfolio review callback (bound once) and its handle, reused from one review to the next. */
  readonly #onReview = (): void => this.#review();
  #reviewHandle: ScheduledHandle | null = null;
  /** Platform changes to hand over right after the close of a month, by month. */
  readonly #platformChanges = new Map<number, (() => void)[]>();

  /**
   * Build one replication of `scenario` for (seed, replication) with the platform from `createPlatform`.
   * @throws RangeError when the seed or replication is invalid (engine/random)
   */
  constructor(scenario: Scenario, options: SimulateOptions, createPlatform: PlatformFactory) {
    const env = new Environment();
    this.env = env;
    this.scenario = scenario;
    const params = structuredClone(pickDelivery(scenario));
    this.params = params;
    this.horizonMonths = scenario.horizonMonths;
    const streams = new StreamFactory(options.seed, options.replication);
    this.ledger = new Ledger();
    this.book = new MonthBook(this.horizonMonths);
    const book = this.book;
    const trace = new DayTrace(env, options.trace === true);
    this.trace = trace;
    this.tenancy = new Tenancy(params);
    this.platform = createPlatform(env, scenario, streams, this.ledger);
    const draws = new DeliveryDraws(params, streams);
    this.#draws = draws;
    this.reuse = new ReuseState(params);
    const levelNow = () => maturityLevel(params, this.reuse.completeness);
    this.production = new Production({
      env,
      params,
      platform: this.platform,
      draws,
      tenancy: this.tenancy,
      book,
    });
    this.org = new Organisation(env, params, this.tenancy, this.ledger, book);
    this.tally = new ProjectTally(env, params, book, trace);
    // a project that leaves gives its capacity back; a delivered one goes live; then the portfolio refills
    const outcomes: ProjectOutcomes = {
      delivered: (p) => {
        this.portfolio.release(p);
        this.production.add(p);
        this.portfolio.fill(true);
      },
      ended: (p) => {
        this.portfolio.release(p);
        this.portfolio.fill(true);
      },
    };
    this.lifecycle = new Lifecycle({
      env,
      params,
      staffing: this.org,
      platform: this.platform,
      reuse: this.reuse,
      draws,
      tenancy: this.tenancy,
      observer: this.tally,
      outcomes,
    });
    this.portfolio = new Portfolio({
      env,
      params,
      staffing: this.org,
      runner: this.lifecycle,
      draws,
      maturityLevel: levelNow,
      projects: this.projects,
      book,
      trace,
    });
    this.#arrivals = new IdeaArrivals({
      env,
      params,
      draws,
      intake: this.portfolio,
      projects: this.projects,
      trace,
    });
    this.#maturity = book.series("maturity", "maturityLevel");
    this.#library = book.series("reuse", "libraryCompleteness");
    this.#families = book.series("reuse", "featureFamiliesBuilt");
  }

  /** Run to the horizon. */
  run(): void {
    const env = this.env;
    const horizonDays = this.horizonMonths * DAYS_PER_MONTH;
    this.#scheduleRoadmap(horizonDays);
    this.#arrivals.start(horizonDays);
    this.#reviewHandle = env.schedule(0, this.#onReview);
    const reset = this.params.governance.portfolioReset;
    if (reset.enabled && reset.atMonth * DAYS_PER_MONTH < horizonDays)
      env.schedule(reset.atMonth * DAYS_PER_MONTH, () => this.portfolio.reset());
    for (let month = 0; month < this.horizonMonths; month++)
      env.schedule((month + 1) * DAYS_PER_MONTH, () => this.#closeMonth(month));
    env.run({ until: horizonDays + 1e-6 });
  }

  #review(): void {
    this.portfolio.review();
    const cadence = this.params.portfolio.reviewEveryMonths * DAYS_PER_MONTH;
    this.#reviewHandle = this.env.reschedule(this.#reviewHandle, cadence, this.#onReview);
  }

  /**
   * Each investment's effects take hold when it completes: delivery parameters change, then every part re-reads
   * what depends on them (samplers, gates, library floor, capacities, the arrivals of a unit whose parameters
   * changed) and free capacity is filled. Platform parameters change at the first month boundary at or after
   * completion, right after that month's close (src/model/platform/platform-reconfiguration.ts says why).
   * @throws RangeError (during the run) when an effect names no parameter; the schema normally catches this
   */
  #scheduleRoadmap(horizonDays: number): void {
    for (const inv of this.params.roadmap.investments) {
      const completion = inv.startMonth + inv.durationMonths;
      const day = completion * DAYS_PER_MONTH;
      if (day > horizonDays || inv.effects.length === 0) continue;
      const effects = inv.effects.filter((e) => !isPlatformPath(e.path)).map((e) => ({ ...e }));
      const changes = inv.effects.filter((e) => isPlatformPath(e.path)).map((e) => ({ ...e }));
      if (changes.length > 0) this.#schedulePlatformChanges(inv.name, completion, changes);
      if (effects.length === 0) continue;
      const units = new Set<number>();
      for (const e of effects) {
        const unit = /^demand\.businessUnits(?:\[|\.)(\d+)/.exec(e.path)?.[1];
        if (unit !== undefined) units.add(Number(unit));
      }
      this.env.schedule(day, () => {
        for (const e of effects) setParameter(this.params, e.path, e.value);
        if (this.trace.on) this.trace.write(`roadmap ${inv.name} in place`);
        this.#draws.rebuild();
        this.lifecycle.refresh();
        this.reuse.applyFloor(this.params);
        this.org.refresh();
        if (units.size > 0) {
          this.tenancy.refresh(this.params);
          for (const unit of units) this.#arrivals.refresh(unit);
        }
        this.portfolio.fill(true);
      });
    }
  }

  /** Hand `changes` to the platform at the first month boundary at or after `completion` (months). */
  #schedulePlatformChanges(name: string, completion: number, changes: PlatformChange[]): void {
    const boundary = Math.ceil(completion - 1e-9);
    if (boundary >= this.horizonMonths) return;
    const apply = () => {
      this.platform.reconfigure(changes);
      if (this.trace.on) this.trace.write(`roadmap ${name}: platform changes in place`);
    };
    if (boundary <= 0) {
      apply();
      return;
    }
    const list = this.#platformChanges.get(boundary - 1) ?? [];
    list.push(apply);
    this.#platformChanges.set(boundary - 1, list);
  }

  /** Month end: each part posts its costs and records its series, in this order (costs are ledger rows). */
  #closeMonth(month: number): void {
    this.org.closeMonth(month);
    postInvestmentCosts(this.ledger, this.params.roadmap.investments, month);
    this.production.closeMonth(month);
    this.reuse.growLibrary(this.org.platformFte(), this.params);
    this.book.recordMonth("platform", month, this.platform.closeMonth(month));
    for (const apply of this.#platformChanges.get(month) ?? []) apply();
    this.portfolio.closeMonth(month);
    this.#maturity.set(month, maturityLevel(this.params, this.reuse.completeness));
    this.#library.set(month, this.reuse.completeness);
    this.#families.set(month, this.reuse.builtCount);
  }
}

/** Whether an effect path names a platform parameter. */
function isPlatformPath(path: string): boolean {
  return path === "platform" || path.startsWith("platform.");
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
