import { describe, expect, it } from "vitest";
import { maturityLevel } from "../../../src/model/delivery/maturity.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";
import { presetDocument } from "../../../src/scenario/presets/index.ts";
import { scenarioSchema } from "../../../src/scenario/schema.ts";

describe("maturity level from capabilities", () => {
  it("is 1 for the defaults (no hub)", () => {
    expect(maturityLevel(deliverySchema.parse({}), 0)).toBe(1);
  });

  it.each([1, 2, 3, 4, 5])("the level-%i preset is at level %i from month 0", (level) => {
    const s = scenarioSchema.parse(presetDocument(`level-${level}`));
    expect(maturityLevel(s, s.lifecycle.library.initialCompleteness)).toBe(level);
  });

  it("needs each level's capabilities on top of the previous level's", () => {
    const s = scenarioSchema.parse(presetDocument("level-4"));
    expect(maturityLevel(s, 0.85)).toBe(4);
    expect(maturityLevel(s, 0.7)).toBe(3);
    s.organisation.spokes.count = 0;
    expect(maturityLevel(s, 0.85)).toBe(2);
    s.governance.standards.enabled = false;
    expect(maturityLevel(s, 0.85)).toBe(1);
  });
});
