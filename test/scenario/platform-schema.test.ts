import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { platformSchema } from "../../src/scenario/platform-schema.ts";

// Walks the schema: every property of every strict object must carry a default and a description.
function missing(schema: z.ZodType, path: string, out: string[]): void {
  const def = (schema as unknown as { def: { type: string; [k: string]: unknown } }).def;
  switch (def.type) {
    case "default":
    case "prefault":
    case "optional":
    case "nullable":
      missing(def.innerType as z.ZodType, path, out);
      return;
    case "pipe":
      missing(def.in as z.ZodType, path, out);
      return;
    case "array":
      missing(def.element as z.ZodType, `${path}[]`, out);
      return;
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      for (const [key, field] of Object.entries(shape)) {
        const fieldDef = (field as unknown as { def: { type: string } }).def;
        const hasDefault = fieldDef.type === "default" || fieldDef.type === "prefault";
        if (!hasDefault) out.push(`${path}.${key}: no default`);
        const inner = hasDefault ? (fieldDef as unknown as { innerType: z.ZodType }).innerType : field;
        if (field.description === undefined && inner.description === undefined)
          out.push(`${path}.${key}: no description`);
        missing(field, `${path}.${key}`, out);
      }
      return;
    }
    default:
      return;
  }
}

describe("platformSchema", () => {
  it("has a default and a description on every field", () => {
    const out: string[] = [];
    missing(platformSchema, "platform", out);
    // (a description on the defaulted inner schema counts: zod keeps it there and the JSON Schema shows it)
    expect(out).toEqual([]);
  });

  it("accepts {} and fills the guide's defaults", () => {
    const p = platformSchema.parse({});
    expect(p.clusters[0]!.scaler).toMatchObject({
      scaleUpThreshold: 0.7,
      scaleDownThreshold: 0.3,
      scaleUpCooldownSeconds: 60,
      scaleDownCooldownSeconds: 300,
      idleSecondsBeforeScaledown: 300,
    });
    expect(p.tiers.catalogue.Platinum.feePerMonth).toBe(15_000);
    expect(p.serving.tolerance).toBe(0.1);
  });

  it("reports cross-field problems at their paths", () => {
    const r = platformSchema.safeParse({
      clusters: [{ minNodes: 5, maxNodes: 2, scaler: { scaleUpThreshold: 0.3, scaleDownThreshold: 0.6 } }],
      tiers: { assignment: { thresholds: [0.5, 0.4, 0.9] } },
      tenants: [{ name: "a", region: "eu" }],
      serving: { minReplicas: 9, maxReplicas: 3, lowPriority: true },
    });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "clusters.0.maxNodes",
        "clusters.0.scaler.scaleDownThreshold",
        "tiers.assignment.thresholds.1",
        "tenants.0.region",
        "serving",
      ]),
    );
  });

  it("rejects probabilities outside [0, 1]", () => {
    expect(platformSchema.safeParse({ clusters: [{ lowPriorityDiscount: 1.2 }] }).success).toBe(false);
    expect(
      platformSchema.safeParse({ tiers: { catalogue: { Gold: { selfHealingShare: -0.1 } } } }).success,
    ).toBe(false);
  });
});
