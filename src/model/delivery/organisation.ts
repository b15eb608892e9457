/**
 * The organisation (MODEL.md section 2; guide Patterns 13 and 14): the hub's expert-support queue and gate
 * reviewers (kernel Resources: FIFO multi-server queues, so an M/G/c-like support queue emerges and nothing
 * caps the number of spokes per hub), spoke slots (count x maxConcurrentProjects, each staffed with
 * ftePerSpoke / maxConcurrentProjects FTE; or, with `teamSize.mode: shared`, a spoke's FTE shared among its
 * active projects between a minimum and a maximum per project, each project on the least loaded spoke it may
 * use, and every project of a spoke restaffed when one joins or leaves), dedicated teams formed per project at level 1, and the people cost
 * of all of them (FTE x loaded cost by role, integrated over time). FOCUS 1.x has no ServiceCategory for labour,
 * so people costs are posted as "Other" and told apart by the ledger's cost category ("people").
 */

import type { Environment, Request } from "../../../engine/index.ts";
import { Resource, TimeWeighted } from "../../../engine/index.ts";
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { DAYS_PER_MONTH } from "../calendar.ts";
import type { Ledger } from "../ledger.ts";
import { SHARED_TENANT } from "../metrics.ts";
import type { MonthBook, MonthSeries } from "./month-book.ts";
import type { ProjectStaffing, Staffing } from "./ports.ts";
import type { Project } from "./project.ts";
import { costPerFteDay } from "./project-costs.ts";
import type { Tenancy } from "./tenancy.ts";

/** Run-level utilisation of the hub's support servers, its reviewers and the spoke slots (undefined: no capacity). */
export interface RunUtilisation {
  hub: number | undefined;
  reviewer: number | undefined;
  spoke: number | undefined;
  /**
   * The hub's FTE-days by kind of work over its FTE-days (undefined without a hub): support and reviews count
   * their busy server-days, platform work the FTE assigned to it (always at work); `all` is their sum.
   */
  hubWork: { support: number; reviews: number; platform: number; all: number } | undefined;
}

/** Capacity, queues and people cost of hub, spokes and dedicated teams. */
export class Organisation implements Staffing, ProjectStaffing {
  readonly params: DeliveryConfig;
  /** Expert-support servers (one per support FTE of the hub). */
  readonly #support: Resource;
  /** Gate reviewers of the hub. */
  readonly #reviewers: Resource;
  #supportServers = 0;
  #reviewerCount = 0;
  #spokeSlotsUsed = 0;
  /** Dedicated teams in existence (forming or working), including teams of projects running at month 0. */
  dedicatedTeams = 0;
  readonly #supportBusy: TimeWeighted;
  readonly #supportCapacity: TimeWeighted;
  readonly #supportQueue: TimeWeighted;
  readonly #reviewerBusy: TimeWeighted;
  readonly #reviewerCapacity: TimeWeighted;
  readonly #spokeUsed: TimeWeighted;
  readonly #spokeCapacity: TimeWeighted;
  readonly #hubFte: TimeWeighted;
  readonly #hubPlatformFte: TimeWeighted;
  readonly #spokeFte: TimeWeighted;
  /** FTE of dedicated teams (and double-down extras) per tenant index. */
  readonly #dedicatedFte: TimeWeighted[];
  /** Spoke slots held by each tenant's projects (pooled spokes are charged by this use). */
  readonly #spokeUseByTenant: TimeWeighted[];
  readonly #tenancy: Tenancy;
  readonly #ledger: Ledger;
  readonly #units: number;
  /** Spoke slots in use per business unit (spoke i belongs to unit i mod units). */
  readonly #usedByUnit: number[];
  /** Active projects of each spoke (teamSize.mode shared only). */
  readonly #spokeProjects: Project[][] = [];
  readonly #hubUtilisation: MonthSeries;
  readonly #supportQueueSeries: MonthSeries;
  readonly #reviewerUtilisation: MonthSeries;
  readonly #spokeUtilisation: MonthSeries;
  /** Busy and capacity integrals over the run (server-days), for run-level utilisation. */
  readonly #run = {
    supportBusyDays: 0,
    supportCapacityDays: 0,
    reviewerBusyDays: 0,
    reviewerCapacityDays: 0,
    spokeUsedDays: 0,
    spokeCapacityDays: 0,
    hubFteDays: 0,
    hubPlatformFteDays: 0,
  };

  /**
   * Build the organisation of `params` at time `env.now`: tenants and the spokes' units from `tenancy`, people
   * costs posted to `ledger`, monthly utilisation and support queue recorded in `book`.
   */
  constructor(env: Environment, params: DeliveryConfig, tenancy: Tenancy, ledger: Ledger, book: MonthBook) {
    this.#units = params.demand.businessUnits.length;
    this.#usedByUnit = new Array<number>(this.#units).fill(0);
    this.params = params;
    this.#tenancy = tenancy;
    this.#ledger = ledger;
    this.#hubUtilisation = book.series("organisation", "hubUtilisation");
    this.#supportQueueSeries = book.series("organisation", "supportQueue");
    this.#reviewerUtilisation = book.series("organisation", "reviewerUtilisation");
    this.#spokeUtilisation = book.series("organisation", "spokeUtilisation");
    this.#support = new Resource(env, 1);
    this.#reviewers = new Resource(env, 1);
    this.#supportBusy = new TimeWeighted(env);
    this.#supportCapacity = new TimeWeighted(env);
    this.#supportQueue = new TimeWeighted(env);
    this.#reviewerBusy = new TimeWeighted(env);
    this.#reviewerCapacity = new TimeWeighted(env);
    this.#spokeUsed = new TimeWeighted(env);
    this.#spokeCapacity = new TimeWeighted(env);
    this.#hubFte = new TimeWeighted(env);
    this.#hubPlatformFte = new TimeWeighted(env);
    this.#spokeFte = new TimeWeighted(env);
    this.#dedicatedFte = [];
    for (let t = 0; t < tenancy.tenantNames.length; t++) this.#dedicatedFte.push(new TimeWeighted(env));
    this.#spokeUseByTenant = tenancy.tenantNames.map(() => new TimeWeighted(env));
    this.refresh();
  }

  /** Re-read capacities from the (possibly changed) parameters: call after a roadmap effect. */
  refresh(): void {
    const hub = this.params.organisation.hub;
    this.#supportServers = Math.floor(hub.fte * hub.supportShare + 1e-9);
    this.#reviewerCount = hub.fte > 0 ? Math.max(1, Math.round(hub.fte * hub.reviewShare)) : 0;
    // a hub cut to zero still drains the requests already queued, with one server
    this.#support.capacity =
      this.#supportServers > 0 ? this.#supportServers : this.#support.queueLength > 0 ? 1 : 0;
    this.#reviewers.capacity =
      this.#reviewerCount > 0 ? this.#reviewerCount : this.#reviewers.queueLength > 0 ? 1 : 0;
    this.#supportCapacity.record(this.#supportServers);
    this.#reviewerCapacity.record(this.#reviewerCount);
    this.#spokeCapacity.record(this.spokeSlots());
    this.#hubFte.record(hub.fte);
    this.#hubPlatformFte.record(this.platformFte());
    const spokes = this.params.organisation.spokes;
    this.#spokeFte.record(spokes.count * spokes.ftePerSpoke);
    this.#recordQueues();
  }

  /** Hub FTE building platform components (neither support nor reviews). */
  platformFte(): number {
    const hub = this.params.organisation.hub;
    return hub.fte * Math.max(0, 1 - hub.supportShare - hub.reviewShare);
  }

  /** Concurrent project slots of all spokes. */
  spokeSlots(): number {
    return this.params.organisation.spokes.count * this.#projectsPerSpoke();
  }

  /** Spoke slots of business unit `unit` (its own spokes only). */
  unitSlots(unit: number): number {
    const s = this.params.organisation.spokes;
    const spokes = s.count > unit ? Math.floor((s.count - unit - 1) / this.#units) + 1 : 0;
    return spokes * this.#projectsPerSpoke();
  }

  /** Projects one spoke may run at once: its slots, and with shared FTE no more than keep the minimum each. */
  #projectsPerSpoke(): number {
    const s = this.params.organisation.spokes;
    if (s.teamSize.mode === "slot") return s.maxConcurrentProjects;
    return Math.min(s.maxConcurrentProjects, Math.floor(s.ftePerSpoke / s.teamSize.minFtePerProject + 1e-9));
  }

  /** Shared FTE: put `project` on the least loaded spoke it may use and restaff that spoke's projects. */
  #joinSpoke(project: Project): void {
    const s = this.params.organisation.spokes;
    const pooled = s.sharing === "pooled";
    let best = -1;
    for (let i = 0; i < s.count; i++) {
      if (!pooled && i % this.#units !== project.unit) continue;
      const n = this.#spokeProjects[i]?.length ?? 0;
      if (best < 0 || n < this.#spokeProjects[best]!.length) {
        this.#spokeProjects[i] ??= [];
        best = i;
      }
    }
    project.spoke = best;
    this.#spokeProjects[best]!.push(project);
    this.#rebalance(best);
  }

  /** Shared FTE: each project of spoke `i` gets ftePerSpoke / active, at most maxFtePerProject. */
  #rebalance(i: number): void {
    const s = this.params.organisation.spokes;
    const projects = this.#spokeProjects[i]!;
    if (projects.length === 0) return;
    const fte = Math.min(s.teamSize.maxFtePerProject, s.ftePerSpoke / projects.length);
    for (const q of projects) {
      if (q.fte === fte) continue;
      // a project not started yet has no work to book: set its FTE, the lifecycle reads it at the start
      if (q.bound) q.onRestaff(fte);
      else q.fte = fte;
    }
  }

  /** Whether some newly approved project could be staffed now. */
  hasCapacity(): boolean {
    if (this.dedicatedTeams < this.params.organisation.pilotTeams.maxConcurrent) return true;
    if (this.#spokeSlotsUsed >= this.spokeSlots()) return false;
    if (this.params.organisation.spokes.sharing === "pooled") return true;
    for (let u = 0; u < this.#units; u++) if (this.#usedByUnit[u]! < this.unitSlots(u)) return true;
    return false;
  }

  /** Whether `project` could be staffed now (with `sharing: ownUnit`, only by its own unit's spokes). */
  hasCapacityFor(project: Project): boolean {
    return (
      this.#spokeFree(project.unit) || this.dedicatedTeams < this.params.organisation.pilotTeams.maxConcurrent
    );
  }

  #spokeFree(unit: number): boolean {
    if (this.#spokeSlotsUsed >= this.spokeSlots()) return false;
    return (
      this.params.organisation.spokes.sharing === "pooled" || this.#usedByUnit[unit]! < this.unitSlots(unit)
    );
  }

  /**
   * Staff `project`: a free spoke slot if any (ready at once, returns true), else a dedicated team (returns
   * false: the team must form first). Call only when `hasCapacityFor(project)`.
   */
  staff(project: Project): boolean {
    if (this.#spokeFree(project.unit)) {
      const s = this.params.organisation.spokes;
      this.#usedByUnit[project.unit]!++;
      this.#spokeSlotsUsed++;
      this.#spokeUsed.record(this.#spokeSlotsUsed);
      this.#addSpokeUse(project, 1);
      project.staffing = "spoke";
      project.dedicatedFte = 0;
      if (s.teamSize.mode === "shared") {
        project.fte = 0;
        this.#joinSpoke(project);
      } else project.fte = s.ftePerSpoke / s.maxConcurrentProjects;
      return true;
    }
    this.dedicatedTeams++;
    project.staffing = "dedicated";
    project.fte = this.params.organisation.pilotTeams.ftePerTeam;
    project.dedicatedFte = 0;
    return false;
  }

  /** A project running at month 0: its dedicated team exists already and is paid from now. */
  staffFormedTeam(project: Project): void {
    this.dedicatedTeams++;
    project.staffing = "dedicated";
    project.fte = this.params.organisation.pilotTeams.ftePerTeam;
    this.teamFormed(project);
  }

  /** A dedicated team has formed (or a team of a project running at month 0 exists): start paying it. */
  teamFormed(project: Project): void {
    project.dedicatedFte = project.fte;
    this.addDedicatedFte(project, project.fte);
  }

  #addSpokeUse(project: Project, slots: number): void {
    const tw = this.#spokeUseByTenant[this.#tenancy.tenantOf(project)]!;
    tw.record(tw.current + slots);
  }

  /** Adds `fte` (may be negative) to the dedicated FTE paid for the project's tenant. */
  addDedicatedFte(project: Project, fte: number): void {
    const tw = this.#dedicatedFte[this.#tenancy.tenantOf(project)]!;
    tw.record(Math.max(0, tw.current + fte));
  }

  /** Give back the project's slot or team. */
  release(project: Project): void {
    if (project.staffing === "spoke") {
      this.#usedByUnit[project.unit]!--;
      this.#spokeSlotsUsed--;
      this.#spokeUsed.record(this.#spokeSlotsUsed);
      this.#addSpokeUse(project, -1);
      if (project.spoke >= 0) {
        const list = this.#spokeProjects[project.spoke]!;
        list.splice(list.indexOf(project), 1);
        this.#rebalance(project.spoke);
        project.spoke = -1;
      }
    } else if (project.staffing === "dedicated") {
      this.dedicatedTeams--;
    }
    if (project.dedicatedFte > 0) this.addDedicatedFte(project, -project.dedicatedFte);
    project.dedicatedFte = 0;
    project.staffing = "none";
  }

  hasSupport(): boolean {
    return this.#supportServers > 0;
  }

  hasReviewers(): boolean {
    return this.#reviewerCount > 0;
  }

  requestSupport(previous: Request | null): Request {
    const request = this.#support.renewRequest(previous);
    this.#recordQueues();
    return request;
  }

  releaseSupport(request: Request): void {
    this.#support.releaseUnwatched(request);
    this.#recordQueues();
  }

  requestReview(previous: Request | null): Request {
    const request = this.#reviewers.renewRequest(previous);
    this.#recordQueues();
    return request;
  }

  releaseReview(request: Request): void {
    this.#reviewers.releaseUnwatched(request);
    this.#recordQueues();
  }

  cancelRequest(request: Request): void {
    request.cancel();
    this.#recordQueues();
  }

  /**
   * A grant is processed through the event list (as in SimPy), after the release that freed the server, so the
   * queues are recorded again when it happens: the project's grant callback calls this first (one callback per
   * request instead of two, which saved a waiter object and a waiter list per request).
   */
  granted(): void {
    this.#recordQueues();
  }

  /** Record the busy servers and queue lengths after any change of the support or review queues. */
  #recordQueues(): void {
    this.#supportBusy.record(this.#support.count);
    this.#supportQueue.record(this.#support.queueLength);
    this.#reviewerBusy.record(this.#reviewers.count);
  }

  /**
   * Who pays the month's spoke FTE-days. Spokes embedded in units (`sharing: ownUnit`) are paid by the unit they
   * serve. Pooled spokes work on any unit's project, so they are charged by use, as OpenCost charges a shared
   * node: each tenant pays in proportion to the spoke slot-days its projects held this month; a month in which no
   * project held a slot is left to the shared tenant, which the chargeback allocates like other shared cost.
   */
  #spokeFteDaysByTenant(spokeFteDays: number, spokes: number): Map<string, number> {
    const names = this.#tenancy.tenantNames;
    const out = new Map<string, number>();
    if (this.params.organisation.spokes.sharing === "pooled") {
      const used = this.#spokeUseByTenant.map((tw) => tw.integral());
      const total = used.reduce((a, b) => a + b, 0);
      if (total <= 0) return out.set(SHARED_TENANT, spokeFteDays);
      used.forEach((u, t) => {
        if (u > 0) out.set(names[t]!, (spokeFteDays * u) / total);
      });
      return out;
    }
    const perTenant = new Map<number, number>();
    for (let i = 0; i < spokes; i++) {
      const t = this.#tenancy.spokeTenant(i);
      perTenant.set(t, (perTenant.get(t) ?? 0) + 1);
    }
    for (const [t, n] of perTenant) out.set(names[t]!, (spokeFteDays * n) / spokes);
    return out;
  }

  /**
   * Close month `month`: post its people costs to the ledger, record its utilisation and support queue in the
   * book, add its integrals to the run's, and restart the month's integrals.
   */
  closeMonth(month: number): void {
    const ledger = this.#ledger;
    const tenantNames = this.#tenancy.tenantNames;
    const rates = this.params.organisation;
    const cost = this.#costRates();
    const hubFteDays = this.#hubFte.integral();
    this.#run.hubFteDays += hubFteDays;
    this.#run.hubPlatformFteDays += this.#hubPlatformFte.integral();
    this.#hubPlatformFte.reset();
    if (hubFteDays > 0)
      ledger.post({
        month,
        category: "people",
        service: "Hub staff",
        serviceCategory: "Other",
        tenant: "shared",
        resourceId: "hub",
        cost: hubFteDays * cost.hub,
        quantity: hubFteDays / DAYS_PER_MONTH,
        unit: "FTE-months",
      });
    const spokeFteDays = this.#spokeFte.integral();
    const spokes = rates.spokes.count;
    if (spokeFteDays > 0 && spokes > 0) {
      for (const [tenant, days] of this.#spokeFteDaysByTenant(spokeFteDays, spokes)) {
        ledger.post({
          month,
          category: "people",
          service: "Spoke teams",
          serviceCategory: "Other",
          tenant,
          resourceId: "spokes",
          cost: days * cost.spoke,
          quantity: days / DAYS_PER_MONTH,
          unit: "FTE-months",
        });
      }
    }
    for (const tw of this.#spokeUseByTenant) tw.reset();
    for (let t = 0; t < this.#dedicatedFte.length; t++) {
      const tw = this.#dedicatedFte[t]!;
      const days = tw.integral();
      if (days > 0)
        ledger.post({
          month,
          category: "people",
          service: "Dedicated project teams",
          serviceCategory: "Other",
          tenant: tenantNames[t]!,
          resourceId: "dedicated-teams",
          cost: days * cost.pilot,
          quantity: days / DAYS_PER_MONTH,
          unit: "FTE-months",
        });
      tw.reset();
    }
    this.#hubFte.reset();
    this.#spokeFte.reset();
    const supportBusyDays = this.#supportBusy.integral();
    const supportCapacityDays = this.#supportCapacity.integral();
    const reviewerBusyDays = this.#reviewerBusy.integral();
    const reviewerCapacityDays = this.#reviewerCapacity.integral();
    const spokeUsedDays = this.#spokeUsed.integral();
    const spokeCapacityDays = this.#spokeCapacity.integral();
    this.#hubUtilisation.set(month, ratio(supportBusyDays, supportCapacityDays));
    this.#supportQueueSeries.set(month, this.#supportQueue.mean());
    this.#reviewerUtilisation.set(month, ratio(reviewerBusyDays, reviewerCapacityDays));
    this.#spokeUtilisation.set(month, ratio(spokeUsedDays, spokeCapacityDays));
    const run = this.#run;
    run.supportBusyDays += supportBusyDays;
    run.supportCapacityDays += supportCapacityDays;
    run.reviewerBusyDays += reviewerBusyDays;
    run.reviewerCapacityDays += reviewerCapacityDays;
    run.spokeUsedDays += spokeUsedDays;
    run.spokeCapacityDays += spokeCapacityDays;
    this.#supportBusy.reset();
    this.#supportCapacity.reset();
    this.#supportQueue.reset();
    this.#reviewerBusy.reset();
    this.#reviewerCapacity.reset();
    this.#spokeUsed.reset();
    this.#spokeCapacity.reset();
  }

  /** Busy over capacity of support servers, reviewers and spoke slots over the months closed so far. */
  runUtilisation(): RunUtilisation {
    const run = this.#run;
    return {
      hub: run.supportCapacityDays > 0 ? run.supportBusyDays / run.supportCapacityDays : undefined,
      reviewer: run.reviewerCapacityDays > 0 ? run.reviewerBusyDays / run.reviewerCapacityDays : undefined,
      spoke: run.spokeCapacityDays > 0 ? run.spokeUsedDays / run.spokeCapacityDays : undefined,
      hubWork: run.hubFteDays > 0 ? hubWork(run) : undefined,
    };
  }

  #costRates(): { hub: number; spoke: number; pilot: number } {
    const p = this.params;
    return {
      hub: costPerFteDay(p, "hub"),
      spoke: costPerFteDay(p, "spoke"),
      pilot: costPerFteDay(p, "pilot"),
    };
  }
}

function hubWork(run: {
  supportBusyDays: number;
  reviewerBusyDays: number;
  hubPlatformFteDays: number;
  hubFteDays: number;
}): NonNullable<RunUtilisation["hubWork"]> {
  const support = run.supportBusyDays / run.hubFteDays;
  const reviews = run.reviewerBusyDays / run.hubFteDays;
  const platform = run.hubPlatformFteDays / run.hubFteDays;
  return { support, reviews, platform, all: support + reviews + platform };
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}
