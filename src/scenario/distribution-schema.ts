/**
 * Zod schema for a random quantity written in a scenario file, plus the small numeric building blocks every
 * section schema shares (probability, non-negative, positive, percent weights, min <= max).
 *
 * `distributionSchema` mirrors `DistributionSpec` of engine/random (docs/ARCHITECTURE.md): a union
 * discriminated on `dist`, one strict object per distribution. Parameter checks follow the definitions in
 * Law & Kelton, "Simulation Modeling and Analysis" (5th ed., ch. 6): scale and shape parameters > 0,
 * min <= mode <= max for triangular and PERT (Vose, "Risk Analysis", 3rd ed., §9.1.3), beta alpha, beta > 0.
 * They reject at load time what the engine's samplers would reject with a RangeError at construction.
 */
import { z } from "zod";
import {
  emptyData,
  lognormalSpread,
  modeOutsideRange,
  notAscending,
  orderedPair,
  reversedRange,
  tooSmall,
  weightsSum,
} from "./messages.ts";

/** A finite number in [0, 1]. */
export const probability = z.number().min(0).max(1).describe("probability, between 0 and 1");

/**
 * Largest magnitude of any amount, rate, size or duration in a scenario, and of a distribution parameter
 * (1e12: a trillion of any unit). Beyond it products inside the samplers and the cost ledger can overflow to
 * Infinity; no business quantity needs more.
 */
export const PARAMETER_LIMIT = 1e12;

/**
 * Largest count of anything a replication creates one by one (teams, nodes, pods, models, projects): 100 000.
 * Each is an object and events in one replication; the work estimate (work-estimate.ts) bounds their product.
 */
export const COUNT_LIMIT = 100_000;

/** A finite number in [0, PARAMETER_LIMIT]. */
export const nonNegative = z.number().min(0).max(PARAMETER_LIMIT);

/** A finite number in (0, PARAMETER_LIMIT]. */
export const positive = z.number().positive().max(PARAMETER_LIMIT);

/** A whole number in [0, COUNT_LIMIT]. */
export const count = z.number().int().min(0).max(COUNT_LIMIT);

/** A whole number in [1, COUNT_LIMIT]. */
export const countAtLeastOne = z.number().int().min(1).max(COUNT_LIMIT);

/** A distribution's location or bound: finite, |x| <= PARAMETER_LIMIT. */
const level = z.number().min(-PARAMETER_LIMIT).max(PARAMETER_LIMIT);
/** A distribution's scale: 0 < x <= PARAMETER_LIMIT. */
const scale = z.number().positive().max(PARAMETER_LIMIT);
/**
 * A shape parameter within [low, high]: outside it the rejection samplers (gamma, beta) slow down without bound
 * and power transforms (Weibull) overflow, while no realistic shape needs it.
 */
const shape = (low: number, high: number) => z.number().min(low).max(high);

const constantSpec = z
  .strictObject({
    dist: z.literal("constant"),
    value: level.describe("the value every draw returns"),
  })
  .describe("always the same value");

const uniformSpec = z
  .strictObject({
    dist: z.literal("uniform"),
    min: level.describe("lower bound"),
    max: level.describe("upper bound (>= min)"),
  })
  .superRefine((spec, ctx) => {
    if (spec.min > spec.max)
      ctx.addIssue({ code: "custom", path: ["max"], message: reversedRange(spec.min, spec.max) });
  })
  .describe("uniform between min and max");

const exponentialSpec = z
  .strictObject({
    dist: z.literal("exponential"),
    mean: scale.describe("mean (> 0); the rate is 1 / mean"),
  })
  .superRefine((spec, ctx) => {
    // the engine samples with rate = 1 / mean, which overflows for subnormal means
    if (!Number.isFinite(1 / spec.mean))
      ctx.addIssue({ code: "custom", path: ["mean"], message: tooSmall(spec.mean) });
  })
  .describe("exponential with the given mean");

const normalSpec = z
  .strictObject({
    dist: z.literal("normal"),
    mean: level.describe("mean"),
    sd: scale.describe("standard deviation (> 0)"),
  })
  .describe("normal (Gaussian)");

const lognormalSpec = z
  .strictObject({
    dist: z.literal("lognormal"),
    mean: scale.describe("mean of the distribution itself, not of its logarithm (> 0)"),
    sd: scale.describe("standard deviation of the distribution itself (> 0)"),
  })
  .superRefine((spec, ctx) => {
    // sigma^2 = ln(1 + (sd / mean)^2) must be finite for the engine's parameterisation (see engine lognormal.ts).
    if (!Number.isFinite(Math.log1p((spec.sd / spec.mean) ** 2))) {
      ctx.addIssue({ code: "custom", path: ["sd"], message: lognormalSpread(spec.mean, spec.sd) });
    }
  })
  .describe("lognormal given by its own mean and standard deviation");

const rangeWithModeShape = {
  min: level.describe("lowest possible value"),
  mode: level.describe("most likely value (min <= mode <= max)"),
  max: level.describe("highest possible value (>= min; equal to min gives a constant)"),
};

function checkRangeWithMode(
  spec: { min: number; mode: number; max: number },
  ctx: z.RefinementCtx<unknown>,
): void {
  if (spec.min > spec.max) {
    ctx.addIssue({ code: "custom", path: ["max"], message: reversedRange(spec.min, spec.max) });
  } else if (spec.mode < spec.min || spec.mode > spec.max) {
    ctx.addIssue({
      code: "custom",
      path: ["mode"],
      message: modeOutsideRange(spec.min, spec.mode, spec.max),
    });
  }
}

const triangularSpec = z
  .strictObject({ dist: z.literal("triangular"), ...rangeWithModeShape })
  .superRefine(checkRangeWithMode)
  .describe("triangular between min and max, peaking at mode");

const pertSpec = z
  .strictObject({
    dist: z.literal("pert"),
    ...rangeWithModeShape,
    lambda: shape(0.01, 1000)
      .optional()
      .describe("weight of the mode (0.01 to 1000); 4 gives the classic beta-PERT"),
  })
  .superRefine(checkRangeWithMode)
  .describe("PERT (beta-PERT) between min and max around mode");

const gammaSpec = z
  .strictObject({
    dist: z.literal("gamma"),
    shape: shape(0.01, 1e6).describe("shape k (0.01 to 1e6)"),
    scale: scale.describe("scale theta (> 0); mean = shape * scale"),
  })
  .describe("gamma");

const weibullSpec = z
  .strictObject({
    dist: z.literal("weibull"),
    shape: shape(0.1, 1000).describe("shape k (0.1 to 1000)"),
    scale: scale.describe("scale lambda (> 0)"),
  })
  .describe("Weibull");

const betaSpec = z
  .strictObject({
    dist: z.literal("beta"),
    alpha: shape(0.01, 1e6).describe("alpha (0.01 to 1e6)"),
    beta: shape(0.01, 1e6).describe("beta (0.01 to 1e6)"),
  })
  .describe("beta on [0, 1]");

const empiricalSpec = z
  .strictObject({
    dist: z.literal("empirical"),
    data: z.array(level).min(1, { error: emptyData() }).describe("observed values, drawn with equal weight"),
  })
  .describe("resampling of observed values");

/**
 * A distribution as written in a scenario: `{ dist: "pert", min: 2, mode: 4, max: 10 }`.
 * Output type matches engine/random's `DistributionSpec`; parameters are validated here so the engine never
 * sees a spec it would reject. No default: callers attach `.default(...)` at the field that uses it.
 */
export const distributionSchema = z
  .discriminatedUnion("dist", [
    constantSpec,
    uniformSpec,
    exponentialSpec,
    normalSpec,
    lognormalSpec,
    triangularSpec,
    pertSpec,
    gammaSpec,
    weibullSpec,
    betaSpec,
    empiricalSpec,
  ])
  .meta({ id: "distribution", description: "a random quantity: { dist: <name>, ...parameters }" });

/** A validated distribution spec (the same shape as engine/random's `DistributionSpec`). */
export type DistributionSpecInput = z.input<typeof distributionSchema>;
/** A validated distribution spec after parsing. */
export type DistributionSpecOutput = z.output<typeof distributionSchema>;

/** Shape of a weight table: one non-negative number per key. */
export type WeightShape<K extends string> = { [P in K]: z.ZodNumber };
/** Shape of a weight table whose weights have defaults. */
export type DefaultedWeightShape<K extends string> = { [P in K]: z.ZodDefault<z.ZodNumber> };

/**
 * A strict object of non-negative weights, one per key, that must add up to 100 (within 1e-6).
 * With `defaults`, each weight defaults to its entry and the whole table defaults to `defaults`, so a
 * scenario may change one weight (and must then keep the sum at 100).
 * The sum issue is reported at the table's own path.
 * @example percentWeights(["revenue", "cost", "risk", "innovation"], { revenue: 40, cost: 30, risk: 20, innovation: 10 })
 * @throws RangeError if `keys` is empty or `defaults` do not sum to 100 (a bug in the calling schema)
 */
export function percentWeights<const K extends readonly [string, ...string[]]>(
  keys: K,
): z.ZodObject<WeightShape<K[number]>, z.core.$strict>;
export function percentWeights<const K extends readonly [string, ...string[]]>(
  keys: K,
  defaults: Record<K[number], number>,
): z.ZodDefault<z.ZodObject<DefaultedWeightShape<K[number]>, z.core.$strict>>;
export function percentWeights<const K extends readonly [string, ...string[]]>(
  keys: K,
  defaults?: Record<K[number], number>,
): z.ZodType {
  if (keys.length === 0) throw new RangeError("percentWeights requires at least one key");
  if (defaults !== undefined) {
    const total = keys.reduce((acc, key: K[number]) => acc + defaults[key], 0);
    if (Math.abs(total - 100) > 1e-6)
      throw new RangeError(`percentWeights defaults must sum to 100, got ${total}`);
  }
  const shape: Record<string, z.ZodType> = {};
  for (const key of keys as readonly K[number][]) {
    const weight = nonNegative.describe(`weight of ${key}, percentage points`);
    shape[key] = defaults === undefined ? weight : weight.default(defaults[key]);
  }
  const table = z
    .strictObject(shape)
    .superRefine((weights, ctx) => {
      const entries = weights as Record<string, number>;
      const sum = Object.values(entries).reduce((acc, w) => acc + w, 0);
      if (Math.abs(sum - 100) > 1e-6) ctx.addIssue({ code: "custom", message: weightsSum(sum, entries) });
    })
    .describe(`weights in percentage points (sum 100) for ${keys.join(", ")}`);
  return defaults === undefined ? table : table.default({ ...defaults } as never);
}

/**
 * A refinement for `.superRefine(minMax("minNodes", "maxNodes"))`: reports `low <= high` violations on the
 * `highKey` field. Skips the check when either side is not a number (e.g. optional and absent).
 */
export function minMax<T extends object>(lowKey: keyof T & string, highKey: keyof T & string) {
  return (value: T, ctx: z.RefinementCtx<T>): void => {
    const low = value[lowKey];
    const high = value[highKey];
    if (typeof low === "number" && typeof high === "number" && low > high) {
      ctx.addIssue({ code: "custom", path: [highKey], message: orderedPair(lowKey, highKey, low, high) });
    }
  };
}

/**
 * A refinement for a list of numeric thresholds that must be strictly increasing (e.g. tier score
 * boundaries); reports the first element out of order at its index.
 */
export function ascending(label: string) {
  return (values: readonly number[], ctx: z.RefinementCtx<readonly number[]>): void => {
    for (let i = 1; i < values.length; i++) {
      if (values[i]! <= values[i - 1]!) {
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: notAscending(label, i, values[i - 1]!, values[i]!),
        });
        return;
      }
    }
  };
}
