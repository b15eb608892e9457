import { describe, expect, it } from "vitest";
import { Project } from "../../../src/model/delivery/project.ts";
import { scoreProject, tierOf } from "../../../src/model/delivery/scoring.ts";
import { deliverySchema } from "../../../src/scenario/delivery-schema.ts";

const quiet = deliverySchema.parse({ portfolio: { scoring: { noiseSd: 0 } } });

function project(attrs: Partial<Project>): Project {
  const p = new Project(0, 0, 0);
  Object.assign(p, attrs);
  return p;
}

const noNoise = () => 0;

describe("prioritisation scoring (guide Pattern 8)", () => {
  it("weights the five dimensions 30/20/20/15/15", () => {
    // full value, revenue (alignment 0.85), feasibility 0.8, no effort (1.0), low risk (0.9)
    const p = project({ annualValue: 3_000_000, impact: 0, risk: 0 });
    expect(scoreProject(p, quiet, 0.8, noNoise)).toBeCloseTo(30 + 17 + 16 + 15 + 13.5, 9);
  });

  it("derives business value on a log scale between the two bounds", () => {
    const s = quiet.portfolio.scoring;
    const mid = Math.sqrt(s.valueForZeroScore * s.valueForFullScore);
    const at = (v: number) => scoreProject(project({ annualValue: v }), quiet, 0, noNoise);
    expect(at(mid) - at(s.valueForZeroScore)).toBeCloseTo(15, 9);
    expect(at(s.valueForFullScore * 10)).toBeCloseTo(at(s.valueForFullScore), 9);
  });

  it("scores resource requirements from total effort and zeroes feasibility of a revealed failure", () => {
    const p = project({ annualValue: 3_000_000 });
    const base = scoreProject(p, quiet, 1, noNoise);
    for (let i = 0; i < 5; i++) p.effortPersonWeeks[i] = 12; // 60 of 120 person-weeks
    expect(scoreProject(p, quiet, 1, noNoise)).toBeCloseTo(base - 7.5, 9);
    expect(scoreProject(p, quiet, 1, noNoise, true)).toBeCloseTo(base - 7.5 - 20, 9);
  });

  it("adds assessment noise to each dimension, clamped to [0, 1]", () => {
    const p = project({ annualValue: 3_000_000, impact: 0, risk: 0 });
    expect(scoreProject(p, quiet, 0.8, () => 0.5)).toBe(scoreProject(p, quiet, 0.8, noNoise));
    const noisy = deliverySchema.parse({ portfolio: { scoring: { noiseSd: 0.1 } } });
    expect(scoreProject(p, noisy, 0.8, () => 1)).toBeCloseTo(30 + 19 + 18 + 15 + 15, 9);
    expect(scoreProject(p, noisy, 0.8, () => -1)).toBeCloseTo(27 + 15 + 14 + 13.5 + 12, 9);
  });

  it("tiers: 80+ fast-track, 60-79 next cycle, 40-59 deferred, below 40 rejected", () => {
    expect(tierOf(100, quiet)).toBe("fastTrack");
    expect(tierOf(80, quiet)).toBe("fastTrack");
    expect(tierOf(79.99, quiet)).toBe("nextCycle");
    expect(tierOf(60, quiet)).toBe("nextCycle");
    expect(tierOf(59.99, quiet)).toBe("deferred");
    expect(tierOf(40, quiet)).toBe("deferred");
    expect(tierOf(39.99, quiet)).toBe("rejected");
    expect(tierOf(0, quiet)).toBe("rejected");
  });
});
