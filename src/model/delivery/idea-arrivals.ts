/**
 * Where ideas come from (MODEL.md section 1): each business unit sends ideas as a Poisson process of
 * `ratePerMonth`, optionally ramping linearly from `startFactor` x the rate to the full rate over `ramp.months`;
 * the time-varying rate is simulated by thinning (P. A. W. Lewis and G. S. Shedler, "Simulation of
 * nonhomogeneous Poisson processes by thinning", Naval Research Logistics Quarterly 26(3), 1979; engine/random
 * `nextThinnedArrival`). `demand.initialProjects` projects are already running at month 0, in one of the first
 * three phases, spread over the units round-robin. A roadmap effect on a unit (`demand.businessUnits[i].*`)
 * applies from its completion: the unit's next arrival is drawn again from then on against the rate in force.
 */
import type { Environment, RandomSource, ScheduledHandle } from "../../../engine/index.ts";
import { nextThinnedArrival } from "../../../engine/index.ts";
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { DAYS_PER_MONTH } from "../calendar.ts";
import type { IdeaDraws, IdeaIntake, TraceLog } from "./ports.ts";
import { Project } from "./project.ts";

/** What idea arrivals need from the rest of the delivery model. */
export interface IdeaArrivalPorts {
  env: Environment;
  params: DeliveryConfig;
  draws: IdeaDraws;
  /** Where new ideas go (the portfolio). */
  intake: IdeaIntake;
  /** Every idea of the run, appended in order of creation (id order). */
  projects: Project[];
  trace: TraceLog;
}

/** Creates ideas: the projects running at month 0, then each unit's arrivals. */
export class IdeaArrivals {
  readonly #env: Environment;
  readonly #params: DeliveryConfig;
  readonly #draws: IdeaDraws;
  readonly #intake: IdeaIntake;
  readonly #projects: Project[];
  readonly #trace: TraceLog;
  /** Per unit: its arrivals (drawn again from now after a roadmap effect changed its rate). */
  readonly #restarts: UnitArrivals[] = [];

  /** Idea arrivals feeding `ports.intake`. */
  constructor(ports: IdeaArrivalPorts) {
    this.#env = ports.env;
    this.#params = ports.params;
    this.#draws = ports.draws;
    this.#intake = ports.intake;
    this.#projects = ports.projects;
    this.#trace = ports.trace;
  }

  /** Admit the initial projects now, then schedule every unit's arrivals before `horizonDays`. */
  start(horizonDays: number): void {
    const units = this.#params.demand.businessUnits;
    for (let i = 0; i < this.#params.demand.initialProjects; i++) {
      const p = this.#newIdea(i % units.length);
      this.#intake.admitInitial(p, this.#draws.initialPhase());
    }
    for (let u = 0; u < units.length; u++) this.#scheduleArrivals(u, horizonDays);
  }

  #newIdea(unit: number): Project {
    const p = new Project(this.#projects.length, unit, this.#env.now);
    this.#draws.drawIdea(p);
    this.#projects.push(p);
    return p;
  }

  #scheduleArrivals(unit: number, horizonDays: number): void {
    const u = this.#params.demand.businessUnits[unit]!;
    const arrivals = new UnitArrivals(this.#env, u, this.#draws.arrivals(u.name), horizonDays, () => {
      const p = this.#newIdea(unit);
      if (this.#trace.on) this.#trace.write(`idea project-${p.id} from ${u.name}`);
      this.#intake.triage(p);
    });
    this.#restarts[unit] = arrivals;
    arrivals.next();
  }

  /**
   * Unit `unit`'s parameters changed now (a roadmap effect): its arrivals follow the rate in force from now on.
   * Arrivals before now are those of the old rate, drawn from the unit's own stream, so they are unchanged.
   */
  refresh(unit: number): void {
    this.#restarts[unit]?.restart();
  }
}

type BusinessUnit = DeliveryConfig["demand"]["businessUnits"][number];

/**
 * One unit's arrival process: the next arrival day, drawn by thinning against the rate in force, and its
 * scheduled callback. A class rather than closures over `let` variables: a number captured by a closure and
 * rewritten lives in a heap box allocated at every write, and the callback's handle is reused.
 */
class UnitArrivals {
  readonly #env: Environment;
  readonly #unit: BusinessUnit;
  readonly #source: RandomSource;
  readonly #horizonDays: number;
  readonly #arrive: () => void;
  /** The last arrival (or restart) day drawn from. */
  #day = 0;
  /**
   * The handle of the last arrival scheduled, reused for the next (`Environment.reschedule`); `handle.pending`
   * says whether an arrival is still to come.
   */
  #handle: ScheduledHandle | null = null;
  readonly #ratePerDayAt = (day: number): number => this.#rateAt(day);
  readonly #onArrival = (): void => {
    this.#arrive();
    this.next();
  };

  /** Arrivals of `unit` from `source` before `horizonDays`; `arrive` creates one idea. */
  constructor(
    env: Environment,
    unit: BusinessUnit,
    source: RandomSource,
    horizonDays: number,
    arrive: () => void,
  ) {
    this.#env = env;
    this.#unit = unit;
    this.#source = source;
    this.#horizonDays = horizonDays;
    this.#arrive = arrive;
  }

  /** The rate in force on `day`: the unit's parameters as roadmap effects leave them (read at every candidate). */
  #rateAt(day: number): number {
    const u = this.#unit;
    const ramp = u.ramp;
    if (ramp.months <= 0) return u.ratePerMonth / DAYS_PER_MONTH;
    const f = Math.min(1, day / DAYS_PER_MONTH / ramp.months);
    return (u.ratePerMonth * (ramp.startFactor + (1 - ramp.startFactor) * f)) / DAYS_PER_MONTH;
  }

  /** Draw and schedule the next arrival after the current day. */
  next(): void {
    const u = this.#unit;
    if (u.ratePerMonth <= 0) return;
    const peakRatePerDay = (u.ratePerMonth * Math.max(1, u.ramp.startFactor)) / DAYS_PER_MONTH;
    const day = nextThinnedArrival(
      this.#source,
      this.#day,
      peakRatePerDay,
      this.#ratePerDayAt,
      this.#horizonDays,
    );
    this.#day = day;
    if (day === Number.POSITIVE_INFINITY) return;
    const env = this.#env;
    this.#handle = env.reschedule(this.#handle, day - env.now, this.#onArrival);
  }

  /**
   * A new rate applies from now: the candidate drawn under the old rate is dropped and the next one drawn from
   * now on (a Poisson process is memoryless, so this is the process with the new rate from now).
   */
  restart(): void {
    // a no-op when no arrival is pending (the rate was 0, or the horizon is reached)
    if (this.#handle !== null) this.#env.cancel(this.#handle);
    this.#day = this.#env.now;
    this.next();
  }
}
