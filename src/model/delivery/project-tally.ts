/**
 * What happened to projects, counted as it happens (MODEL.md section 7): projects started, delivered, killed and
 * failed per month (month-book series), and the per-project samples pooled across replications (time to market,
 * waits for support and gate reviews, sunk cost), the sunk cost of killed and failed projects, and the effort
 * worked per phase.
 */
import type { Environment } from "../../../engine/index.ts";
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { PHASES } from "../../scenario/phases.ts";
import type { MonthBook, MonthSeries } from "./month-book.ts";
import type { ProjectObserver, TraceLog } from "./ports.ts";
import { FEATURES, PHASE_COUNT, type Project } from "./project.ts";
import { sunkCost } from "./project-costs.ts";

/** Per-item observations of a run, by sample name. */
export interface ProjectSamples {
  /** Approval to delivery (days), projects approved during the run. */
  timeToMarketDays: number[];
  /** Wait for an expert-support server (days), per request. */
  supportWaitDays: number[];
  /** Wait for a gate reviewer (days), per review. */
  gateWaitDays: number[];
  /** People cost sunk in each killed or failed project. */
  sunkCost: number[];
  /** Feature effort (person-weeks) of each project's features phase, in the order phases started. */
  featureEffortPersonWeeks: number[];
}

/** Counts and samples of project events. */
export class ProjectTally implements ProjectObserver {
  readonly samples: ProjectSamples = {
    timeToMarketDays: [],
    supportWaitDays: [],
    gateWaitDays: [],
    sunkCost: [],
    featureEffortPersonWeeks: [],
  };
  /** Effort actually worked per phase (person-weeks), summed over projects, and phases counted. */
  readonly phaseEffortSum: number[] = new Array<number>(PHASE_COUNT).fill(0);
  readonly phaseEffortCount: number[] = new Array<number>(PHASE_COUNT).fill(0);
  sunkCostKilled = 0;
  sunkCostFailed = 0;
  readonly #env: Environment;
  readonly #params: DeliveryConfig;
  readonly #trace: TraceLog;
  readonly #started: MonthSeries;
  readonly #delivered: MonthSeries;
  readonly #killed: MonthSeries;
  readonly #failed: MonthSeries;

  /** A tally on `env`'s clock, costing projects with `params`, recording monthly counts in `book`. */
  constructor(env: Environment, params: DeliveryConfig, book: MonthBook, trace: TraceLog) {
    this.#env = env;
    this.#params = params;
    this.#trace = trace;
    this.#started = book.series("lifecycle", "started");
    this.#delivered = book.series("lifecycle", "delivered");
    this.#killed = book.series("lifecycle", "killed");
    this.#failed = book.series("lifecycle", "failed");
  }

  /** A project started its first phase now. */
  started(_p: Project): void {
    this.#started.countAt(this.#env.now);
  }

  /** A phase of `p` ended now. */
  phaseEnded(p: Project, phase: number): void {
    if (this.#trace.on) this.#trace.write(`project-${p.id} ends ${PHASES[phase]}`);
  }

  /** Effort (person-weeks) a phase was given after reuse; rework adds effort to the phase already counted. */
  phaseEffort(phase: number, effort: number, rework: boolean): void {
    this.phaseEffortSum[phase]! += effort;
    if (rework) return;
    this.phaseEffortCount[phase]!++;
    if (phase === FEATURES) this.samples.featureEffortPersonWeeks.push(effort);
  }

  /** A support request waited `days`. */
  supportWaited(days: number): void {
    this.samples.supportWaitDays.push(days);
  }

  /** A gate review waited `days`. */
  gateWaited(days: number): void {
    this.samples.gateWaitDays.push(days);
  }

  /** `p` went to production now. */
  delivered(p: Project): void {
    if (!p.initial) this.samples.timeToMarketDays.push(p.deliveryDay - p.approvalDay);
    this.#delivered.countAt(this.#env.now);
    if (this.#trace.on)
      this.#trace.write(`deliver project-${p.id} ttm ${(p.deliveryDay - p.approvalDay).toFixed(1)}`);
  }

  /** `p` was killed or failed now. */
  ended(p: Project): void {
    const sunk = sunkCost(p, this.#params);
    if (p.status === "killed") this.sunkCostKilled += sunk;
    else this.sunkCostFailed += sunk;
    this.samples.sunkCost.push(sunk);
    if (p.status === "killed") this.#killed.countAt(this.#env.now);
    else this.#failed.countAt(this.#env.now);
    if (this.#trace.on) this.#trace.write(`${p.status} project-${p.id} sunk ${sunk.toFixed(0)}`);
  }
}
