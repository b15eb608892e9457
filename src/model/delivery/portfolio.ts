/**
 * Portfolio management (MODEL.md section 1; guide Patterns 8-10): tiering of scored ideas, the backlog of
 * eligible ideas, portfolio reviews on a cadence that fill free delivery capacity by score, optional balancing
 * toward target mixes with alerts, deferral and re-scoring, and the one-off portfolio reset of the
 * manufacturing case (score all active projects, kill the bottom N, double down on the top M).
 *
 * Selection is greedy: each free slot takes the candidate with the highest rank, where rank = score +
 * strength x mean over the three dimensions of (target share - active share) of the candidate's bucket, in
 * percentage points; the active mix is updated after each pick. Fast-track ideas (80+) start as soon as
 * capacity is free; next-cycle ideas (60-79) wait for the next review.
 */

import type { Environment } from "../../../engine/index.ts";
import { TimeWeighted } from "../../../engine/index.ts";
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { DAYS_PER_MONTH } from "../calendar.ts";
import type { MonthBook, MonthSeries } from "./month-book.ts";
import type { IdeaIntake, ProjectRunner, ScoringDraws, Staffing, TraceLog } from "./ports.ts";
import { HORIZONS, IMPACTS, type Project, RISKS } from "./project.ts";
import { scoreProject, tierOf } from "./scoring.ts";
import { successProbability } from "./technical-success.ts";

/** What the portfolio needs from the rest of the delivery model. */
export interface PortfolioPorts {
  env: Environment;
  /** The delivery parameters (changed in place by roadmap effects). */
  params: DeliveryConfig;
  staffing: Staffing;
  runner: ProjectRunner;
  draws: ScoringDraws;
  /** Maturity level now (recorded on each project at approval). */
  maturityLevel: () => number;
  /** Every idea so far (the portfolio reset re-scores those in flight). */
  projects: readonly Project[];
  book: MonthBook;
  trace: TraceLog;
}

/** Minimum number of active projects before balance alerts are raised (a mix of 2 projects is meaningless). */
const MIN_ACTIVE_FOR_ALERTS = 5;

/** Backlog, reviews, balancing and the portfolio reset. */
export class Portfolio implements IdeaIntake {
  readonly #env: Environment;
  readonly #params: DeliveryConfig;
  readonly #staffing: Staffing;
  readonly #runner: ProjectRunner;
  readonly #noise: () => number;
  readonly #maturityLevel: () => number;
  readonly #projects: readonly Project[];
  readonly #trace: TraceLog;
  readonly #activeSeries: MonthSeries;
  readonly #backlogSeries: MonthSeries;
  readonly #alertSeries: MonthSeries;
  readonly #deviationSeries: MonthSeries;
  /** Eligible ideas waiting for capacity. */
  readonly backlog: Project[] = [];
  /** Active projects per impact, horizon and risk bucket. */
  readonly #activeImpact = [0, 0, 0, 0];
  readonly #activeHorizon = [0, 0, 0];
  readonly #activeRisk = [0, 0, 0];
  activeCount = 0;
  /** Most projects active at once. */
  peakActive = 0;
  /** Time-weighted number of active projects (approved and holding capacity), read per month. */
  readonly #activeOverTime: TimeWeighted;
  /** Alerts and mean absolute deviation (points) of the last review. */
  #lastAlerts = 0;
  #lastDeviation = 0;

  /** The portfolio, recording its monthly series in `ports.book`. */
  constructor(ports: PortfolioPorts) {
    this.#env = ports.env;
    this.#params = ports.params;
    this.#staffing = ports.staffing;
    this.#runner = ports.runner;
    this.#noise = ports.draws.scoringNoise;
    this.#maturityLevel = ports.maturityLevel;
    this.#projects = ports.projects;
    this.#trace = ports.trace;
    this.#activeOverTime = new TimeWeighted(ports.env);
    const book = ports.book;
    this.#activeSeries = book.series("portfolio", "activeProjects");
    this.#backlogSeries = book.series("portfolio", "backlog");
    this.#alertSeries = book.series("portfolio", "balanceAlerts");
    this.#deviationSeries = book.series("portfolio", "mixDeviationPoints");
  }

  /** A new or re-scored idea: tier it and act (eligible, deferred or rejected). */
  triage(p: Project): void {
    const params = this.#params;
    p.score = this.#score(p, false);
    const tier = tierOf(p.score, params);
    if (tier === "fastTrack" || tier === "nextCycle") {
      p.fastTrack = tier === "fastTrack";
      p.status = "queued";
      p.eligibleDay = this.#env.now;
      this.backlog.push(p);
      if (p.fastTrack) this.fill(true);
    } else if (tier === "deferred" && p.deferrals < params.portfolio.tiers.maxDeferrals) {
      p.status = "deferred";
      p.deferrals++;
      this.#env.schedule(params.portfolio.tiers.rescoreAfterMonths * DAYS_PER_MONTH, () => this.triage(p));
    } else {
      p.status = "rejected";
      p.endDay = this.#env.now;
    }
  }

  /** A project running at month 0 with its own team (approved before the run): count it in and start it. */
  admitInitial(p: Project, phase: number): void {
    p.initial = true;
    p.score = this.#score(p, false);
    p.approvalDay = 0;
    p.eligibleDay = 0;
    p.levelAtApproval = this.#maturityLevel();
    this.#enter(p);
    this.#staffing.staffFormedTeam(p);
    this.#runner.start(p, phase);
  }

  /** Portfolio review: drop expired ideas, raise balance alerts, fill free capacity. */
  review(): void {
    const expiry = this.#params.portfolio.backlogExpiryMonths * DAYS_PER_MONTH;
    const now = this.#env.now;
    let kept = 0;
    for (let i = 0; i < this.backlog.length; i++) {
      const p = this.backlog[i]!;
      if (now - p.eligibleDay > expiry) {
        p.status = "rejected";
        p.endDay = now;
      } else this.backlog[kept++] = p;
    }
    this.backlog.length = kept;
    this.fill(false);
    this.#alerts();
  }

  /** Start candidates while capacity is free; with `fastTrackOnly` only fast-track ideas are considered. */
  fill(fastTrackOnly: boolean): void {
    const bal = this.#params.portfolio.balancing;
    const staffing = this.#staffing;
    while (this.backlog.length > 0 && staffing.hasCapacity()) {
      let best = -1;
      let bestRank = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < this.backlog.length; i++) {
        const p = this.backlog[i]!;
        if (fastTrackOnly && !p.fastTrack) continue;
        if (!staffing.hasCapacityFor(p)) continue;
        const rank = bal.enabled ? p.score + bal.strength * this.#deficit(p) : p.score;
        if (rank > bestRank) {
          bestRank = rank;
          best = i;
        }
      }
      if (best < 0) return;
      const p = this.backlog[best]!;
      this.backlog.splice(best, 1);
      p.rank = bestRank;
      this.#approve(p);
    }
  }

  /** Approve `p` now: take capacity and start it (spoke) or form its dedicated team. */
  #approve(p: Project): void {
    p.approvalDay = this.#env.now;
    p.levelAtApproval = this.#maturityLevel();
    this.#enter(p);
    const ready = this.#staffing.staff(p);
    if (this.#trace.on)
      this.#trace.write(`approve project-${p.id} score ${p.score.toFixed(1)} ${p.staffing}`);
    if (ready) this.#runner.start(p);
    else this.#runner.formTeam(p);
  }

  /** Count a project into the active mix. */
  #enter(p: Project): void {
    this.#activeImpact[p.impact]!++;
    this.#activeHorizon[p.horizon]!++;
    this.#activeRisk[p.risk]!++;
    this.activeCount++;
    if (this.activeCount > this.peakActive) this.peakActive = this.activeCount;
    this.#activeOverTime.record(this.activeCount);
  }

  /** A project ended (delivered, killed or failed): give back its capacity and take it out of the mix. */
  release(p: Project): void {
    this.#staffing.release(p);
    this.#leave(p);
  }

  /** Remove a project from the active mix. */
  #leave(p: Project): void {
    this.#activeImpact[p.impact]!--;
    this.#activeHorizon[p.horizon]!--;
    this.#activeRisk[p.risk]!--;
    this.activeCount--;
    this.#activeOverTime.record(this.activeCount);
  }

  /** Manufacturing case (guide case study 3): re-score the active projects, kill the bottom, staff up the top. */
  reset(): void {
    const policy = this.#params.governance.portfolioReset;
    const active = this.#projects.filter((p) => p.inFlight);
    for (const p of active) p.rank = this.#score(p, p.failureRevealed);
    active.sort((a, b) => a.rank - b.rank || a.id - b.id);
    const kill = Math.min(policy.killBottom, active.length);
    for (let i = 0; i < kill; i++) this.#runner.abort(active[i]!, "killed");
    const top = Math.min(policy.doubleDownTop, active.length - kill);
    for (let i = active.length - 1; i >= active.length - top; i--)
      this.#runner.staffUp(active[i]!, policy.staffingMultiplier);
    this.fill(false);
  }

  /** Record month `month`: mean active projects (restarting the average), backlog, alerts and deviation. */
  closeMonth(month: number): void {
    this.#activeSeries.set(month, this.#activeOverTime.mean());
    this.#activeOverTime.reset();
    this.#backlogSeries.set(month, this.backlog.length);
    this.#alertSeries.set(month, this.#lastAlerts);
    this.#deviationSeries.set(month, this.#lastDeviation);
  }

  /** Score of `p` now (fresh assessment noise); `revealedFailure` zeroes technical feasibility. */
  #score(p: Project, revealedFailure: boolean): number {
    const params = this.#params;
    return scoreProject(p, params, successProbability(p, params, false), this.#noise, revealedFailure);
  }

  #deficit(p: Project): number {
    const bal = this.#params.portfolio.balancing;
    const n = this.activeCount;
    const share = (c: number) => (n > 0 ? (100 * c) / n : 0);
    const di = bal.impact[IMPACTS[p.impact]!] - share(this.#activeImpact[p.impact]!);
    const dh = bal.horizon[HORIZONS[p.horizon]!] - share(this.#activeHorizon[p.horizon]!);
    const dr = bal.risk[RISKS[p.risk]!] - share(this.#activeRisk[p.risk]!);
    return (di + dh + dr) / 3;
  }

  #alerts(): void {
    const bal = this.#params.portfolio.balancing;
    const n = this.activeCount;
    let alerts = 0;
    let deviation = 0;
    let buckets = 0;
    const check = (target: number, c: number) => {
      const dev = Math.abs((n > 0 ? (100 * c) / n : 0) - target);
      deviation += dev;
      buckets++;
      if (dev > bal.alertThresholdPoints) alerts++;
    };
    IMPACTS.forEach((k, i) => {
      check(bal.impact[k], this.#activeImpact[i]!);
    });
    HORIZONS.forEach((k, i) => {
      check(bal.horizon[k], this.#activeHorizon[i]!);
    });
    RISKS.forEach((k, i) => {
      check(bal.risk[k], this.#activeRisk[i]!);
    });
    this.#lastAlerts = n >= MIN_ACTIVE_FOR_ALERTS ? alerts : 0;
    this.#lastDeviation = n > 0 ? deviation / buckets : 0;
  }
}
