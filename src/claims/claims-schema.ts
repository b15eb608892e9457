/**
 * Zod schema of a claims file: claims a planner reads in a guide or a business case ("autoscaling costs 75%
 * less"), each replayed on the model with a band the simulated quantity must lie in. Issues come back through
 * the scenario loader (`file:line:column  path: message`, load-claims.ts).
 *
 * @example
 * name: guide
 * claims:
 *   - id: autoscaling-cost
 *     text: "Autoscaling costs 75% less than a fixed 50-node cluster"
 *     source: "Pattern 11"
 *     baseline: { scenario: ../guide-claims.yaml, set: { "platform.clusters[0].vmPriority": dedicated } }
 *     treatment: ../guide-claims.yaml
 *     metric: cluster.cost
 *     measure: reduction
 *     expect: { atLeast: 0.75 }
 *     conditions:
 *       - { path: platform.clusters[0].lowPriorityDiscount, min: 0, max: 0.9 }
 */
import { z } from "zod";
import { MAX_REPLICATIONS, MAX_SWEEP_DESIGN_POINTS } from "../scenario/limits.ts";
import { parameterPathSchema } from "../scenario/parameter-path.ts";

/** Claim ids: lowercase words of letters and digits joined by dashes. */
const CLAIM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const scalar = z.union([z.number(), z.string(), z.boolean()]);

/** A replication count of a claim or of the file. */
const replicationCount = z.number().int().min(2).max(MAX_REPLICATIONS).optional();

/** A scenario of a claim: a file (relative to the claims file) or a preset, with parameter values set on it. */
export const claimScenarioSchema = z.union([
  z.string().min(1).describe("scenario file (relative to the claims file) or preset name"),
  z.strictObject({
    scenario: z.string().min(1).describe("scenario file (relative to the claims file) or preset name"),
    set: z
      .record(parameterPathSchema, scalar)
      .optional()
      .describe(
        "parameter values set on the scenario (same paths as sweeps), e.g. platform.clusters[0].minNodes",
      ),
  }),
]);

/** The band the measured quantity must lie in: exactly one of atLeast, atMost, between. */
export const claimExpectSchema = z
  .strictObject({
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    between: z
      .tuple([z.number(), z.number()])
      .refine(([low, high]) => low <= high, { message: "between: low must be <= high" })
      .optional(),
  })
  .refine((e) => [e.atLeast, e.atMost, e.between].filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of atLeast, atMost, between",
  });

/** An uncertain input sampled for "holds only if". */
export const claimConditionSchema = z
  .strictObject({
    path: parameterPathSchema.describe("scenario parameter path, set on baseline and treatment alike"),
    min: z.number(),
    max: z.number(),
    integer: z.boolean().default(false).describe("round sampled values to whole numbers"),
  })
  .refine((c) => c.min < c.max, { message: "min must be < max", path: ["max"] });

/** What is measured: the baseline's value, or the treatment against the baseline. */
export const CLAIM_MEASURES = ["value", "difference", "ratio", "reduction"] as const;

/** How a claim is treated: tested on the model, a model input, or outside what the model represents. */
export const CLAIM_STATUSES = ["test", "input", "not-modelled"] as const;

/** One claim. */
export const claimSchema = z
  .strictObject({
    id: z
      .string()
      .regex(CLAIM_ID, "id must be lowercase letters and digits joined by dashes, e.g. autoscaling-cost"),
    text: z.string().min(1).describe("the claim as the source states it"),
    source: z.string().min(1).describe("where the claim comes from, e.g. Pattern 11"),
    section: z.string().min(1).optional().describe("section of the source (maturity table, patterns, ...)"),
    status: z.enum(CLAIM_STATUSES).default("test"),
    reason: z
      .string()
      .min(1)
      .optional()
      .describe("why the claim is an input (name the parameter path in backticks) or not modelled"),
    baseline: claimScenarioSchema
      .optional()
      .describe(
        "the scenario measured; for a claim that runs nothing, the scenario it is about. A run of the baseline or treatment scenario lists the claim in its report's against-the-guide panel",
      ),
    treatment: claimScenarioSchema
      .optional()
      .describe("the scenario compared with the baseline, on common random numbers"),
    metric: z.string().min(1).optional().describe("a KPI name, or series.<name> with month"),
    month: z.number().int().min(1).optional().describe("1-based month of a series metric"),
    measure: z
      .enum(CLAIM_MEASURES)
      .default("value")
      .describe("value | difference (t - b) | ratio (t / b) | reduction (1 - t / b)"),
    expect: claimExpectSchema.optional(),
    replications: replicationCount.describe("first batch of replications of this claim"),
    maxReplications: replicationCount.describe("replication budget of sequential testing"),
    conditions: z.array(claimConditionSchema).min(1).optional(),
  })
  .superRefine((claim, ctx) => {
    if (claim.status !== "test" && claim.reason === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: `a claim with status ${claim.status} needs a reason`,
      });
    if (claim.status === "test") {
      for (const key of ["baseline", "metric", "expect"] as const) {
        if (claim[key] === undefined)
          ctx.addIssue({ code: "custom", path: [key], message: `a tested claim needs ${key}` });
      }
    }
    if (claim.measure !== "value" && claim.treatment === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["treatment"],
        message: `measure ${claim.measure} compares a treatment with the baseline: give treatment`,
      });
    const series = claim.metric?.startsWith("series.") === true;
    if (series && claim.month === undefined)
      ctx.addIssue({ code: "custom", path: ["month"], message: "a series metric needs month" });
    if (!series && claim.month !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["month"],
        message: "month applies only to series.<name> metrics",
      });
  });

/** The claims file. */
export const claimsFileSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe("name of the claims file (default: the file name)"),
    description: z.string().optional(),
    replications: replicationCount.describe(
      "first batch of replications per claim (default: 50; -n overrides)",
    ),
    maxReplications: replicationCount.describe("replication budget per claim (default: 4 x replications)"),
    points: z
      .number()
      .int()
      .min(4)
      .max(MAX_SWEEP_DESIGN_POINTS)
      .default(40)
      .describe("Latin hypercube points of holds-only-if"),
    pointReplications: z
      .number()
      .int()
      .min(1)
      .max(MAX_REPLICATIONS)
      .default(8)
      .describe("replications per holds-only-if point"),
    threshold: z.number().gt(0).max(1).default(0.8).describe("density a holds-only-if box must reach (PRIM)"),
    claims: z.array(claimSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.claims.forEach((claim, index) => {
      const first = seen.get(claim.id);
      if (first !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["claims", index, "id"],
          message: `id "${claim.id}" is already used by claims[${first}]`,
        });
      else seen.set(claim.id, index);
    });
  });

/** A claims file as validated (defaults filled in). */
export type ClaimsFile = z.output<typeof claimsFileSchema>;
/** One claim as validated. */
export type Claim = z.output<typeof claimSchema>;
/** A claim's scenario reference as written. */
export type ClaimScenario = z.output<typeof claimScenarioSchema>;
/** One condition of a claim. */
export type ClaimCondition = z.output<typeof claimConditionSchema>;
/** A claim's band. */
export type ClaimExpect = z.output<typeof claimExpectSchema>;
