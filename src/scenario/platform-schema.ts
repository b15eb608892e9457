/**
 * The `platform:` section of a scenario (MODEL.md section 4): compute clusters, model serving, service tiers,
 * tenants and chargeback, plus optional standalone workloads so each part runs without a portfolio.
 *
 * Defaults and sources: cluster semantics of Azure ML AmlCompute (min/max nodes, idle seconds before scale-down,
 * dedicated vs low-priority VMs) with the guide's Pattern 11 thresholds (0.7 / 0.3) and cooldowns (60 s / 300 s);
 * STANDARD_D4S_V3 pay-as-you-go about 0.192 USD per node-hour (Azure price list, East US, 2024); Kubernetes HPA
 * tolerance 0.1 and scale-down stabilisation 300 s (Kubernetes docs); the guide's tier table (Pattern 6).
 * Every object is strict and every field has a default and a description.
 */
import { z } from "zod";
import {
  ascending,
  COUNT_LIMIT,
  count,
  distributionSchema,
  minMax,
  nonNegative,
  percentWeights,
  positive,
  probability,
} from "./distribution-schema.ts";
import { describeGuideInput } from "./guide-inputs.ts";
import { MAX_EXPANDED_JOB_STREAMS, MAX_REPEATED_TENANTS } from "./limits.ts";
import {
  expandedStreamCount,
  expandJobStreams,
  expandTenants,
  repeatedTenantName,
  TENANT_NUMBER_PLACEHOLDER,
} from "./repetition.ts";
import { tenantNameProblem, tenantNameSchema } from "./tenant-name.ts";

/** Gives an object schema a default equal to parsing `{}` with it, so nested defaults apply. */
function defaulted<T extends z.ZodType<object, object>>(schema: T) {
  return schema.default(() => schema.parse({}) as never);
}

/** Most jobs per day one job stream may submit (each job is a process with its own events). */
export const MAX_JOBS_PER_DAY = 100_000;

/** Shortest serving time step, hours (one minute). */
export const MIN_SERVING_STEP_HOURS = 1 / 60;

/** Longest serving time step, hours (one day). */
export const MAX_SERVING_STEP_HOURS = 24;

const TIERS = ["Bronze", "Silver", "Gold", "Platinum"] as const;
const tierEnum = z.enum(TIERS);

const scalerSchema = defaulted(
  z
    .strictObject({
      scaleUpThreshold: probability
        .default(0.7)
        .describe(
          "scale up when busy / allocated nodes exceeds this (guide: 0.7), to ceil(busy / threshold)",
        ),
      scaleDownThreshold: probability
        .default(0.3)
        .describe(
          "with scaleDownRule utilisationGate: release nodes idle past the idle time only when busy / " +
            "allocated is below this (guide: 0.3); ignored by the default idleTime rule",
        ),
      scaleDownRule: z
        .enum(["idleTime", "utilisationGate"])
        .default("idleTime")
        .describe(
          "idleTime = AmlCompute: a node idle for idleSecondsBeforeScaledown is released (down to minNodes), " +
            "whatever the other nodes do; utilisationGate = the guide's Pattern 11 rule: only while busy / " +
            "allocated < scaleDownThreshold",
        ),
      scaleUpCooldownSeconds: nonNegative.default(60).describe("minimum seconds between two scale-ups"),
      scaleDownCooldownSeconds: nonNegative.default(300).describe("minimum seconds between two scale-downs"),
      idleSecondsBeforeScaledown: nonNegative
        .default(300)
        .describe(
          "seconds a node must be idle before it can be released (AmlCompute idle_seconds_before_scaledown)",
        ),
      intervalSeconds: nonNegative
        .default(0)
        .describe(
          "scaler evaluation period in seconds; 0 = on every change (a periodic scaler with period -> 0)",
        ),
    })
    .superRefine((s, ctx) => {
      if (s.scaleDownThreshold > s.scaleUpThreshold)
        ctx.addIssue({
          code: "custom",
          path: ["scaleDownThreshold"],
          message: `scaleDownThreshold (${s.scaleDownThreshold}) must be <= scaleUpThreshold (${s.scaleUpThreshold})`,
        });
    })
    .describe("autoscaler rules of the cluster (Pattern 11)"),
);

const clusterSchema = z
  .strictObject({
    name: z.string().min(1).default("cluster").describe("cluster name (FOCUS ResourceId)"),
    region: z.string().min(1).default("default").describe("region; jobs of tenants pinned to it run here"),
    vmSize: z.string().default("STANDARD_D4S_V3").describe("VM size, for labels only"),
    costPerNodeHour: nonNegative.default(0.192).describe("list price per node-hour"),
    minNodes: count.default(0).describe("nodes always allocated (AmlCompute min_nodes)"),
    maxNodes: z
      .number()
      .int()
      .min(1)
      .max(COUNT_LIMIT)
      .default(50)
      .describe("upper bound on nodes (AmlCompute max_nodes)"),
    provisioningSeconds: nonNegative.default(240).describe("start-up delay of a new node, seconds (billed)"),
    vmPriority: z
      .enum(["dedicated", "lowPriority"])
      .default("dedicated")
      .describe("dedicated nodes, or low-priority nodes: discounted and evictable"),
    lowPriorityDiscount: probability
      .default(0.8)
      .describe(
        describeGuideInput(
          "platform.clusters[].lowPriorityDiscount",
          "discount of low-priority nodes on the list price",
        ),
      ),
    evictionRatePerNodeHour: nonNegative
      .default(0.02)
      .describe("evictions per node-hour of a low-priority node; an evicted job restarts from scratch"),
    scaler: scalerSchema,
    fixedComparisonNodes: count
      .default(0)
      .describe("also simulate a fixed cluster of this many dedicated nodes on the same jobs (0 = off)"),
  })
  .superRefine(minMax("minNodes", "maxNodes"))
  .describe("a compute cluster with AmlCompute semantics; a fixed cluster has minNodes = maxNodes");

const tenantSchema = z
  .strictObject({
    name: tenantNameSchema.default("default").describe("tenant (team, brand or region); FOCUS SubAccountId"),
    region: z
      .string()
      .min(1)
      .default("default")
      .describe("data-residency region: the tenant's jobs run only there"),
    quotaNodes: count.default(0).describe("max concurrent nodes of the tenant's jobs (0 = no quota)"),
    weight: nonNegative.default(1).describe("weight for fixed costs shared by the 'weights' method"),
  })
  .describe("a tenant sharing the platform");

/** `tenants: { count: 20, name: "brand-{i}", quotaNodes: 20 }`: `count` tenants alike but for their number. */
const repeatedTenantsSchema = z
  .strictObject({
    count: z
      .number()
      .int()
      .min(1)
      .max(MAX_REPEATED_TENANTS)
      .describe(`number of tenants, at most ${MAX_REPEATED_TENANTS}`),
    name: z
      .string()
      .min(1)
      .default(`tenant-${TENANT_NUMBER_PLACEHOLDER}`)
      .describe(`tenant names; ${TENANT_NUMBER_PLACEHOLDER} is replaced by 1, 2, ... count`),
    region: tenantSchema.shape.region,
    quotaNodes: tenantSchema.shape.quotaNodes,
    weight: tenantSchema.shape.weight,
  })
  .superRefine((r, ctx) => {
    if (r.count > 1 && !r.name.includes(TENANT_NUMBER_PLACEHOLDER))
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message: `with count ${r.count} the name must contain ${TENANT_NUMBER_PLACEHOLDER} (the tenant's number), e.g. "${r.name}-${TENANT_NUMBER_PLACEHOLDER}"`,
      });
    const problem = tenantNameProblem(repeatedTenantName(r.name, 1));
    if (problem !== undefined) ctx.addIssue({ code: "custom", path: ["name"], message: problem });
  })
  .describe("compact form of a list of tenants alike but for their number");

const jobStreamSchema = z
  .strictObject({
    tenant: tenantNameSchema
      .default("default")
      .describe("tenant submitting the jobs; leave out with perTenant"),
    perTenant: z
      .boolean()
      .default(false)
      .describe("true: one such stream for every tenant of platform.tenants, in their order"),
    kind: z.enum(["training", "retraining", "batchInference"]).default("training").describe("job kind"),
    ratePerDay: nonNegative
      .max(MAX_JOBS_PER_DAY)
      .default(10)
      .describe(`mean jobs per day (Poisson), at most ${MAX_JOBS_PER_DAY}`),
    nodes: distributionSchema
      .default({ dist: "constant", value: 1 })
      .describe("nodes per job (rounded up, at least 1)"),
    runHours: distributionSchema
      .default({ dist: "exponential", mean: 2 })
      .describe("run time per job, hours"),
    priority: count.default(1).describe("queue priority (lower runs first)"),
    diurnalAmplitude: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe("relative daily swing of the arrival rate in [0, 1] (0 = constant)"),
    peakHour: z.number().min(0).max(24).default(14).describe("hour of the day when arrivals peak"),
  })
  .superRefine((stream, ctx) => {
    // the default tenant is what an unwritten tenant reads as: only another name conflicts with perTenant
    if (stream.perTenant && stream.tenant !== "default")
      ctx.addIssue({
        code: "custom",
        path: ["tenant"],
        message: `give either tenant or perTenant: true, not both (perTenant sets the tenant of each copy)`,
      });
  })
  .describe("a standalone Poisson stream of compute jobs");

const workloadsSchema = defaulted(
  z
    .strictObject({
      jobStreams: z
        .array(jobStreamSchema)
        .default([])
        .describe("standalone job streams (run even without projects)"),
      servedModels: defaulted(
        z
          .strictObject({
            count: count.default(0).describe("models served from month 0 without a portfolio"),
            rampMonths: nonNegative
              .default(0)
              .describe("go-live spread evenly over this many months (0 = all at once)"),
            tenants: z
              .array(tenantNameSchema)
              .default([])
              .describe("tenants owning them, round-robin (empty = all tenants)"),
            tier: tierEnum
              .default("Silver")
              .describe("tier whose serving settings (replicas, dedicated) they use"),
          })
          .describe("a fixed set of served models"),
      ),
      tierModels: defaulted(
        z
          .strictObject({
            Bronze: count.default(0).describe("standalone models on Bronze"),
            Silver: count.default(0).describe("standalone models on Silver"),
            Gold: count.default(0).describe("standalone models on Gold"),
            Platinum: count.default(0).describe("standalone models on Platinum"),
            tenants: z.array(tenantNameSchema).default([]).describe("tenants owning them, round-robin"),
          })
          .describe("a number of models per tier, for tier fees and availability without a portfolio"),
      ),
    })
    .describe("standalone workloads: each platform part can run from a scenario with zero delivery demand"),
);

const servingSchema = defaulted(
  z
    .strictObject({
      mode: z
        .enum(["multiModel", "dedicated"])
        .default("multiModel")
        .describe("multi-model pods (ModelMesh) or one deployment per model"),
      stepHours: positive
        .min(MIN_SERVING_STEP_HOURS)
        .max(MAX_SERVING_STEP_HOURS)
        .default(1)
        .describe("time step of the serving simulation, hours (1 minute to 1 day)"),
      podCostPerHour: nonNegative.default(0.384).describe("price of one serving pod per hour"),
      dedicatedPodCostPerHour: nonNegative
        .default(0.384)
        .describe("price of a pod of a dedicated deployment (the guide compares equal pods)"),
      podMemoryGb: positive.default(16).describe("memory per pod, GB"),
      podOverheadGb: nonNegative.default(2).describe("memory the runtime takes in each pod, GB"),
      modelMemoryGb: distributionSchema
        .default({ dist: "lognormal", mean: 1.2, sd: 0.6 })
        .describe("memory per model, GB (capped at the pod's model memory)"),
      loadSeconds: nonNegative.default(15).describe("latency of loading a model on demand, seconds"),
      requestsPerSecondPerModel: nonNegative.default(0.5).describe("mean requests per second per live model"),
      zipfExponent: nonNegative.default(1).describe("Zipf exponent of model popularity (0 = uniform)"),
      diurnalAmplitude: z
        .number()
        .min(0)
        .max(1)
        .default(0.6)
        .describe("relative daily swing of request load"),
      peakHour: z.number().min(0).max(24).default(14).describe("hour of the day when load peaks"),
      growthPerMonth: z.number().min(-0.5).max(1).default(0).describe("growth of per-model load per month"),
      serviceMs: positive.default(40).describe("mean service time of one request, ms"),
      concurrencyPerPod: z
        .number()
        .int()
        .min(1)
        .max(COUNT_LIMIT)
        .default(4)
        .describe("requests a pod serves at once (M/M/c c)"),
      targetUtilisation: z.number().gt(0).max(1).default(0.6).describe("HPA target CPU utilisation"),
      memoryTargetUtilisation: probability
        .default(0.8)
        .describe(
          "HPA target of the pool's memory metric (working set / pool memory); 0 = scale on CPU only",
        ),
      tolerance: probability.default(0.1).describe("HPA tolerance around the target ratio"),
      stabilisationWindowSeconds: nonNegative.default(300).describe("HPA scale-down stabilisation window, s"),
      minReplicas: count.default(1).describe("min pods of the multi-model pool while it serves models"),
      maxReplicas: z
        .number()
        .int()
        .min(1)
        .max(COUNT_LIMIT)
        .default(50)
        .describe("max pods of the multi-model pool"),
    })
    .superRefine((s, ctx) => {
      if (s.minReplicas > s.maxReplicas)
        ctx.addIssue({
          code: "custom",
          path: ["maxReplicas"],
          message: `minReplicas (${s.minReplicas}) must be <= maxReplicas (${s.maxReplicas})`,
        });
      if (s.podOverheadGb >= s.podMemoryGb)
        ctx.addIssue({
          code: "custom",
          path: ["podOverheadGb"],
          message: `podOverheadGb (${s.podOverheadGb}) must be < podMemoryGb (${s.podMemoryGb})`,
        });
    })
    .describe("model serving (Pattern 12)"),
);

function tierSpec(d: {
  fee: number;
  sla: number;
  response: number;
  detection: number;
  redundancy: "single" | "singleMonitored" | "highAvailability" | "multiRegion";
  backup: "none" | "daily" | "hourly" | "replication";
  minReplicas: number;
  maxReplicas: number;
  dedicated: boolean;
}) {
  return defaulted(
    z
      .strictObject({
        feePerMonth: nonNegative.default(d.fee).describe("fee per model per month"),
        slaPercent: z
          .number()
          .min(0)
          .max(100)
          .default(d.sla)
          .describe("monthly uptime target, percent (0 = best effort)"),
        supportResponseHours: nonNegative.default(d.response).describe("support response time, hours"),
        detectionHours: nonNegative
          .default(d.detection)
          .describe("time to detect a failure (monitoring), hours"),
        meanFixHours: nonNegative.default(1).describe("mean hands-on repair time after response, hours"),
        selfHealingShare: probability
          .default(0.7)
          .describe("share of failures recovered by a restart without support (repair = detection + fix)"),
        mtbfDays: nonNegative
          .default(90)
          .describe("mean days between failures of one serving instance (0 = never)"),
        redundancy: z
          .enum(["single", "singleMonitored", "highAvailability", "multiRegion"])
          .default(d.redundancy)
          .describe("single instance, single with monitoring, two in one zone, or two regions"),
        commonCauseMtbfDays: nonNegative
          .default(365)
          .describe(
            "highAvailability: mean days between zone-wide failures taking both instances down (0 = never)",
          ),
        backup: z
          .enum(["none", "daily", "hourly", "replication"])
          .default(d.backup)
          .describe("backup regime"),
        replicationLagSeconds: nonNegative
          .default(5)
          .describe("replication lag (data lost per outage), seconds"),
        minReplicas: z
          .number()
          .int()
          .min(1)
          .max(COUNT_LIMIT)
          .default(d.minReplicas)
          .describe("min pods of a dedicated deployment"),
        maxReplicas: z
          .number()
          .int()
          .min(1)
          .max(COUNT_LIMIT)
          .default(d.maxReplicas)
          .describe("max pods of a dedicated deployment"),
        dedicatedServing: z
          .boolean()
          .default(d.dedicated)
          .describe("serve this tier on dedicated deployments even when serving is multi-model"),
      })
      .superRefine(minMax("minReplicas", "maxReplicas"))
      .describe("terms and reliability of one tier"),
  );
}

const tiersSchema = defaulted(
  z
    .strictObject({
      assignment: defaulted(
        z
          .strictObject({
            rule: z
              .enum(["criticality", "mix", "single"])
              .default("criticality")
              .describe("by criticality thresholds, by a random mix, or one tier for all"),
            thresholds: z
              .array(probability)
              .length(3)
              .superRefine(ascending("thresholds"))
              .default([0.3, 0.51, 0.68])
              .describe("criticality below [0] Bronze, below [1] Silver, below [2] Gold, else Platinum"),
            mix: percentWeights(TIERS, { Bronze: 35, Silver: 35, Gold: 20, Platinum: 10 }).describe(
              "tier mix for rule 'mix', percent (guide: 70% Bronze/Silver, 10% Platinum)",
            ),
            tier: tierEnum.default("Gold").describe("the tier for rule 'single'"),
          })
          .describe("how a new production model gets its tier"),
      ),
      reference: tierEnum
        .default("Platinum")
        .describe("the one tier for all that the tier mix is compared with (tiers.savingVsSingleTier)"),
      catalogue: defaulted(
        z
          .strictObject({
            Bronze: tierSpec({
              fee: 500,
              sla: 0,
              response: 72,
              detection: 4,
              redundancy: "single",
              backup: "none",
              minReplicas: 1,
              maxReplicas: 3,
              dedicated: false,
            }),
            Silver: tierSpec({
              fee: 2000,
              sla: 99.5,
              response: 24,
              detection: 0.5,
              redundancy: "singleMonitored",
              backup: "daily",
              minReplicas: 1,
              maxReplicas: 5,
              dedicated: false,
            }),
            Gold: tierSpec({
              fee: 5000,
              sla: 99.9,
              response: 4,
              detection: 0.1,
              redundancy: "highAvailability",
              backup: "hourly",
              minReplicas: 2,
              maxReplicas: 10,
              dedicated: false,
            }),
            Platinum: tierSpec({
              fee: 15000,
              sla: 99.99,
              response: 0.25,
              detection: 0.05,
              redundancy: "multiRegion",
              backup: "replication",
              minReplicas: 2,
              maxReplicas: 20,
              dedicated: true,
            }),
          })
          .describe("the four tiers of Pattern 6"),
      ),
    })
    .describe("service tiers and SLAs (Pattern 6)"),
);

const fixedCostSchema = z
  .strictObject({
    name: z.string().min(1).default("shared service").describe("shared fixed cost (FOCUS ServiceName)"),
    costPerMonth: nonNegative.default(0).describe("cost per month of the shared item"),
    method: z
      .enum(["even", "usage", "weights", "none"])
      .default("usage")
      .describe(
        "allocation: evenly, by each tenant's share of workload cost, by tenant weights, or none (left unallocated)",
      ),
    dedicatedCostPerMonth: nonNegative
      .default(0)
      .describe("what one tenant's own copy of this item would cost per month (dedicated comparison)"),
  })
  .describe("a fixed shared platform cost");

const chargebackSchema = defaulted(
  z
    .strictObject({
      idle: z
        .enum(["usage", "even", "none"])
        .default("usage")
        .describe("idle cost shared by usage (OpenCost shareIdle), evenly, or not at all (kept as __idle__)"),
      shared: z
        .enum(["usage", "even", "weights", "none"])
        .default("usage")
        .describe(
          "shared cost (hub staff, roadmap investments) allocated by each tenant's own cost (OpenCost shareSplit weighted), evenly, by tenant weights, or not at all (kept as 'shared')",
        ),
      fixedCosts: z
        .array(fixedCostSchema)
        .default([
          { name: "model registry", costPerMonth: 1500, method: "usage", dedicatedCostPerMonth: 1000 },
          { name: "monitoring", costPerMonth: 3000, method: "usage", dedicatedCostPerMonth: 1500 },
        ])
        .describe("fixed shared costs (platform team, registry, monitoring)"),
      compareDedicated: z
        .boolean()
        .default(false)
        .describe(
          "also simulate one dedicated platform per tenant under the same rules (chargeback.savingVsDedicated)",
        ),
      dedicatedMinNodes: count
        .default(0)
        .describe("min nodes of each tenant's own cluster in the comparison"),
      dedicatedMinReplicas: count
        .default(1)
        .describe("min pods of each tenant's own serving pool in the comparison"),
    })
    .describe("tenants' chargeback (OpenCost) and the shared-vs-dedicated comparison (Patterns 5 and 7)"),
);

/**
 * The `platform:` section. `{}` is valid (one autoscaling cluster, multi-model serving, the guide's tiers).
 */
export const platformSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe("simulate the platform; false = jobs just take their run time"),
    tenants: z
      .union([z.array(tenantSchema), repeatedTenantsSchema])
      .default([])
      .describe(
        "tenants, as a list or as { count, name: \"brand-{i}\", ... }; tenants met but not listed get region 'default' and no quota",
      ),
    clusters: z
      .array(clusterSchema)
      .min(1)
      .default(() => [clusterSchema.parse({})])
      .describe("compute clusters, at most one per region"),
    workloads: workloadsSchema,
    serving: servingSchema,
    tiers: tiersSchema,
    chargeback: chargebackSchema,
  })
  .superRefine((p, ctx) => {
    // checked before expansion, so the issue points at the perTenant stream the user wrote
    const tenantCount = Array.isArray(p.tenants) ? p.tenants.length : p.tenants.count;
    p.workloads.jobStreams.forEach((stream, i) => {
      if (stream.perTenant === true && tenantCount === 0)
        ctx.addIssue({
          code: "custom",
          path: ["workloads", "jobStreams", i, "perTenant"],
          message: "perTenant repeats the stream for every tenant, but platform.tenants lists none",
        });
    });
    const streams = expandedStreamCount(p.workloads.jobStreams, tenantCount);
    if (streams > MAX_EXPANDED_JOB_STREAMS)
      ctx.addIssue({
        code: "custom",
        path: ["workloads", "jobStreams"],
        message: `perTenant streams make ${streams} job streams for ${tenantCount} tenants; at most ${MAX_EXPANDED_JOB_STREAMS} are allowed`,
      });
  })
  .superRefine((p, ctx) => {
    const regions = new Set<string>();
    p.clusters.forEach((c, i) => {
      if (regions.has(c.region))
        ctx.addIssue({
          code: "custom",
          path: ["clusters", i, "region"],
          message: `a second cluster in region "${c.region}"`,
        });
      regions.add(c.region);
    });
    // a compact form is checked once, at the field the user wrote, not once per tenant it stands for
    const compact = !Array.isArray(p.tenants);
    const names = new Set<string>();
    for (const [i, t] of expandTenants(p.tenants).entries()) {
      if (names.has(t.name))
        ctx.addIssue({
          code: "custom",
          path: ["tenants", i, "name"],
          message: `tenant name ${JSON.stringify(t.name)} is used twice; names must be unique`,
        });
      names.add(t.name);
      if (!regions.has(t.region))
        ctx.addIssue({
          code: "custom",
          path: compact ? ["tenants", "region"] : ["tenants", i, "region"],
          message: `no cluster in region "${t.region}" (clusters: ${[...regions].join(", ")})`,
        });
      if (compact) break;
    }
  })
  .transform((p) => {
    const tenants = expandTenants(p.tenants);
    const jobStreams = expandJobStreams(
      p.workloads.jobStreams,
      tenants.map((t) => t.name),
    );
    return { ...p, tenants, workloads: { ...p.workloads, jobStreams } };
  })
  .describe("MODEL.md section 4: compute clusters, serving, service tiers, tenants and chargeback");

/** The platform section with every default filled in. */
export type PlatformConfig = z.output<typeof platformSchema>;
