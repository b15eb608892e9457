import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { deliverySchema, deliverySchemaShape, effectProblem } from "../../src/scenario/delivery-schema.ts";
import { deliveryPresets } from "../../src/scenario/presets/delivery-presets.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";

function issues(doc: unknown): string[] {
  const r = deliverySchema.safeParse(doc);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("delivery schema", () => {
  it("accepts {} and fills every default", () => {
    const c = deliverySchema.parse({});
    expect(c.portfolio.scoring.weights).toEqual({
      businessValue: 30,
      strategicAlignment: 20,
      technicalFeasibility: 20,
      resourceRequirements: 15,
      risk: 15,
    });
    expect(c.portfolio.tiers).toMatchObject({
      fastTrack: 80,
      nextCycle: 60,
      deferred: 40,
      rescoreAfterMonths: 6,
    });
    expect(c.portfolio.balancing.impact).toEqual({
      revenue: 40,
      costReduction: 30,
      riskMitigation: 20,
      innovation: 10,
    });
    expect(c.lifecycle.deploymentTemplates).toMatchObject({
      successRate: 0.95,
      manualSuccessRate: 0.7,
      timeSaving: 0.8,
    });
    expect(c.organisation.guilds.resolutionReduction).toBe(0.4);
  });

  it("puts a description and a default on every field", () => {
    const missing: string[] = [];
    const walk = (schema: z.ZodType, path: string, needDefault: boolean): void => {
      const def = (schema as unknown as { def: { type: string } }).def;
      if (needDefault && def.type !== "default" && def.type !== "prefault")
        missing.push(`${path} (no default)`);
      let inner: z.ZodType = schema;
      while ((inner as unknown as { def: { type: string } }).def.type === "default")
        inner = (inner as unknown as { def: { innerType: z.ZodType } }).def.innerType;
      if (needDefault && schema.description === undefined && inner.description === undefined)
        missing.push(`${path} (no description)`);
      const t = (inner as unknown as { def: { type: string } }).def.type;
      if (t === "object") {
        const shape = (inner as unknown as { shape: Record<string, z.ZodType> }).shape;
        for (const [k, v] of Object.entries(shape)) walk(v, `${path}.${k}`, true);
      } else if (t === "array") {
        walk((inner as unknown as { def: { element: z.ZodType } }).def.element, `${path}[]`, false);
      }
    };
    for (const [k, v] of Object.entries(deliverySchemaShape)) walk(v as z.ZodType, k, true);
    expect(missing).toEqual([]);
  });

  it("reports weights that do not sum to 100", () => {
    expect(issues({ portfolio: { scoring: { weights: { businessValue: 40 } } } })[0]).toMatch(
      /^portfolio\.scoring\.weights: weights must sum to 100, got 110/,
    );
    expect(issues({ demand: { risk: { low: 10, medium: 10, high: 10 } } })).toHaveLength(1);
  });

  it("reports tier thresholds out of order, probabilities outside [0, 1] and share sums above 1", () => {
    expect(issues({ portfolio: { tiers: { nextCycle: 90 } } })[0]).toMatch(/tier thresholds/);
    expect(issues({ demand: { successProbability: { low: 1.2 } } })[0]).toMatch(
      /^demand\.successProbability\.low/,
    );
    expect(issues({ organisation: { hub: { supportShare: 0.8, reviewShare: 0.4 } } })[0]).toMatch(
      /supportShare \+ reviewShare must add up to at most 1/,
    );
    expect(issues({ portfolio: { scoring: { valueForZeroScore: 5e6 } } })[0]).toMatch(/valueForZeroScore/);
    expect(issues({ lifecycle: { featureStore: { families: 2, familiesPerProject: 3 } } })[0]).toMatch(
      /familiesPerProject/,
    );
  });

  it("rejects unknown keys and unknown roadmap paths", () => {
    expect(issues({ organisation: { hubb: {} } })[0]).toMatch(/hubb/);
    expect(issues({ demand: { businessUnits: [{ name: "a" }, { name: "a" }] } })[0]).toMatch(
      /^demand\.businessUnits\.1\.name: .*used twice/,
    );
    const bad = { roadmap: { investments: [{ effects: [{ path: "organisation.spokes.size", value: 3 }] }] } };
    expect(issues(bad)[0]).toMatch(/^roadmap\.investments\.0\.effects\.0\.path: .*names no parameter/);
    expect(effectProblem("organisation.spokes.count", true)).toMatch(/needs a number/);
    expect(effectProblem("demand.businessUnits", 1)).toMatch(/number, true\/false or text/);
    expect(effectProblem("organisation.spokes.count", "8")).toMatch(/needs a number, got "8"/);
    expect(effectProblem("organisation.spokes.count", 3)).toBeUndefined();
  });

  it("every delivery preset is a valid scenario document", () => {
    for (const [name, preset] of Object.entries(deliveryPresets)) {
      const r = scenarioSchema.safeParse(preset.document);
      expect(r.success, `${name}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
    expect(Object.keys(deliveryPresets)).toEqual([
      "level-1",
      "level-2",
      "level-3",
      "level-4",
      "level-5",
      "financial-services",
      "retail",
      "manufacturing",
    ]);
  });
});
