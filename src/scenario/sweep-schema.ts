/**
 * Zod schema of a sweep file: which base scenario, which parameters (dotted paths into the scenario) over which
 * values or ranges, how points are sampled, how many replications per point and which KPIs matter. Issues are
 * reported through the scenario loader (same `file:line:column  path: message` style as scenarios).
 *
 * @example
 * # scenarios/sweeps/hub-size.yaml
 * name: hub-size
 * base: level-3                      # preset name or scenario file (relative to this file)
 * sampling: latin-hypercube          # grid | latin-hypercube | one-at-a-time | sobol | morris
 * points: 40                         # latin-hypercube points, or sobol base samples
 * # trajectories: 10                 # morris only (levels: 4 by default)
 * replications: 50                   # per point
 * kpis: [deliveredTotal, timeToMarketDays]
 * parameters:
 *   - path: organisation.spokes.count
 *     range: { min: 2, max: 12, steps: 6 }
 *     integer: true
 *   - path: platform.cluster.maxNodes
 *     values: [8, 16, 32]
 */
import { z } from "zod";
import {
  MAX_REPLICATIONS,
  MAX_SOBOL_PARAMETERS,
  MAX_SWEEP_DESIGN_POINTS,
  MAX_SWEEP_PARAMETER_VALUES,
  MAX_SWEEP_POINTS,
  MAX_SWEEP_REPLICATIONS,
} from "./limits.ts";
import { parameterPathSchema } from "./parameter-path.ts";

const scalar = z.union([z.number(), z.string(), z.boolean()]);

/** One swept parameter: a dotted path with either a list of values or a numeric range. */
export const sweepParameterSchema = z
  .strictObject({
    path: parameterPathSchema.describe(
      "dotted path of the scenario field to vary, e.g. organisation.spokes.count or platform.clusters[0].maxNodes",
    ),
    values: z
      .array(scalar)
      .min(1)
      .max(MAX_SWEEP_PARAMETER_VALUES)
      .optional()
      .describe("the values to try (grid) or to sample from"),
    range: z
      .strictObject({
        min: z.number(),
        max: z.number(),
        steps: z
          .number()
          .int()
          .min(2)
          .max(MAX_SWEEP_PARAMETER_VALUES)
          .default(5)
          .describe("grid values from min to max, evenly spaced"),
      })
      .refine((r) => r.min < r.max, { message: "range.min must be < range.max", path: ["max"] })
      .optional(),
    integer: z.boolean().default(false).describe("round range values to whole numbers"),
  })
  .refine((p) => (p.values === undefined) !== (p.range === undefined), {
    message: "give exactly one of values or range",
    path: ["values"],
  });

/** A scenario-discovery question: the region of the parameters where a KPI's mean stays below or above a bound. */
export const sweepBoxSchema = z
  .strictObject({
    kpi: z.string().min(1),
    below: z.number().optional(),
    above: z.number().optional(),
    threshold: z
      .number()
      .gt(0)
      .max(1)
      .default(0.8)
      .describe("share of the box's points that must meet the bound (PRIM density)"),
  })
  .refine((b) => (b.below === undefined) !== (b.above === undefined), {
    message: "give exactly one of below or above",
    path: ["below"],
  });

/** The sweep file. */
export const sweepSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe("name of the sweep (default: the file name)"),
    description: z.string().optional(),
    base: z
      .string()
      .min(1)
      .describe("base scenario: a preset name or a scenario file relative to the sweep file"),
    seed: z.number().int().optional().describe("master seed; every point uses it (common random numbers)"),
    replications: z
      .number()
      .int()
      .min(2)
      .max(MAX_REPLICATIONS)
      .default(30)
      .describe("replications per point"),
    sampling: z.enum(["grid", "latin-hypercube", "one-at-a-time", "sobol", "morris"]).default("grid"),
    points: z
      .number()
      .int()
      .min(2)
      .max(MAX_SWEEP_DESIGN_POINTS)
      .optional()
      .describe("number of Latin hypercube points, or of Sobol' base samples (n (k + 2) points are run)"),
    trajectories: z
      .number()
      .int()
      .min(2)
      .max(MAX_SWEEP_DESIGN_POINTS)
      .optional()
      .describe("number of Morris trajectories (r (k + 1) points are run)"),
    levels: z
      .number()
      .int()
      .min(2)
      .max(MAX_SWEEP_PARAMETER_VALUES)
      .multipleOf(2)
      .optional()
      .describe("Morris grid levels (even; default 4)"),
    kpis: z.array(z.string().min(1)).min(1).optional().describe("KPIs kept per point (default: all)"),
    tornado: z.boolean().default(true).describe("add the one-at-a-time points behind the tornado chart"),
    boxes: z
      .array(sweepBoxSchema)
      .min(1)
      .optional()
      .describe('scenario discovery: "where does KPI x stay below (or above) y", answered with a PRIM box'),
    parameters: z.array(sweepParameterSchema).min(1),
  })
  .refine((s) => s.sampling !== "latin-hypercube" || s.points !== undefined, {
    message: "latin-hypercube sampling needs points: <n>",
    path: ["points"],
  })
  .refine((s) => s.sampling !== "sobol" || s.points !== undefined, {
    message: "sobol sampling needs points: <n> (base samples; a power of 2 such as 256)",
    path: ["points"],
  })
  .refine((s) => s.sampling !== "morris" || s.trajectories !== undefined, {
    message: "morris sampling needs trajectories: <r> (10 to 20 is usual)",
    path: ["trajectories"],
  })
  .refine((s) => s.sampling !== "sobol" || s.parameters.length <= MAX_SOBOL_PARAMETERS, {
    message: `sobol sampling supports at most ${MAX_SOBOL_PARAMETERS} parameters`,
    path: ["parameters"],
  })
  .refine((s) => new Set(s.parameters.map((p) => p.path)).size === s.parameters.length, {
    message: "each parameter path may appear only once",
    path: ["parameters"],
  })
  .superRefine((s, ctx) => {
    const points = sweepPointCount(s);
    if (points > MAX_SWEEP_POINTS) {
      ctx.addIssue({
        code: "custom",
        path: ["parameters"],
        message: `this sweep has ${points > 1e15 ? "more than 10^15" : points} points; at most ${MAX_SWEEP_POINTS} are allowed (fewer values or steps, or latin-hypercube sampling)`,
      });
      return;
    }
    if (points * s.replications > MAX_SWEEP_REPLICATIONS) {
      ctx.addIssue({
        code: "custom",
        path: ["replications"],
        message: `${points} points x ${s.replications} replications = ${points * s.replications} replications; at most ${MAX_SWEEP_REPLICATIONS} are allowed`,
      });
    }
  });

/**
 * Number of points a sweep plans (sweep-design.ts's planPoints): the design (grid product, the Latin
 * hypercube's points, Sobol' n (k + 2) or Morris r (k + 1)) plus, with the tornado or one-at-a-time sampling, the base and a low and high point per
 * parameter. Computed without planning, so an oversized grid is refused before it is built; capped at 2^53.
 */
export function sweepPointCount(sweep: {
  sampling: "grid" | "latin-hypercube" | "one-at-a-time" | "sobol" | "morris";
  points?: number | undefined;
  trajectories?: number | undefined;
  tornado: boolean;
  parameters: readonly { values?: readonly unknown[] | undefined; range?: { steps: number } | undefined }[];
}): number {
  let design = 0;
  if (sweep.sampling === "grid") {
    design = 1;
    for (const p of sweep.parameters)
      design = Math.min(Number.MAX_SAFE_INTEGER, design * (p.values?.length ?? p.range?.steps ?? 1));
  } else if (sweep.sampling === "latin-hypercube") design = sweep.points ?? 0;
  else if (sweep.sampling === "sobol") design = (sweep.points ?? 0) * (sweep.parameters.length + 2);
  else if (sweep.sampling === "morris") design = (sweep.trajectories ?? 0) * (sweep.parameters.length + 1);
  const tornado = sweep.tornado || sweep.sampling === "one-at-a-time" ? 1 + 2 * sweep.parameters.length : 0;
  return design + tornado;
}

/** A validated sweep (defaults filled). `baseDir` resolves a relative base file (set by loadSweep). */
export type Sweep = z.output<typeof sweepSchema> & { baseDir?: string };

/** One validated sweep parameter. */
export type SweepParameter = z.output<typeof sweepParameterSchema>;
