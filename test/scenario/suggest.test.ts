import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "../../src/scenario/suggest.ts";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent transpositions as one edit each", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("fte", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("spokse", "spokes")).toBe(1);
    expect(editDistance("ca", "abc")).toBe(3); // optimal string alignment, not unrestricted Damerau
  });

  it("is zero exactly for equal strings and symmetric", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { seed: 42 },
    );
  });
});

describe("suggest", () => {
  const keys = ["name", "description", "horizonMonths", "startDate", "currency", "organisation"];

  it("finds the closest key, ignoring case", () => {
    expect(suggest("horizonMonth", keys)).toBe("horizonMonths");
    expect(suggest("Horizonmonths", keys)).toBe("horizonMonths");
    expect(suggest("organization", keys)).toBe("organisation");
    expect(suggest("curency", keys)).toBe("currency");
  });

  it("stays silent when nothing is close", () => {
    expect(suggest("xyz", keys)).toBeUndefined();
    expect(suggest("platformTeam", keys)).toBeUndefined();
  });

  it("falls back to the only candidate the input is a prefix of", () => {
    expect(suggest("effort", ["effortPersonWeeks", "library"])).toBe("effortPersonWeeks");
    expect(suggest("eff", ["effortA", "effortB"])).toBeUndefined();
  });

  it("prefers the earlier candidate on a tie", () => {
    expect(suggest("level3", ["level-3", "level-2"])).toBe("level-3");
  });
});
