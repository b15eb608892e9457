/**
 * Every random draw of the delivery model, from named streams of engine/random's StreamFactory (one stream per
 * concern, so a new draw never shifts the others): attributes, effort and fate of new ideas, arrivals per
 * business unit, scoring noise, support requests and blockers (exponential gaps in work time, rates in
 * events per project-week), durations of formation, support, blockers, reviews, gates, training and retraining,
 * deployment attempts, reuse and feature-family picks.
 *
 * Distributions come from the scenario as data (`distributionSchema`, src/scenario/distribution-schema.ts) and
 * become samplers with engine/random's `sampler`; `engineSpec` is the typed bridge between the two types.
 * Samplers read the current parameters: `rebuild()` after a roadmap effect changed them.
 */
import type { DistributionSpec, RandomSource, StreamFactory } from "../../../engine/index.ts";
import { categorical, distributionMean, exponentialGap, normal, sampler } from "../../../engine/index.ts";
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import type { DistributionSpecOutput } from "../../scenario/distribution-schema.ts";
import { PHASES } from "../../scenario/phases.ts";
import { DAYS_PER_MONTH, DAYS_PER_WEEK } from "../calendar.ts";
import type { IdeaDraws, LifecycleDraws, ProductionDraws, ScoringDraws } from "./ports.ts";
import { CATEGORIES, HORIZONS, IMPACTS, PHASE_COUNT, type Project, RISKS } from "./project.ts";

/**
 * A scenario distribution as engine/random's `DistributionSpec`. The schema's output type is declared to match
 * the engine's; this function is where the compiler checks that it still does (no cast).
 */
export function engineSpec(spec: DistributionSpecOutput): DistributionSpec {
  return spec;
}

/** Samplers built from the current parameters. */
interface Samplers {
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
  /** Lifetime of a production model in months; undefined when models never retire. */
  lifetime: (() => number) | undefined;
  expectedEffort: number[];
}

/** The draws of one replication of the delivery model. */
export class DeliveryDraws implements IdeaDraws, LifecycleDraws, ProductionDraws, ScoringDraws {
  readonly scoringNoise: () => number;
  readonly reuseSource: RandomSource;
  readonly featureSource: RandomSource;
  readonly #params: DeliveryConfig;
  readonly #streams: StreamFactory;
  readonly #attributes: RandomSource;
  readonly #effort: RandomSource;
  readonly #success: RandomSource;
  readonly #supportGap: RandomSource;
  readonly #blockerGap: RandomSource;
  readonly #deployment: RandomSource;
  readonly #category: () => number;
  readonly #impact: () => number;
  readonly #horizon: () => number;
  readonly #risk: () => number;
  readonly #reveal: () => number;
  #samplers!: Samplers;

  /** Draws of `params` (read live: roadmap effects change them) from `streams`. */
  constructor(params: DeliveryConfig, streams: StreamFactory) {
    this.#params = params;
    this.#streams = streams;
    this.#attributes = streams.get("attributes");
    this.#effort = streams.get("effort");
    this.#success = streams.get("success");
    this.scoringNoise = normal(streams.get("scoring"), 0, 1);
    this.#supportGap = streams.get("support");
    this.#blockerGap = streams.get("blockers");
    this.#deployment = streams.get("deployment");
    this.reuseSource = streams.get("reuse");
    this.featureSource = streams.get("features");
    const d = params.demand;
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
    const reveal = params.lifecycle.failureReveal;
    this.#reveal = categorical(this.#success, [
      reveal.data,
      reveal.features,
      reveal.modelDev,
      reveal.validation,
    ]);
    this.rebuild();
  }

  /** Rebuild the samplers from the current parameters (after a roadmap effect). */
  rebuild(): void {
    const p = this.#params;
    const s = this.#streams;
    const life = p.lifecycle;
    const from = (spec: DistributionSpecOutput, source: RandomSource) => sampler(engineSpec(spec), source);
    this.#samplers = {
      effort: PHASES.map((k) => from(life.effortPersonWeeks[k], this.#effort)),
      value: IMPACTS.map((k) => from(p.demand.annualValue[k], this.#attributes)),
      criticality: from(p.demand.criticality, this.#attributes),
      formation: from(p.organisation.pilotTeams.formationDays, s.get("formation")),
      supportHours: from(p.organisation.support.serviceHours, s.get("supportHours")),
      blockerDays: from(life.blockers.resolutionDays, s.get("blockerDays")),
      reviewHours: from(p.governance.gates.reviewHours, s.get("gates")),
      adHocGate: from(p.governance.gates.withoutHubDelayDays, s.get("gates")),
      training: from(life.training.runHours, s.get("training")),
      retrainHours: from(life.production.retrainRunHours, s.get("retraining")),
      retrainDelay: from(life.production.manualRetrainDelayDays, s.get("retrainingDelay")),
      lifetime:
        life.production.lifetimeMonths === "never"
          ? undefined
          : from(life.production.lifetimeMonths, s.get("retirement")),
      expectedEffort: PHASES.map((k) => distributionMean(engineSpec(life.effortPersonWeeks[k]))),
    };
  }

  drawIdea(p: Project): void {
    const samplers = this.#samplers;
    p.category = this.#category();
    p.impact = this.#impact();
    p.horizon = this.#horizon();
    p.risk = this.#risk();
    p.annualValue = Math.max(0, samplers.value[p.impact]!());
    p.criticality = clamp01(samplers.criticality());
    const mult = this.#params.lifecycle.horizonEffortMultiplier[HORIZONS[p.horizon]!];
    for (let i = 0; i < PHASE_COUNT; i++) p.effortPersonWeeks[i] = Math.max(0, samplers.effort[i]!()) * mult;
    p.successDraw = this.#success();
    p.templateDraw = this.#success();
    p.revealPhase = this.#reveal();
  }

  arrivals(unitName: string): RandomSource {
    return this.#streams.get(`arrivals/${unitName}`);
  }

  initialPhase(): number {
    return Math.floor(this.#streams.get("initial")() * 3);
  }

  expectedEffort(p: Project, phase: number): number {
    const mult = this.#params.lifecycle.horizonEffortMultiplier[HORIZONS[p.horizon]!];
    return this.#samplers.expectedEffort[phase]! * mult;
  }

  /** Support requests per project-week, less what self-service and guild peers answer. */
  nextSupportGap(): number {
    const org = this.#params.organisation;
    let perWeek = org.support.requestsPerProjectWeek;
    if (org.selfService.enabled) perWeek *= 1 - org.selfService.supportReduction;
    if (org.guilds.enabled) perWeek *= 1 - org.guilds.peerAnswerShare;
    return exponentialGap(this.#supportGap, perWeek / DAYS_PER_WEEK);
  }

  nextBlockerGap(): number {
    return exponentialGap(
      this.#blockerGap,
      this.#params.lifecycle.blockers.ratePerProjectWeek / DAYS_PER_WEEK,
    );
  }

  /** Guilds shorten the resolution by `resolutionReduction` (guide Pattern 14). */
  blockerResolutionDays(): number {
    const guilds = this.#params.organisation.guilds;
    const days = Math.max(0, this.#samplers.blockerDays());
    return guilds.enabled ? days * (1 - guilds.resolutionReduction) : days;
  }

  supportHours(): number {
    return Math.max(0, this.#samplers.supportHours());
  }

  /** Review hours at the hub's working hours per FTE-week. */
  reviewDays(): number {
    const hours = Math.max(0, this.#samplers.reviewHours());
    return (hours * DAYS_PER_WEEK) / this.#params.organisation.support.hoursPerFteWeek;
  }

  adHocGateDays(): number {
    return Math.max(0, this.#samplers.adHocGate());
  }

  formationDays(): number {
    return this.#samplers.formation();
  }

  trainingHours(): number {
    return Math.max(0, this.#samplers.training());
  }

  retrainHours(): number {
    return Math.max(0, this.#samplers.retrainHours());
  }

  manualRetrainDelay(): number {
    return this.#samplers.retrainDelay();
  }

  lifetimeDays(): number {
    const lifetime = this.#samplers.lifetime;
    return lifetime === undefined ? Number.POSITIVE_INFINITY : Math.max(0, lifetime()) * DAYS_PER_MONTH;
  }

  deploymentDraw(): number {
    return this.#deployment();
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}
