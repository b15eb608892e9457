/**
 * The platform model (MODEL.md section 4) behind the PlatformPort: shared compute clusters per region, the
 * serving platform, service tiers and the monthly chargeback of all of it to tenants through the Ledger,
 * plus the comparisons finance asks for (fixed cluster, dedicated serving, one tier for all, one dedicated
 * platform per tenant), simulated on the same jobs and models.
 *
 * This class wires the parts and routes jobs and models to them; each part bills its own month:
 *
 *   submitJob ──> ComputeBilling (compute-billing.ts: clusters per region + fixed comparison)
 *             └─> DedicatedPlatforms (dedicated-platforms.ts: one cluster and pool per tenant)
 *   models ────> ServingPool via ServingBilling (serving-billing.ts), TierBilling (tier-billing.ts)
 *   closeMonth: 1 compute  2 serving  3 tiers  4 fixed costs (fixed-cost-billing.ts)  5 dedicated platforms
 *               -> MonthClose (month-close.ts) -> ledger rows (chargeback-poster.ts) + the month's series
 *   finish:     KPIs and samples, every name declared in platform-metrics.ts
 *
 * Sources: see compute-cluster.ts (Azure ML AmlCompute, guide Pattern 11), serving-pool.ts (KServe ModelMesh,
 * Kubernetes HPA, Pattern 12), tier-reliability.ts (Pattern 6), chargeback.ts (OpenCost; FOCUS columns via
 * ledger.ts; Patterns 5 and 7), dedicated-platforms.ts (the per-tenant comparison).
 */
import type { Environment, RandomSource, SimEvent, StreamFactory } from "../../../engine/index.ts";
import { sampler } from "../../../engine/index.ts";
import type { PlatformConfig } from "../../scenario/platform-schema.ts";
import type { Ledger } from "../ledger.ts";
import { ChargebackPoster } from "./chargeback-poster.ts";
import { ComputeBilling } from "./compute-billing.ts";
import { DedicatedPlatforms } from "./dedicated-platforms.ts";
import { FixedCostBilling } from "./fixed-cost-billing.ts";
import { MonthClose } from "./month-close.ts";
import type { PlatformKpis, PlatformMonthSeries, PlatformSamples } from "./platform-metrics.ts";
import { reconfigured, redeployedPool, type ServedRecord, servedModel } from "./platform-reconfiguration.ts";
import type { JobOutcome, JobRequest, PlatformChange, PlatformPort, ProductionModel } from "./port.ts";
import {
  assignTier,
  isTierName,
  type TierAssignment,
  type TierName,
  type TierSpec,
  tierAssignment,
  tierSpecs,
} from "./service-tiers.ts";
import { ServingBilling } from "./serving-billing.ts";
import { type ServingOptions, servingOptions } from "./serving-options.ts";
import { ServingPool } from "./serving-pool.ts";
import { type StandaloneWorkloads, startStandaloneWorkloads } from "./standalone-workloads.ts";
import { TierBilling } from "./tier-billing.ts";

/** What the platform knows of a tenant. */
interface TenantInfo {
  region: string;
  /** Max concurrent nodes (0 = no quota). */
  quota: number;
  /** Weight for fixed costs shared by the `weights` method. */
  weight: number;
}

const MODEL_MEMORY_STREAM = "platform.serving.modelMemory";

/** The enabled platform. Create it through `createPlatform`. */
export class Platform implements PlatformPort {
  readonly #env: Environment;
  /** The configuration in force (replaced, never mutated, by `reconfigure`). */
  #config: PlatformConfig;
  readonly #streams: StreamFactory;
  readonly #tenants = new Map<string, TenantInfo>();
  readonly #quotas: Record<string, number> = {};
  readonly #compute: ComputeBilling;
  #serving: ServingPool;
  readonly #servingBilling: ServingBilling;
  readonly #tiers: TierBilling;
  readonly #fixedCosts: FixedCostBilling;
  readonly #dedicated: DedicatedPlatforms | undefined;
  readonly #poster: ChargebackPoster;
  readonly #specs: Record<TierName, TierSpec>;
  #assignment: TierAssignment;
  readonly #assignSource: RandomSource;
  readonly #rankSource: RandomSource;
  readonly #modelMemorySource: RandomSource;
  #modelMemory: () => number;
  /** Every model served, in go-live order (to serve them again when the serving platform is redeployed). */
  readonly #served: ServedRecord[] = [];
  readonly #workloads: StandaloneWorkloads;
  /** Every month's series, in month order (the run's series are built from them when asked for). */
  readonly #months: PlatformMonthSeries[] = [];
  #monthStart: number;
  /** Shared platform cost over the run (chargeback.sharedCost). */
  #sharedCost = 0;

  /**
   * Build every part of `config` on `env` (draws from `streams`, costs to `ledger` at month closes) and start
   * the standalone workloads.
   */
  constructor(env: Environment, config: PlatformConfig, streams: StreamFactory, ledger: Ledger) {
    this.#env = env;
    this.#config = config;
    this.#streams = streams;
    this.#poster = new ChargebackPoster(ledger);
    this.#monthStart = env.now;
    this.#specs = tierSpecs(config);
    this.#assignment = tierAssignment(config);
    this.#assignSource = streams.get("platform.tiers.assign");
    this.#rankSource = streams.get("platform.serving.popularity");
    this.#modelMemorySource = streams.get(MODEL_MEMORY_STREAM);
    this.#modelMemory = sampler(config.serving.modelMemoryGb, this.#modelMemorySource);
    this.#compute = new ComputeBilling(env, config.clusters, streams, this.#quotas);
    this.#serving = new ServingPool(env, this.#servingOptions("shared", false, config.serving.minReplicas));
    this.#servingBilling = new ServingBilling(this.#serving);
    this.#tiers = new TierBilling(
      env,
      this.#specs,
      config.tiers.reference,
      streams.get("platform.tiers.failures"),
    );
    this.#fixedCosts = new FixedCostBilling(config.chargeback.fixedCosts);
    this.#dedicated = config.chargeback.compareDedicated
      ? new DedicatedPlatforms(env, streams, config.chargeback.dedicatedMinNodes)
      : undefined;
    for (const t of config.tenants) this.#ensureTenant(t.name, t);
    this.#workloads = startStandaloneWorkloads(env, config.workloads, [...this.#tenants.keys()], streams, {
      submit: (job) => {
        this.submitJob(job);
      },
      serve: (id, tenant, tier) => this.#serve(id, tenant, tier),
      tier: (id, tenant, tier) => this.#tiers.add(id, tenant, tier),
    });
  }

  /** Options of a serving pool named `name` (its request stream is `platform.serving.<name>.requests`). */
  #servingOptions(name: string, shadow: boolean, minReplicas: number): ServingOptions {
    const source = this.#streams.get(`platform.serving.${name}.requests`);
    return servingOptions(this.#config.serving, { name, shadow, minReplicas, source });
  }

  /** The tenant's record; a tenant met for the first time gets the default region and no quota. */
  #ensureTenant(name: string, listed?: { region: string; quotaNodes: number; weight: number }): TenantInfo {
    let t = this.#tenants.get(name);
    if (t !== undefined) return t;
    t = listed
      ? { region: listed.region, quota: listed.quotaNodes, weight: listed.weight }
      : { region: this.#compute.defaultRegion, quota: 0, weight: 1 };
    this.#tenants.set(name, t);
    if (t.quota > 0) this.#quotas[name] = t.quota;
    this.#dedicated?.addTenant(
      name,
      t.quota,
      this.#compute.clusterOf(t.region),
      this.#servingOptions(`dedicated-${name}`, true, this.#config.chargeback.dedicatedMinReplicas),
    );
    return t;
  }

  /** Queue a job on the cluster of its region (data residency); also on the comparison clusters. */
  submitJob(job: JobRequest): SimEvent<JobOutcome> {
    const tenant = this.#ensureTenant(job.tenant);
    const region = job.region !== undefined && job.region !== "" ? job.region : tenant.region;
    const event = this.#compute.submit(job, region);
    this.#dedicated?.submit(job);
    return event;
  }

  #serve(id: number, tenant: string, tier: TierName): void {
    this.#ensureTenant(tenant);
    const record = { id, tenant, tier, memoryGb: Math.max(0.01, this.#modelMemory()), rankKey: 0 };
    const model = servedModel(record, this.#specs[tier]);
    const key = this.#rankSource();
    record.rankKey = key;
    this.#served.push(record);
    this.#serving.add(model, key);
    this.#dedicated?.serve(model, key);
  }

  /** Serve the model, bill its tier and simulate its failures from now on. */
  addProductionModel(model: ProductionModel): void {
    const tier = isTierName(model.tier) ? model.tier : (this.assignTier(model.criticality) as TierName);
    this.#serve(model.id, model.tenant, tier);
    this.#tiers.add(model.id, model.tenant, tier);
  }

  /** The model retired: it leaves the serving pools (shared and per-tenant) and its tier's bill and failures. */
  removeProductionModel(id: number): void {
    const i = this.#served.findIndex((r) => r.id === id);
    if (i < 0) return;
    const { tenant } = this.#served[i]!;
    this.#served.splice(i, 1);
    this.#serving.remove(id);
    this.#dedicated?.retire(tenant, id);
    this.#tiers.remove(id);
  }

  /** The scenario's tier rule (criticality thresholds, a random mix, or one tier). */
  assignTier(criticality: number): string {
    return assignTier(this.#assignment, criticality, this.#assignSource);
  }

  /** Post the month's platform costs to the ledger (by tenant, exact to the cent) and return its series. */
  closeMonth(month: number): PlatformMonthSeries {
    const now = this.#env.now;
    const days = Math.max(1e-12, now - this.#monthStart);
    const close = new MonthClose(
      month,
      days,
      [...this.#tenants.keys()],
      this.#config.chargeback.idle,
      this.#poster,
    );
    this.#compute.closeMonth(close);
    this.#servingBilling.closeMonth(close);
    this.#tiers.closeMonth(close);
    this.#fixedCosts.closeMonth(close, this.#tenants);
    this.#dedicated?.closeMonth(close, close.sharedCost - this.#fixedCosts.costOf(days));
    this.#sharedCost += close.sharedCost;
    close.series.platformCost = close.sharedCost;
    this.#monthStart = now;
    this.#months.push(close.series);
    return close.series;
  }

  /**
   * Adopt `changes` from now on, keeping nodes, jobs, served models, tenants and accounts; each part adopts
   * them as platform-reconfiguration.ts describes.
   * @throws RangeError when a change names no platform parameter that may change (the loader refuses these)
   */
  reconfigure(changes: readonly PlatformChange[]): void {
    if (changes.length === 0) return;
    const { config, touched } = reconfigured(this.#config, changes);
    this.#config = config;
    if (touched.tenants)
      for (const t of config.tenants) {
        const info = this.#tenants.get(t.name);
        if (info === undefined) continue;
        info.region = t.region;
        info.quota = t.quotaNodes;
        info.weight = t.weight;
        if (t.quotaNodes > 0) this.#quotas[t.name] = t.quotaNodes;
        else Reflect.deleteProperty(this.#quotas, t.name);
      }
    // quotas are shared with the clusters; a reconfigured cluster narrows and dispatches its queue again
    if (touched.clusters || touched.tenants) {
      this.#compute.reconfigure(config.clusters);
      this.#dedicated?.reconfigureClusters((tenant) => {
        const info = this.#tenants.get(tenant)!;
        return { quota: info.quota, home: this.#compute.clusterOf(info.region) };
      });
    }
    // specs are shared with the tier billing and every live model: their terms change in place
    if (touched.tierTerms)
      for (const [tier, spec] of Object.entries(tierSpecs(config)))
        Object.assign(this.#specs[tier as TierName], spec);
    if (touched.assignment) this.#assignment = tierAssignment(config);
    if (touched.chargeback) this.#fixedCosts.reconfigure(config.chargeback.fixedCosts);
    if (touched.jobStreams) this.#workloads.reconfigureStreams(config.workloads.jobStreams);
    if (touched.serving) {
      this.#modelMemory = sampler(config.serving.modelMemoryGb, this.#modelMemorySource);
      const options = servingOptions(config.serving, {
        name: "shared",
        shadow: false,
        minReplicas: config.serving.minReplicas,
        source: this.#serving.options.source,
      });
      this.#serving = redeployedPool(this.#env, options, this.#served, this.#specs);
      this.#servingBilling.redeploy(this.#serving);
      this.#dedicated?.redeployPools((tenant, previous) => {
        const own = servingOptions(config.serving, {
          name: previous.name,
          shadow: true,
          minReplicas: previous.minReplicas,
          source: previous.source,
        });
        const models = this.#served.filter((r) => r.tenant === tenant);
        return redeployedPool(this.#env, own, models, this.#specs);
      });
    }
  }

  /** End-of-run KPIs (cluster.*, serving.*, tiers.*, chargeback.*) and pooled samples. */
  finish(): { kpis: PlatformKpis; samples: PlatformSamples } {
    const horizonDays = Math.max(1e-12, this.#env.now);
    const k: PlatformKpis = {};
    const samples: PlatformSamples = {};
    this.#compute.addKpis(k, samples, horizonDays);
    this.#servingBilling.addKpis(k, horizonDays);
    this.#tiers.addKpis(k, samples);
    k["chargeback.sharedCost"] = this.#sharedCost;
    k["chargeback.fixedCosts"] = this.#fixedCosts.total;
    k["chargeback.centsMismatches"] = this.#poster.centsMismatches;
    this.#dedicated?.addKpis(k, this.#sharedCost);
    for (const [tenant, cost] of this.#poster.tenantCost) k[`chargeback.platformCost.${tenant}`] = cost;
    k["chargeback.tenants"] = this.#tenants.size;
    return { kpis: k, samples };
  }

  /**
   * Month-by-month series recorded by `closeMonth` (for standalone runs and tests): each name's values in month
   * order, months without a value skipped; a new record on every read.
   */
  get series(): Readonly<Record<string, number[]>> {
    const series: Record<string, number[]> = {};
    for (const month of this.#months)
      for (const [name, value] of Object.entries(month)) {
        if (value === undefined) continue;
        let list = series[name];
        if (list === undefined) {
          list = [];
          series[name] = list;
        }
        list.push(value);
      }
    return series;
  }
}
