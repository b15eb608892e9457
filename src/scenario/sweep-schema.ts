/**
 * Zod schema of a sweep file: which base scenario, which parameters (dotted paths into the scenario) over which
 * values or ranges, how points are sampled, how many replications per point and which KPIs matter. Issues are
 * reported through the scenario loader (same `file:line:column  path: message` style as scenarios).
 *
 * @example
 * # scenarios/sweeps/hub-size.yaml
 * name: hub-size
 * base: level-3                      # preset name or scenario file (relative to this file)
 * sampling: latin-hypercube          # grid | latin-hypercube | one-at-a-time
 * points: 40                         # latin-hypercube only
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
    sampling: z.enum(["grid", "latin-hypercube", "one-at-a-time"]).default("grid"),
    points: z
      .number()
      .int()
      .min(2)
      .max(MAX_SWEEP_DESIGN_POINTS)
      .optional()
      .describe("number of Latin hypercube points"),
    kpis: z.array(z.string().min(1)).min(1).optional().describe("KPIs kept per point (default: all)"),
    tornado: z.boolean().default(true).describe("add the one-at-a-time points behind the tornado chart"),
    parameters: z.array(sweepParameterSchema).min(1),
  })
  .refine((s) => s.sampling !== "latin-hypercube" || s.points !== undefined, {
    message: "latin-hypercube sampling needs points: <n>",
    path: ["points"],
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
 * Number of points a sweep plans (sweep-design.ts's planPoints): the design (grid product, or the Latin
 * hypercube's points) plus, with the tornado or one-at-a-time sampling, the base and a low and high point per
 * parameter. Computed without planning, so an oversized grid is refused before it is built; capped at 2^53.
 */
export function sweepPointCount(sweep: {
  sampling: "grid" | "latin-hypercube" | "one-at-a-time";
  points?: number | undefined;
  tornado: boolean;
  parameters: readonly { values?: readonly unknown[] | undefined; range?: { steps: number } | undefined }[];
}): number {
  let design = 0;
  if (sweep.sampling === "grid") {
    design = 1;
    for (const p of sweep.parameters)
      design = Math.min(Number.MAX_SAFE_INTEGER, design * (p.values?.length ?? p.range?.steps ?? 1));
  } else if (sweep.sampling === "latin-hypercube") design = sweep.points ?? 0;
  const tornado = sweep.tornado || sweep.sampling === "one-at-a-time" ? 1 + 2 * sweep.parameters.length : 0;
  return design + tornado;
}

/** A validated sweep (defaults filled). `baseDir` resolves a relative base file (set by loadSweep). */
export type Sweep = z.output<typeof sweepSchema> & { baseDir?: string };

/** One validated sweep parameter. */
export type SweepParameter = z.output<typeof sweepParameterSchema>;
