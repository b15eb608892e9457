/**
 * A small scenario-like schema and preset table for loader tests: the loader's behaviour (extends, merge,
 * positions, messages) is tested against it so those tests do not move when the real sections change.
 */
import { z } from "zod";
import {
  ascending,
  count,
  distributionSchema,
  minMax,
  nonNegative,
  percentWeights,
  probability,
} from "../../src/scenario/distribution-schema.ts";
import type { PresetSource } from "../../src/scenario/load.ts";
import { extendsSchema } from "../../src/scenario/schema.ts";

export const sampleSchema = z.strictObject({
  name: z.string().default("sample").describe("scenario name"),
  extends: extendsSchema.optional(),
  horizonMonths: z.number().int().positive().default(36).describe("months simulated"),
  organisation: z
    .strictObject({
      hubFte: nonNegative.default(0).describe("hub headcount, FTE"),
      spokes: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            fte: nonNegative.default(6).describe("spoke headcount, FTE"),
            maxProjects: count.default(4),
          }),
        )
        .default([]),
    })
    .prefault({}),
  demand: z
    .strictObject({
      ratePerMonth: nonNegative.default(2),
      successProbability: probability.default(0.6),
      effort: distributionSchema.default({ dist: "pert", min: 1, mode: 2, max: 4 }),
      mix: percentWeights(["low", "medium", "high"], { low: 60, medium: 30, high: 10 }),
    })
    .prefault({}),
  platform: z
    .strictObject({ minNodes: count.default(0), maxNodes: count.default(10) })
    .superRefine(minMax("minNodes", "maxNodes"))
    .prefault({}),
  tiers: z.array(z.number()).superRefine(ascending("tiers")).default([40, 60, 80]),
});

export type Sample = z.output<typeof sampleSchema>;

const presetTable: Record<string, Record<string, unknown>> = {
  "level-1": { organisation: { hubFte: 0 }, demand: { ratePerMonth: 1 } },
  "level-3": { extends: "level-1", organisation: { hubFte: 15, spokes: [{ name: "retail" }] } },
  "level-9": { extends: "level-9" },
  "bad-preset": { demand: { ratePerMonth: -1 } },
  "file-preset": { extends: "./somewhere.yaml" },
};

export const samplePresets: PresetSource = {
  names: () => Object.keys(presetTable),
  document: (name) => (name in presetTable ? structuredClone(presetTable[name]) : undefined),
};
