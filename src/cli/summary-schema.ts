/**
 * Zod schemas of the saved summaries `report` and `merge` read back (summary.json of a run, compare or sweep,
 * and sweep shards): everything the report writers and mergeSweeps read must be there with the right type, so a
 * tampered or truncated file is a usage error naming the file and the path (exit 2), not a TypeError deep inside
 * a chart. The shapes follow src/montecarlo/types.ts; numbers may be null because JSON writes NaN (a statistic
 * of too few replications) as null. Unknown keys are allowed: newer versions may add fields.
 */
import { z } from "zod";

const num = z.number().nullable();
const numbers = z.array(num);
const tool = z.looseObject({ name: z.literal("scalesim"), version: z.string() });

const metricInfo = {
  label: z.string(),
  unit: z.string(),
  better: z.enum(["higher", "lower"]).optional(),
};

const percentiles = { p5: num, p10: num, p25: num, p50: num, p75: num, p90: num, p95: num };

const kpi = z.looseObject({
  ...metricInfo,
  ...percentiles,
  name: z.string(),
  n: z.number(),
  mean: num,
  sd: num,
  ciLow: num,
  ciHigh: num,
  min: num,
  max: num,
});

const series = z.looseObject({
  ...metricInfo,
  name: z.string(),
  months: z.number(),
  n: z.number(),
  mean: numbers,
  sd: numbers,
  ciLow: numbers,
  ciHigh: numbers,
  min: numbers,
  max: numbers,
  p5: numbers,
  p10: numbers,
  p25: numbers,
  p50: numbers,
  p75: numbers,
  p90: numbers,
  p95: numbers,
});

const sample = z.looseObject({
  ...metricInfo,
  ...percentiles,
  name: z.string(),
  n: z.number(),
  mean: num,
  p80: num,
  min: num,
  max: num,
  histogram: z.looseObject({ edges: numbers, counts: numbers }),
});

const meta = z.looseObject({
  scenarioName: z.string(),
  description: z.string(),
  currency: z.string(),
  horizonMonths: z.number(),
  tenants: z.array(z.string()),
  tiers: z.array(z.string()),
  mixTargets: z.record(z.string(), z.record(z.string(), z.number())),
  startDate: z.string(),
});

const costRow = z.looseObject({
  month: z.number(),
  billedCost: num,
  effectiveCost: num,
  listCost: num,
  serviceCategory: z.string(),
  serviceName: z.string(),
  resourceId: z.string(),
  subAccountId: z.string(),
  consumedQuantity: num,
  consumedUnit: z.string(),
  pricingCategory: z.string(),
  xCostCategory: z.string(),
});

/** A run summary (summary.json of `scalesim run`). */
export const runSummarySchema = z.looseObject({
  tool,
  meta,
  seed: z.number(),
  replications: z.number(),
  stoppedBy: z.enum(["count", "precision", "cancelled"]),
  kpis: z.record(z.string(), kpi),
  series: z.record(z.string(), series),
  samples: z.record(z.string(), sample),
  reach: z.looseObject({ series: z.string(), thresholds: numbers, probability: z.array(numbers) }),
  costRows: z.array(costRow),
});

/** A comparison summary (summary.json of `scalesim compare`). */
export const compareSummarySchema = z.looseObject({
  tool,
  seed: z.number(),
  replications: z.number(),
  scenarios: z.array(runSummarySchema).min(2),
  differences: z.array(
    z.looseObject({
      ...metricInfo,
      name: z.string(),
      baseline: z.string(),
      alternative: z.string(),
      n: z.number(),
      meanBaseline: num,
      meanAlternative: num,
      meanDifference: num,
      ciLow: num,
      ciHigh: num,
      probabilityBetter: num,
    }),
  ),
});

const byParameter = z.record(z.string(), z.record(z.string(), num));

/** A sweep summary or shard (summary.json of `scalesim sweep`, the parts `scalesim merge` reads). */
export const sweepSummarySchema = z.looseObject({
  tool,
  name: z.string(),
  seed: z.number(),
  replicationsPerPoint: z.number(),
  sampling: z.enum(["grid", "latin-hypercube", "one-at-a-time"]),
  parameters: z.array(
    z.looseObject({
      path: z.string(),
      values: z.array(z.union([z.number(), z.string(), z.boolean()])).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    }),
  ),
  totalPoints: z.number().int().min(0),
  shard: z.looseObject({ index: z.number().int().min(0), count: z.number().int().min(1) }).optional(),
  points: z.array(
    z.looseObject({
      index: z.number().int().min(0),
      parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
      kpis: z.record(z.string(), kpi),
      role: z.enum(["design", "base", "low", "high"]).optional(),
      varied: z.string().optional(),
    }),
  ),
  tornado: z.record(z.string(), z.record(z.string(), z.looseObject({ low: num, high: num, base: num }))),
  src: byParameter,
  prcc: byParameter,
});
