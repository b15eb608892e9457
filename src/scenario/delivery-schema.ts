/**
 * Zod schema of the delivery model's scenario sections (MODEL.md sections 1, 2, 3, 5, 6): organisation, demand,
 * portfolio, lifecycle, governance, roadmap, finance. Every field has a default and a description, so `{}` is a
 * valid scenario (a small level-1 organisation); presets and scenario files override what they need.
 *
 * Sources of the defaults (the guide = /work/shared/seed/ai-scaling-patterns-guide.md):
 * - scoring weights 30/20/20/15/15 and tiers 80/60/40, re-score after 6 months: guide Pattern 8;
 * - portfolio targets impact 40/30/20/10, horizon 50/30/20, risk 60/30/10, monthly review: Patterns 9 and 10;
 * - hub 15-20 FTE, spokes 5-8 FTE with 3-5 concurrent projects: Pattern 13; guilds 40% faster resolution: Pattern 14;
 * - component reuse rates 95/80/85/90/75 %: Pattern 1; feature store 70% less effort, 83-95% compute saved:
 *   Pattern 2; template adoption by category: Pattern 3; deployment 95% vs 70% success, 80% less time: Pattern 4;
 * - success about 60% before and 85% after standards: case study 1.
 * Values the guide does not give (effort sizes, value distributions, rates of support requests and blockers) are
 * stated assumptions documented in docs/model.md.
 */
import { z } from "zod";
import {
  COUNT_LIMIT,
  count,
  distributionSchema,
  nonNegative,
  percentWeights,
  positive,
  probability,
} from "./distribution-schema.ts";
import { effectPathProblem } from "./effect-validation.ts";
import { describeGuideInput } from "./guide-inputs.ts";
import { parameterPathSchema, pathKeys, pathProblem } from "./parameter-path.ts";
import { PHASES } from "./phases.ts";
import { tenantNameProblem } from "./tenant-name.ts";

/** Most ideas per month one business unit may submit (each idea is a process with its own events). */
export const MAX_IDEAS_PER_MONTH = 10_000;

/** Shortest portfolio review interval in months (about three days); shorter adds reviews, not insight. */
export const MIN_REVIEW_MONTHS = 0.1;

/** Lifecycle phases in order (src/scenario/phases.ts). */
const phaseEnum = z.enum(PHASES);

/** Gives an object schema a default equal to parsing `{}` with it, so nested defaults apply. */
function defaulted<T extends z.ZodType<object, object>>(schema: T) {
  return schema.default(() => schema.parse({}) as never);
}

function sumAtMost(keys: readonly string[], limit: number, label: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx<Record<string, unknown>>): void => {
    let sum = 0;
    for (const key of keys) sum += Number(value[key] ?? 0);
    if (sum > limit + 1e-9)
      ctx.addIssue({
        code: "custom",
        path: [keys[keys.length - 1]!],
        message: `${label} must add up to at most ${limit}, got ${Math.round(sum * 1e6) / 1e6}`,
      });
  };
}

// ---------------------------------------------------------------------------------------------- organisation

const hubSchema = defaulted(
  z
    .strictObject({
      fte: nonNegative
        .default(0)
        .describe("AI Centre of Excellence headcount in FTE; 0 = no hub (level 1). Guide Pattern 13: 15-20"),
      supportShare: probability
        .default(0.5)
        .describe("share of hub FTE giving expert support to projects (each FTE is one server of the queue)"),
      reviewShare: probability
        .default(0.1)
        .describe("share of hub FTE staffing gate reviews; the rest builds platform components"),
    })
    .superRefine(sumAtMost(["supportShare", "reviewShare"], 1, "supportShare + reviewShare"))
    .describe("the hub (AI CoE): platform work, expert support queue, gate reviewers"),
);

const spokesSchema = defaulted(
  z
    .strictObject({
      count: count.default(0).describe("number of spoke teams embedded in business units (Pattern 13: 8-12)"),
      ftePerSpoke: positive.default(6).describe("people per spoke team, FTE (Pattern 13: 5-8)"),
      maxConcurrentProjects: z
        .number()
        .int()
        .min(1)
        .max(COUNT_LIMIT)
        .default(4)
        .describe("projects one spoke runs at once (Pattern 13: 3-5); each gets ftePerSpoke / this FTE"),
      sharing: z
        .enum(["pooled", "ownUnit"])
        .default("pooled")
        .describe(
          "pooled: any spoke takes any unit's project; ownUnit: spoke i serves only business unit i mod units",
        ),
      teamSize: defaulted(
        z
          .strictObject({
            mode: z
              .enum(["slot", "shared"])
              .default("slot")
              .describe(
                "slot: each project gets ftePerSpoke / maxConcurrentProjects FTE whatever the spoke's load; " +
                  "shared: a spoke's FTE is shared among its active projects (ftePerSpoke / active, between " +
                  "the min and max), so a spoke with fewer projects works them faster (issue 10 point 2)",
              ),
            minFtePerProject: positive
              .default(0.5)
              .describe("shared: a spoke takes another project only if each would still get this many FTE"),
            maxFtePerProject: positive
              .default(4)
              .describe("shared: most FTE one project can use (more people do not speed it up further)"),
          })
          .superRefine((t, ctx) => {
            if (t.minFtePerProject > t.maxFtePerProject)
              ctx.addIssue({
                code: "custom",
                path: ["minFtePerProject"],
                message: `minFtePerProject (${t.minFtePerProject}) must be <= maxFtePerProject (${t.maxFtePerProject})`,
              });
          })
          .describe(
            "team size per project: fixed slots, or the spoke's FTE shared among its active projects",
          ),
      ),
    })
    .describe("spoke teams; the number of concurrent projects is count x maxConcurrentProjects"),
);

const pilotTeamsSchema = defaulted(
  z
    .strictObject({
      maxConcurrent: count
        .default(2)
        .describe("dedicated pilot teams that may exist at once (level 1: one team per approved pilot)"),
      ftePerTeam: positive.default(3).describe("people per dedicated team, FTE"),
      formationDays: distributionSchema
        .default({ dist: "pert", min: 30, mode: 60, max: 120 })
        .describe("days from approval until a dedicated team is formed (hiring, onboarding)"),
    })
    .describe("dedicated teams formed per approved project; used while spoke slots are full or absent"),
);

const supportSchema = defaulted(
  z
    .strictObject({
      requestsPerProjectWeek: nonNegative
        .default(1)
        .describe("expert-support requests an active project raises per week of phase work (Poisson)"),
      serviceHours: distributionSchema
        .default({ dist: "lognormal", mean: 8, sd: 4 })
        .describe("expert hours one request takes"),
      hoursPerFteWeek: positive.default(40).describe("expert hours one support FTE gives per week"),
      withoutHubMultiplier: nonNegative
        .default(3)
        .describe("without a hub a team solves the request itself, taking this many times the expert time"),
    })
    .describe("expert support: a capacity-limited queue served by the hub's support FTE (MODEL.md 2)"),
);

const guildsSchema = defaulted(
  z
    .strictObject({
      enabled: z.boolean().default(false).describe("guilds exist (Pattern 14)"),
      resolutionReduction: probability
        .default(0.4)
        .describe(
          describeGuideInput(
            "organisation.guilds.resolutionReduction",
            "share of blocker resolution time saved by guilds",
          ),
        ),
      peerAnswerShare: probability
        .default(0.3)
        .describe(
          "share of expert-support requests guild peers answer instead of the hub (knowledge reuse; assumption)",
        ),
    })
    .describe("communities of practice: faster blocker resolution, peers answer some support requests"),
);

const selfServiceSchema = defaulted(
  z
    .strictObject({
      enabled: z.boolean().default(false).describe("self-service platform in place (levels 4-5)"),
      supportReduction: probability
        .default(0.5)
        .describe("share of expert-support requests that self-service documentation and tooling removes"),
    })
    .describe("self-service platform: fewer requests reach the hub"),
);

const organisationSchema = defaulted(
  z
    .strictObject({
      hub: hubSchema,
      spokes: spokesSchema,
      pilotTeams: pilotTeamsSchema,
      support: supportSchema,
      guilds: guildsSchema,
      selfService: selfServiceSchema,
    })
    .describe("MODEL.md section 2: hub, spokes, dedicated teams, guilds"),
);

// ---------------------------------------------------------------------------------------------------- demand

const businessUnitSchema = z
  .strictObject({
    name: z.string().min(1).default("unit-1").describe("business unit name"),
    tenant: z
      .string()
      .default("")
      .superRefine((name, ctx) => {
        const problem = tenantNameProblem(name);
        if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
      })
      .describe("platform tenant of the unit; empty = the unit's name"),
    region: z.string().default("").describe("data-residency region of the unit's jobs; empty = default"),
    ratePerMonth: nonNegative
      .max(MAX_IDEAS_PER_MONTH)
      .default(1)
      .describe(`mean number of new ideas per month (Poisson), at most ${MAX_IDEAS_PER_MONTH}`),
    ramp: defaulted(
      z
        .strictObject({
          months: nonNegative.default(0).describe("months over which the rate ramps up; 0 = no ramp"),
          startFactor: nonNegative.default(1).describe("rate at month 0 as a multiple of ratePerMonth"),
        })
        .describe("linear ramp of the arrival rate from startFactor x rate to rate"),
    ),
  })
  .superRefine((unit, ctx) => {
    if (unit.tenant !== "") return;
    const problem = tenantNameProblem(unit.name);
    if (problem !== undefined)
      ctx.addIssue({ code: "custom", path: ["name"], message: `as the unit's tenant, ${problem}` });
  })
  .describe("a business unit submitting AI ideas");

const valueSchema = defaulted(
  z
    .strictObject({
      revenue: distributionSchema
        .default({ dist: "lognormal", mean: 900_000, sd: 700_000 })
        .describe("annual value of revenue-generating ideas"),
      costReduction: distributionSchema
        .default({ dist: "lognormal", mean: 700_000, sd: 450_000 })
        .describe("annual value of cost-reduction ideas"),
      riskMitigation: distributionSchema
        .default({ dist: "lognormal", mean: 500_000, sd: 400_000 })
        .describe("annual value of risk-mitigation ideas"),
      innovation: distributionSchema
        .default({ dist: "lognormal", mean: 400_000, sd: 500_000 })
        .describe("annual value of innovation ideas"),
    })
    .describe("expected annual value (currency per year) of an idea by business-impact type"),
);

const demandSchema = defaulted(
  z
    .strictObject({
      businessUnits: z
        .array(businessUnitSchema)
        .min(1)
        .default([
          { name: "unit-1", tenant: "", region: "", ratePerMonth: 1, ramp: { months: 0, startFactor: 1 } },
        ])
        .superRefine((units, ctx) => {
          const seen = new Set<string>();
          units.forEach((u, i) => {
            if (seen.has(u.name))
              ctx.addIssue({
                code: "custom",
                path: [i, "name"],
                message: `business unit name ${JSON.stringify(u.name)} is used twice; names must be unique`,
              });
            seen.add(u.name);
          });
        })
        .describe("business units; each is a Poisson source of ideas"),
      category: percentWeights(
        ["classification", "regression", "clustering", "nlp", "computerVision", "timeSeries"],
        { classification: 30, regression: 20, clustering: 10, nlp: 15, computerVision: 10, timeSeries: 15 },
      ).describe("mix of arriving ideas by model category, percent"),
      impact: percentWeights(["revenue", "costReduction", "riskMitigation", "innovation"], {
        revenue: 35,
        costReduction: 35,
        riskMitigation: 15,
        innovation: 15,
      }).describe("mix of arriving ideas by business-impact type, percent"),
      horizon: percentWeights(["quickWin", "medium", "longBet"], {
        quickWin: 40,
        medium: 35,
        longBet: 25,
      }).describe("mix of arriving ideas by time horizon, percent"),
      risk: percentWeights(["low", "medium", "high"], { low: 50, medium: 35, high: 15 }).describe(
        "mix of arriving ideas by risk profile, percent",
      ),
      annualValue: valueSchema,
      successProbability: defaulted(
        z
          .strictObject({
            low: probability.default(0.7).describe("low-risk ideas (proven use cases)"),
            medium: probability.default(0.5).describe("medium-risk ideas"),
            high: probability.default(0.3).describe("high-risk ideas (moonshots)"),
          })
          .describe(
            "latent probability of technical success by risk profile, before standards and templates",
          ),
      ),
      criticality: distributionSchema
        .default({ dist: "beta", alpha: 2, beta: 3 })
        .describe("business criticality in [0, 1] of a model in production (drives the service tier)"),
      initialProjects: count
        .default(0)
        .describe("projects already running at month 0 on dedicated teams (not scored, not prioritised)"),
    })
    .describe("MODEL.md section 1: the idea pipeline"),
);

// ------------------------------------------------------------------------------------------------- portfolio

const scoringSchema = defaulted(
  z
    .strictObject({
      weights: percentWeights(
        ["businessValue", "strategicAlignment", "technicalFeasibility", "resourceRequirements", "risk"],
        {
          businessValue: 30,
          strategicAlignment: 20,
          technicalFeasibility: 20,
          resourceRequirements: 15,
          risk: 15,
        },
      ).describe("points per dimension (Pattern 8: 30/20/20/15/15)"),
      noiseSd: nonNegative
        .default(0.08)
        .describe("sd of the assessment noise added to each dimension score (scores are in [0, 1])"),
      valueForZeroScore: positive
        .default(50_000)
        .describe("annual value scoring 0 on business value (log scale between the two bounds)"),
      valueForFullScore: positive.default(3_000_000).describe("annual value scoring full business value"),
      effortForZeroScorePersonWeeks: positive
        .default(120)
        .describe("total effort (person-weeks) scoring 0 on resource requirements; 0 effort scores full"),
      alignmentByImpact: defaulted(
        z
          .strictObject({
            revenue: probability.default(0.85).describe("revenue ideas"),
            costReduction: probability.default(0.75).describe("costReduction ideas"),
            riskMitigation: probability.default(0.7).describe("riskMitigation ideas"),
            innovation: probability.default(0.6).describe("innovation ideas"),
          })
          .describe("mean strategic-alignment score by business-impact type"),
      ),
      riskScore: defaulted(
        z
          .strictObject({
            low: probability.default(0.9).describe("low-risk ideas"),
            medium: probability.default(0.6).describe("medium-risk ideas"),
            high: probability.default(0.3).describe("high-risk ideas"),
          })
          .describe("risk-dimension score by risk profile (low risk scores high)"),
      ),
    })
    .superRefine((s, ctx) => {
      if (s.valueForZeroScore >= s.valueForFullScore)
        ctx.addIssue({
          code: "custom",
          path: ["valueForFullScore"],
          message: `valueForZeroScore (${s.valueForZeroScore}) must be < valueForFullScore (${s.valueForFullScore})`,
        });
    })
    .describe(
      "scoring of ideas on the five dimensions of Pattern 8, derived from their attributes plus noise",
    ),
);

const tiersSchema = defaulted(
  z
    .strictObject({
      fastTrack: z.number().min(0).max(100).default(80).describe("score from which an idea is fast-tracked"),
      nextCycle: z
        .number()
        .min(0)
        .max(100)
        .default(60)
        .describe("score from which it is approved next cycle"),
      deferred: z
        .number()
        .min(0)
        .max(100)
        .default(40)
        .describe("score from which it is deferred, below rejected"),
      rescoreAfterMonths: nonNegative
        .default(6)
        .describe("deferred ideas are re-scored after this many months"),
      maxDeferrals: count.default(1).describe("re-scores a deferred idea gets before it is rejected"),
    })
    .superRefine((t, ctx) => {
      if (!(t.deferred <= t.nextCycle && t.nextCycle <= t.fastTrack))
        ctx.addIssue({
          code: "custom",
          path: ["fastTrack"],
          message: `tier thresholds must satisfy deferred (${t.deferred}) <= nextCycle (${t.nextCycle}) <= fastTrack (${t.fastTrack})`,
        });
    })
    .describe("prioritisation tiers (Pattern 8)"),
);

const balancingSchema = defaulted(
  z
    .strictObject({
      enabled: z.boolean().default(false).describe("steer selection toward the target mixes (Pattern 9)"),
      strength: nonNegative
        .default(0.5)
        .describe("score points added per percentage point a candidate's buckets are under target"),
      alertThresholdPoints: nonNegative
        .default(10)
        .describe("an alert is raised when a bucket's share of active projects is this far from target"),
      impact: percentWeights(["revenue", "costReduction", "riskMitigation", "innovation"], {
        revenue: 40,
        costReduction: 30,
        riskMitigation: 20,
        innovation: 10,
      }).describe("target mix by business impact (Pattern 9: 40/30/20/10)"),
      horizon: percentWeights(["quickWin", "medium", "longBet"], {
        quickWin: 50,
        medium: 30,
        longBet: 20,
      }).describe("target mix by time horizon (Pattern 9: 50/30/20)"),
      risk: percentWeights(["low", "medium", "high"], { low: 60, medium: 30, high: 10 }).describe(
        "target mix by risk profile (Pattern 9: 60/30/10)",
      ),
    })
    .describe(
      "portfolio balancing toward target mixes, with alerts (alerts are reported even when disabled)",
    ),
);

const portfolioSchema = defaulted(
  z
    .strictObject({
      scoring: scoringSchema,
      tiers: tiersSchema,
      reviewEveryMonths: positive
        .min(MIN_REVIEW_MONTHS)
        .default(1)
        .describe("portfolio review cadence in months (Pattern 10: monthly)"),
      backlogExpiryMonths: positive
        .default(12)
        .describe("an eligible idea not started within this many months leaves the backlog"),
      balancing: balancingSchema,
    })
    .describe("MODEL.md section 1: prioritisation, reviews and balancing"),
);

// ------------------------------------------------------------------------------------------------- lifecycle

const effortSchema = defaulted(
  z
    .strictObject({
      data: distributionSchema.default({ dist: "pert", min: 3, mode: 8, max: 20 }).describe("data phase"),
      features: distributionSchema
        .default({ dist: "pert", min: 2, mode: 6, max: 16 })
        .describe("features phase"),
      modelDev: distributionSchema
        .default({ dist: "pert", min: 3, mode: 9, max: 24 })
        .describe("modelDev phase"),
      validation: distributionSchema
        .default({ dist: "pert", min: 1, mode: 4, max: 10 })
        .describe("validation phase"),
      deployment: distributionSchema
        .default({ dist: "pert", min: 2, mode: 5, max: 12 })
        .describe("deployment phase"),
    })
    .describe("base effort per phase in person-weeks, before reuse (PERT by default)"),
);

const componentSchema = z
  .strictObject({
    name: z.string().min(1).default("component").describe("component name"),
    phase: phaseEnum.default("data").describe("phase whose effort the component replaces"),
    effortShare: probability.default(0.2).describe("share of that phase's effort the component covers"),
    reuseRate: probability
      .default(0.8)
      .describe("share of projects that reuse it when it exists (Pattern 1)"),
  })
  .describe("a reusable component of the library");

const libraryDefault = [
  { name: "data connectors", phase: "data" as const, effortShare: 0.3, reuseRate: 0.95 },
  { name: "cleaning transforms", phase: "data" as const, effortShare: 0.25, reuseRate: 0.8 },
  { name: "validation", phase: "data" as const, effortShare: 0.2, reuseRate: 0.9 },
  { name: "feature encoding", phase: "features" as const, effortShare: 0.2, reuseRate: 0.85 },
  { name: "monitoring", phase: "deployment" as const, effortShare: 0.25, reuseRate: 0.75 },
];

const librarySchema = defaulted(
  z
    .strictObject({
      initialCompleteness: probability
        .default(0)
        .describe("completeness of the component library at month 0"),
      completenessPerPlatformFteMonth: nonNegative
        .default(0.012)
        .describe("share of the missing library one hub platform FTE builds per month (diminishing returns)"),
      components: z
        .array(componentSchema)
        .default(libraryDefault)
        .describe(describeGuideInput("lifecycle.library.components", "components and their reuse rates")),
    })
    .superRefine((lib, ctx) => {
      const byPhase = new Map<string, number>();
      for (const c of lib.components) byPhase.set(c.phase, (byPhase.get(c.phase) ?? 0) + c.effortShare);
      for (const [phase, share] of byPhase)
        if (share > 1 + 1e-9)
          ctx.addIssue({
            code: "custom",
            path: ["components"],
            message: `effortShare of the ${phase} components must add up to at most 1, got ${share}`,
          });
    })
    .describe("component library (Pattern 1); saving = effortShare x reuseRate x completeness"),
);

const featureStoreSchema = defaulted(
  z
    .strictObject({
      enabled: z.boolean().default(false).describe("feature store in place (Pattern 2)"),
      maxSaving: probability
        .default(0.7)
        .describe(
          describeGuideInput(
            "lifecycle.featureStore.maxSaving",
            "feature-engineering effort saved on a family already built",
          ),
        ),
      families: z
        .number()
        .int()
        .min(1)
        .max(COUNT_LIMIT)
        .default(12)
        .describe("number of feature families in the enterprise"),
      familiesPerProject: z
        .number()
        .int()
        .min(1)
        .max(COUNT_LIMIT)
        .default(3)
        .describe("families one project needs"),
      popularityExponent: nonNegative
        .default(1)
        .describe("Zipf exponent of family popularity (0 = uniform); popular families are reused most"),
      computeSaving: probability
        .default(0.9)
        .describe(
          describeGuideInput(
            "lifecycle.featureStore.computeSaving",
            "feature computation saved on a built family",
          ),
        ),
      featureComputeShare: probability
        .default(0.3)
        .describe("share of a training job's run time spent computing features"),
    })
    .superRefine((f, ctx) => {
      if (f.familiesPerProject > f.families)
        ctx.addIssue({
          code: "custom",
          path: ["familiesPerProject"],
          message: `familiesPerProject (${f.familiesPerProject}) must be <= families (${f.families})`,
        });
    })
    .describe("feature store: a family is built once and reused by later projects"),
);

const modelTemplatesSchema = defaulted(
  z
    .strictObject({
      enabled: z.boolean().default(false).describe("model templates in place (Pattern 3)"),
      adoption: defaulted(
        z
          .strictObject({
            classification: probability.default(0.85).describe("classification projects"),
            regression: probability.default(0.78).describe("regression projects"),
            clustering: probability.default(0.65).describe("clustering projects"),
            nlp: probability.default(0.7).describe("nlp projects"),
            computerVision: probability.default(0.6).describe("computerVision projects"),
            timeSeries: probability.default(0.72).describe("timeSeries projects"),
          })
          .describe(
            describeGuideInput(
              "lifecycle.modelTemplates.adoption",
              "probability that a project of each category adopts a template",
            ),
          ),
      ),
      effortSaving: probability
        .default(0.5)
        .describe("model-development effort saved by an adopted template"),
      validationSaving: probability
        .default(0.3)
        .describe("validation effort saved (templates generate fairness, explainability, model card)"),
      failureReduction: probability
        .default(0.3)
        .describe("share of the latent failure probability removed by an adopted template"),
    })
    .describe("model templates: adoption by category"),
);

const deploymentTemplatesSchema = defaulted(
  z
    .strictObject({
      enabled: z.boolean().default(false).describe("deployment templates in place (Pattern 4)"),
      successRate: probability
        .default(0.95)
        .describe(
          describeGuideInput(
            "lifecycle.deploymentTemplates.successRate",
            "success of one templated deployment attempt",
          ),
        ),
      manualSuccessRate: probability
        .default(0.7)
        .describe(
          describeGuideInput(
            "lifecycle.deploymentTemplates.manualSuccessRate",
            "success of one manual deployment attempt",
          ),
        ),
      timeSaving: probability
        .default(0.8)
        .describe(
          describeGuideInput(
            "lifecycle.deploymentTemplates.timeSaving",
            "deployment effort saved by templates",
          ),
        ),
      maxAttempts: z
        .number()
        .int()
        .min(1)
        .max(COUNT_LIMIT)
        .default(3)
        .describe("attempts before the project fails"),
      reworkShare: probability
        .default(0.5)
        .describe("share of the deployment effort a failed attempt redoes"),
    })
    .describe("deployment templates: success per attempt and effort"),
);

const trainingSchema = defaulted(
  z
    .strictObject({
      jobsPerProject: count.default(2).describe("training jobs model development submits (run in parallel)"),
      nodes: z.number().int().min(1).max(COUNT_LIMIT).default(2).describe("nodes per training job"),
      runHours: distributionSchema
        .default({ dist: "lognormal", mean: 10, sd: 6 })
        .describe("run time of one training job in hours"),
      priority: z.number().int().default(1).describe("job priority (lower runs first)"),
    })
    .describe("compute jobs of model development; the phase cannot end before they do"),
);

const productionSchema = defaulted(
  z
    .strictObject({
      realisation: probability.default(0.8).describe("share of the expected annual value realised"),
      valueRampMonths: nonNegative
        .default(6)
        .describe("months over which value ramps up linearly after go-live"),
      retrainEveryDays: nonNegative.default(90).describe("retraining cadence in days (0 = never)"),
      retrainAutomated: z
        .boolean()
        .default(false)
        .describe("retraining is triggered automatically (level 4); otherwise a person must act"),
      manualRetrainDelayDays: distributionSchema
        .default({ dist: "exponential", mean: 5 })
        .describe("delay before a manual retraining is submitted, days"),
      decayPerMonthOverdue: probability
        .default(0.1)
        .describe("share of a model's value lost per month while retraining is overdue"),
      retrainNodes: z.number().int().min(1).max(COUNT_LIMIT).default(1).describe("nodes per retraining job"),
      retrainRunHours: distributionSchema
        .default({ dist: "lognormal", mean: 4, sd: 2 })
        .describe("run time of a retraining job in hours"),
      valueHalvingRank: nonNegative
        .default(0)
        .describe(
          "diminishing returns per business unit: the k-th model to go live in a unit realises 1 / (1 + (k - 1) " +
            "/ this) of its value, so model number this + 1 is worth half the first (a unit does its best use " +
            "cases first: the law of diminishing marginal returns; an assumption, the guide gives no figure); " +
            "0 = every model keeps its full value (the default, as before)",
        ),
      lifetimeMonths: z
        .union([z.literal("never"), distributionSchema])
        .default("never")
        .describe(
          "lifetime of a model in production, months from go-live (drawn per model); at its end the model " +
            "retires: no more value or retraining. never = models never retire (the default, as before)",
        ),
    })
    .describe("models in production: value ramp, retraining, decay, diminishing returns and retirement"),
);

const blockersSchema = defaulted(
  z
    .strictObject({
      ratePerProjectWeek: nonNegative
        .default(0.1)
        .describe("blocking problems per week of phase work (Poisson)"),
      resolutionDays: distributionSchema
        .default({ dist: "lognormal", mean: 10, sd: 6 })
        .describe("days to resolve one blocker without guilds"),
    })
    .describe("blocking problems during phases (Pattern 14)"),
);

const lifecycleSchema = defaulted(
  z
    .strictObject({
      effortPersonWeeks: effortSchema,
      horizonEffortMultiplier: defaulted(
        z
          .strictObject({
            quickWin: positive.default(0.6).describe("quick wins (3-6 months)"),
            medium: positive.default(1).describe("medium-term ideas (6-12 months)"),
            longBet: positive.default(1.8).describe("long-term bets (12+ months)"),
          })
          .describe("effort multiplier by time horizon"),
      ),
      library: librarySchema,
      featureStore: featureStoreSchema,
      modelTemplates: modelTemplatesSchema,
      deploymentTemplates: deploymentTemplatesSchema,
      failureReveal: percentWeights(["data", "features", "modelDev", "validation"], {
        data: 15,
        features: 15,
        modelDev: 45,
        validation: 25,
      }).describe("phase at whose end a latent failure becomes visible, percent"),
      training: trainingSchema,
      blockers: blockersSchema,
      production: productionSchema,
    })
    .describe("MODEL.md section 3: phases, reuse, success and production"),
);

// ------------------------------------------------------------------------------------------------ governance

const governanceSchema = defaulted(
  z
    .strictObject({
      gates: defaulted(
        z
          .strictObject({
            afterPhases: z
              .array(phaseEnum)
              .default(["data", "modelDev", "validation"])
              .describe("phases followed by a gate review (go/no-go)"),
            reviewHours: distributionSchema
              .default({ dist: "pert", min: 2, mode: 4, max: 12 })
              .describe("reviewer hours one gate review takes"),
            withoutHubDelayDays: distributionSchema
              .default({ dist: "uniform", min: 5, max: 30 })
              .describe("days a gate takes when the hub has no reviewers (ad-hoc steering committee)"),
          })
          .describe("gate reviews between phases, staffed by hub reviewers (a queue)"),
      ),
      standards: defaulted(
        z
          .strictObject({
            enabled: z.boolean().default(false).describe("enterprise standards enforced"),
            failureReduction: probability
              .default(0.35)
              .describe(
                describeGuideInput(
                  "governance.standards.failureReduction",
                  "share of the latent failure probability removed by standards",
                ),
              ),
          })
          .describe("enterprise standards (case study 1: success 60% -> 85%)"),
      ),
      killEarly: defaulted(
        z
          .strictObject({
            enabled: z
              .boolean()
              .default(false)
              .describe("kill projects at the first gate after a failure shows"),
            maxOverrunRatio: z
              .number()
              .min(1)
              .default(2.5)
              .describe("also kill at a gate when the overrun (see overrunBasis) exceeds this ratio"),
            overrunBasis: z
              .enum(["effort", "elapsed"])
              .default("effort")
              .describe(
                "what the overrun compares: 'effort' = work done so far / expected work of the phases started " +
                  "(same savings on both sides, waits excluded on both sides: like with like); 'elapsed' = " +
                  "days since start / expected work days (the pre-0.x rule: waits count against the project)",
              ),
          })
          .describe("kill-early policy; without it a revealed failure runs on to the validation gate"),
      ),
      automatedValidationSaving: probability
        .default(0)
        .describe("validation effort saved by automated governance (level 5)"),
      automatedReviewSaving: z
        .union([probability, z.literal("asValidation")])
        .default("asValidation")
        .describe(
          "gate-review time saved by automated governance (automated checks do part of the reviewer's work); " +
            "asValidation = automatedValidationSaving (issue 10 point 2: automated governance shortens reviews too)",
        ),
      portfolioReset: defaulted(
        z
          .strictObject({
            enabled: z.boolean().default(false).describe("apply the one-off portfolio reset (case study 3)"),
            atMonth: nonNegative.default(3).describe("month of the reset"),
            killBottom: count
              .default(15)
              .describe("active projects with the lowest re-score that are killed"),
            doubleDownTop: count
              .default(10)
              .describe("active projects with the highest re-score that get more staff"),
            staffingMultiplier: z
              .number()
              .min(1)
              .default(2)
              .describe("team FTE multiplier of the top projects"),
          })
          .describe("score all active projects, kill the bottom ones and double down on the top ones"),
      ),
    })
    .describe("governance: gates, standards, kill-early and portfolio reset"),
);

// --------------------------------------------------------------------------------------------------- roadmap

const effectSchema = z
  .strictObject({
    path: parameterPathSchema
      .default("organisation.hub.fte")
      .describe("dotted path of the parameter to change, e.g. organisation.spokes.count"),
    value: z
      .union([z.number(), z.boolean(), z.string()])
      .default(0)
      .describe("new value (a number, true/false, or one of the parameter's options, e.g. multiModel)"),
  })
  .describe("one parameter change");

const investmentSchema = z
  .strictObject({
    name: z.string().min(1).default("investment").describe("name, e.g. 'Build the AI CoE'"),
    startMonth: nonNegative.default(0).describe("month the investment starts"),
    durationMonths: nonNegative.default(0).describe("months until its effects apply"),
    cost: nonNegative.default(0).describe("total one-off cost, spread evenly over the duration"),
    effects: z
      .array(effectSchema)
      .default([])
      .describe("parameter changes applied when the investment completes"),
  })
  .describe("an investment on the roadmap");

const roadmapSchema = defaulted(
  z
    .strictObject({
      investments: z.array(investmentSchema).default([]).describe("investments, in any order"),
    })
    .superRefine((roadmap, ctx) => {
      roadmap.investments.forEach((inv, i) => {
        inv.effects.forEach((effect, j) => {
          const problem = effectProblem(effect.path, effect.value);
          if (problem !== undefined)
            ctx.addIssue({
              code: "custom",
              path: ["investments", i, "effects", j, "path"],
              message: problem,
            });
        });
      });
    })
    .describe("MODEL.md section 5: investments over time that change parameters"),
);

// --------------------------------------------------------------------------------------------------- finance

const financeSchema = defaulted(
  z
    .strictObject({
      discountRatePerYear: nonNegative.default(0.08).describe("annual discount rate of the NPV"),
      loadedCostPerFteYear: defaulted(
        z
          .strictObject({
            hub: nonNegative.default(200_000).describe("hub (CoE) staff"),
            spoke: nonNegative.default(170_000).describe("spoke team members"),
            pilot: nonNegative.default(180_000).describe("dedicated pilot-team members (often contractors)"),
          })
          .describe("loaded cost per FTE and year, by role"),
      ),
      terminalValueMonths: nonNegative
        .default(0)
        .describe(
          "terminal value: the models live at the horizon keep yielding their last month's value for this many " +
            "months (or until their drawn retirement, if sooner), discounted like the NPV and reported as " +
            "terminalValue and npv.withTerminalValue; 0 = no terminal value (the default)",
        ),
      level1CostPerProject: nonNegative
        .default(0)
        .describe(
          "your own reference cost per delivered project at level 1, for 'cost efficiency vs level 1'; 0 (the " +
            "default) = no such KPI in a run (the maturity ladder computes it from its level-1 rung on the same random numbers)",
        ),
    })
    .describe("MODEL.md section 6: money"),
);

/**
 * The delivery sections of the scenario, as a zod shape to spread into the top-level scenario object
 * (src/scenario/schema.ts composes it with the platform section).
 */
export const deliverySchemaShape = {
  organisation: organisationSchema,
  demand: demandSchema,
  portfolio: portfolioSchema,
  lifecycle: lifecycleSchema,
  governance: governanceSchema,
  roadmap: roadmapSchema,
  finance: financeSchema,
};

/** The delivery sections alone, as one strict object (used by the model's tests and for path checks). */
export const deliverySchema = z.strictObject(deliverySchemaShape);

/** Parsed delivery sections: what src/model reads. */
export type DeliveryConfig = z.output<typeof deliverySchema>;

let defaultConfig: DeliveryConfig | undefined;

/**
 * Why a roadmap effect cannot apply, or undefined when it can, judged on the delivery sections' defaults: the path
 * must name a number or boolean leaf (a did-you-mean when a step names nothing) and the value must have the same
 * type. Paths outside the delivery sections (the platform's, the top-level fields) or through a list (`demand.businessUnits[2].ratePerMonth`) depend on the
 * whole scenario and are left to the scenario's own check (effect-validation.ts), which also checks every value.
 */
export function effectProblem(path: string, value: number | boolean | string): string | undefined {
  const malformed = pathProblem(path);
  if (malformed !== undefined) return `roadmap effect path: ${malformed}`;
  const keys = pathKeys(path);
  if (!Object.hasOwn(deliverySchemaShape, keys[0]!) || keys.some((key) => /^\d+$/.test(key)))
    return undefined;
  defaultConfig ??= deliverySchema.parse({});
  return effectPathProblem(defaultConfig, path, value);
}
