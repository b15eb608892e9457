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

import { TimeWeighted } from "../../engine/index.ts";
import { DAYS_PER_MONTH } from "./calendar.ts";
import type { DeliveryModel } from "./delivery-model.ts";
import { HORIZONS, IMPACTS, type Project, RISKS } from "./project.ts";
import { tierOf } from "./scoring.ts";

/** Minimum number of active projects before balance alerts are raised (a mix of 2 projects is meaningless). */
const MIN_ACTIVE_FOR_ALERTS = 5;

/** Backlog, reviews, balancing and the portfolio reset. */
export class Portfolio {
  readonly #m: DeliveryModel;
  /** Eligible ideas waiting for capacity. */
  readonly backlog: Project[] = [];
  /** Active projects per impact, horizon and risk bucket. */
  readonly activeImpact = [0, 0, 0, 0];
  readonly activeHorizon = [0, 0, 0];
  readonly activeRisk = [0, 0, 0];
  activeCount = 0;
  /** Most projects active at once. */
  peakActive = 0;
  /** Time-weighted number of active projects (approved and holding capacity), read per month. */
  readonly activeOverTime: TimeWeighted;
  /** Alerts and mean absolute deviation (points) of the last review. */
  lastAlerts = 0;
  lastDeviation = 0;

  /** Portfolio of `model`. */
  constructor(model: DeliveryModel) {
    this.#m = model;
    this.activeOverTime = new TimeWeighted(model.env);
  }

  /** A new or re-scored idea: tier it and act (eligible, deferred or rejected). */
  triage(p: Project): void {
    const m = this.#m;
    p.score = m.score(p, false);
    const tier = tierOf(p.score, m.params);
    if (tier === "fastTrack" || tier === "nextCycle") {
      p.fastTrack = tier === "fastTrack";
      p.status = "queued";
      p.eligibleDay = m.env.now;
      this.backlog.push(p);
      if (p.fastTrack) this.fill(true);
    } else if (tier === "deferred" && p.deferrals < m.params.portfolio.tiers.maxDeferrals) {
      p.status = "deferred";
      p.deferrals++;
      m.env.schedule(m.params.portfolio.tiers.rescoreAfterMonths * DAYS_PER_MONTH, () => this.triage(p));
    } else {
      p.status = "rejected";
      p.endDay = m.env.now;
    }
  }

  /** Portfolio review: drop expired ideas, raise balance alerts, fill free capacity. */
  review(): void {
    const m = this.#m;
    const expiry = m.params.portfolio.backlogExpiryMonths * DAYS_PER_MONTH;
    const now = m.env.now;
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
    const m = this.#m;
    const bal = m.params.portfolio.balancing;
    while (this.backlog.length > 0 && m.org.hasCapacity()) {
      let best = -1;
      let bestRank = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < this.backlog.length; i++) {
        const p = this.backlog[i]!;
        if (fastTrackOnly && !p.fastTrack) continue;
        if (!m.org.hasCapacityFor(p)) continue;
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
      m.approve(p);
    }
  }

  /** Count a project into the active mix. */
  enter(p: Project): void {
    this.activeImpact[p.impact]!++;
    this.activeHorizon[p.horizon]!++;
    this.activeRisk[p.risk]!++;
    this.activeCount++;
    if (this.activeCount > this.peakActive) this.peakActive = this.activeCount;
    this.activeOverTime.record(this.activeCount);
  }

  /** Remove a project from the active mix. */
  leave(p: Project): void {
    this.activeImpact[p.impact]!--;
    this.activeHorizon[p.horizon]!--;
    this.activeRisk[p.risk]!--;
    this.activeCount--;
    this.activeOverTime.record(this.activeCount);
  }

  /** Manufacturing case (guide case study 3): re-score the active projects, kill the bottom, staff up the top. */
  reset(): void {
    const m = this.#m;
    const policy = m.params.governance.portfolioReset;
    const active = m.projects.filter((p) => p.inFlight);
    for (const p of active) p.rank = m.score(p, p.failureRevealed);
    active.sort((a, b) => a.rank - b.rank || a.id - b.id);
    const kill = Math.min(policy.killBottom, active.length);
    for (let i = 0; i < kill; i++) m.kill(active[i]!);
    const top = Math.min(policy.doubleDownTop, active.length - kill);
    for (let i = active.length - 1; i >= active.length - top; i--)
      m.doubleDown(active[i]!, policy.staffingMultiplier);
    this.fill(false);
  }

  #deficit(p: Project): number {
    const bal = this.#m.params.portfolio.balancing;
    const n = this.activeCount;
    const share = (c: number) => (n > 0 ? (100 * c) / n : 0);
    const di = bal.impact[IMPACTS[p.impact]!] - share(this.activeImpact[p.impact]!);
    const dh = bal.horizon[HORIZONS[p.horizon]!] - share(this.activeHorizon[p.horizon]!);
    const dr = bal.risk[RISKS[p.risk]!] - share(this.activeRisk[p.risk]!);
    return (di + dh + dr) / 3;
  }

  #alerts(): void {
    const bal = this.#m.params.portfolio.balancing;
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
      check(bal.impact[k], this.activeImpact[i]!);
    });
    HORIZONS.forEach((k, i) => {
      check(bal.horizon[k], this.activeHorizon[i]!);
    });
    RISKS.forEach((k, i) => {
      check(bal.risk[k], this.activeRisk[i]!);
    });
    this.lastAlerts = n >= MIN_ACTIVE_FOR_ALERTS ? alerts : 0;
    this.lastDeviation = n > 0 ? deviation / buckets : 0;
  }
}
