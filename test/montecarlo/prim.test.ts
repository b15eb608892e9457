import { describe, expect, it } from "vitest";
import { createStream } from "../../engine/index.ts";
import { findBox } from "../../src/montecarlo/prim.ts";

// 3 000 uniform points in [0, 1]^3; the cases of interest are those in the planted box x in [0.2, 0.5],
// y in [0.6, 0.9] (z is noise), with 5% of the labels flipped
function planted(seed: number) {
  const source = createStream(seed, 0, "prim");
  const points = Array.from({ length: 3000 }, () => [source(), source(), source()]);
  const inside = points.map(([x, y]) => {
    const planted = x! >= 0.2 && x! <= 0.5 && y! >= 0.6 && y! <= 0.9;
    return source() < 0.05 ? !planted : planted;
  });
  return { points, inside };
}

describe("findBox", () => {
  it.each([21, 22, 23])(
    "recovers a planted box within 0.05 on every bound, leaving the noise dimension whole (seed %i)",
    (seed) => {
      const { points, inside } = planted(seed);
      const box = findBox(points, inside, { threshold: 0.8 })!;
      expect(box).toBeDefined();
      const [x, y, z] = box.bounds;
      expect(Math.abs(x!.low - 0.2)).toBeLessThan(0.05);
      expect(Math.abs(x!.high - 0.5)).toBeLessThan(0.05);
      expect(Math.abs(y!.low - 0.6)).toBeLessThan(0.05);
      expect(Math.abs(y!.high - 0.9)).toBeLessThan(0.05);
      expect(z!.high - z!.low).toBeGreaterThan(0.95);
      expect(box.density).toBeGreaterThanOrEqual(0.8);
      // about a third of the cases of interest are flipped labels outside the planted box
      expect(box.coverage).toBeGreaterThan(0.55);
      // the peeling trajectory starts from the whole data and trades coverage for density
      expect(box.trajectory[0]).toMatchObject({ coverage: 1, mass: 1 });
      expect(box.trajectory.at(-1)!.density).toBeGreaterThan(box.trajectory[0]!.density);
      expect(box.restricted.slice(0, 2)).toEqual([0, 1]);
    },
  );

  it("gives no box when the cases of interest are scattered at random", () => {
    const source = createStream(22, 0, "prim");
    const points = Array.from({ length: 1000 }, () => [source(), source()]);
    const inside = points.map(() => source() < 0.1);
    expect(findBox(points, inside, { threshold: 0.8 })).toBeUndefined();
    expect(
      findBox(
        points,
        points.map(() => false),
      ),
    ).toBeUndefined();
  });

  it("finds the exact box on a small one-dimensional example", () => {
    const box = findBox([[0], [1], [2], [3]], [false, false, true, true], {
      threshold: 1,
      peelAlpha: 0.25,
      minMass: 0.25,
    });
    expect(box).toMatchObject({ bounds: [{ low: 2, high: 3 }], coverage: 1, density: 1, mass: 0.5 });
  });

  it("rejects mismatched input", () => {
    expect(() => findBox([[0]], [true, false])).toThrow(RangeError);
    expect(() => findBox([[0], [Number.NaN]], [true, false])).toThrow(RangeError);
    expect(() => findBox([[0]], [true], { threshold: 2 })).toThrow(RangeError);
  });
});
