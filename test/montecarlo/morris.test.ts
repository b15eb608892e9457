import { describe, expect, it } from "vitest";
import { createStream } from "../../engine/index.ts";
import { morrisDelta, morrisDesign, trajectorySpread } from "../../src/montecarlo/morris-design.ts";
import { morrisIndices } from "../../src/montecarlo/morris-indices.ts";

describe("morrisDesign", () => {
  it("builds trajectories that move one factor by +/- Delta per step on the p-level grid", () => {
    const trajectories = morrisDesign(6, 4, createStream(3, 0, "morris"), { levels: 4 });
    expect(trajectories).toHaveLength(6);
    const delta = morrisDelta(4);
    expect(delta).toBeCloseTo(2 / 3, 12);
    for (const { points, moved } of trajectories) {
      expect(points).toHaveLength(5);
      expect([...moved].sort()).toEqual([0, 1, 2, 3]);
      for (let s = 0; s < 4; s++) {
        points[s]!.forEach((value, i) => {
          const change = points[s + 1]![i]! - value;
          if (i === moved[s]) expect(Math.abs(change)).toBeCloseTo(delta, 12);
          else expect(change).toBe(0);
        });
      }
      for (const point of points) {
        for (const value of point)
          expect([0, 1 / 3, 2 / 3, 1].some((level) => Math.abs(level - value) < 1e-12)).toBe(true);
      }
    }
  });

  it("Campolongo selection spreads the trajectories more than the first r candidates", () => {
    const r = 8;
    const selected = morrisDesign(r, 5, createStream(4, 0, "morris"), { candidates: 60 });
    const unselected = morrisDesign(r, 5, createStream(4, 0, "morris"), { candidates: r });
    expect(trajectorySpread(selected)).toBeGreaterThan(trajectorySpread(unselected));
  });
});

describe("morrisIndices", () => {
  it("a linear model: mu* = |coefficient| exactly and sigma = 0", () => {
    const c = [3, -2, 0.5];
    const trajectories = morrisDesign(10, 3, createStream(5, 0, "morris"));
    const outputs = trajectories.flatMap((t) =>
      t.points.map((x) => x.reduce((s, xi, i) => s + c[i]! * xi, 0)),
    );
    const indices = morrisIndices(trajectories, outputs, { source: createStream(5, 0, "bootstrap") });
    indices.forEach((index, i) => {
      expect(index.muStar).toBeCloseTo(Math.abs(c[i]!), 10);
      expect(index.mu).toBeCloseTo(c[i]!, 10);
      expect(index.sigma).toBeCloseTo(0, 10);
      expect(index.muStarLow).toBeCloseTo(Math.abs(c[i]!), 10);
    });
  });

  it("an interaction shows as sigma > 0; an inert factor has mu* = 0", () => {
    const trajectories = morrisDesign(12, 3, createStream(6, 0, "morris"));
    const outputs = trajectories.flatMap((t) => t.points.map(([x1, x2]) => 4 * x1! * x2!));
    const [a, b, inert] = morrisIndices(trajectories, outputs, { source: createStream(6, 0, "bootstrap") });
    expect(a!.sigma).toBeGreaterThan(0.5);
    expect(b!.sigma).toBeGreaterThan(0.5);
    expect(a!.muStarLow).toBeLessThanOrEqual(a!.muStar);
    expect(a!.muStarHigh).toBeGreaterThanOrEqual(a!.muStar);
    expect(inert).toMatchObject({ mu: 0, muStar: 0, sigma: 0 });
  });

  it("rejects outputs of the wrong length", () => {
    const trajectories = morrisDesign(2, 2, createStream(7, 0, "morris"));
    expect(() => morrisIndices(trajectories, [1, 2], { source: createStream(7, 0, "b") })).toThrow(
      RangeError,
    );
  });
});
