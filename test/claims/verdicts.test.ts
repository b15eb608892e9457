/**
 * Verdicts on the fixture model (fixtures/claims-model.ts), whose KPIs have known means: claims built to hold, to
 * fail and to stay undecided get those verdicts; an input claim is never reported as holding, even when its interval
 * lies inside the band; a reduction on common random numbers has a zero-width interval; a planted box is recovered by
 * PRIM within a stated tolerance.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateClaims } from "../../src/claims/evaluate-claims.ts";
import { loadClaims } from "../../src/claims/load-claims.ts";
import type { ClaimResult, ClaimsSummary } from "../../src/claims/types.ts";
import { ReplicationPool } from "../../src/montecarlo/replication-pool.ts";
import { PLANTED } from "./fixtures/claims-model.ts";

const model = { module: fileURLToPath(new URL("./fixtures/claims-model.ts", import.meta.url)) };
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function run(file: string): Promise<ClaimsSummary> {
  const loaded = await loadClaims(fixture(file));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const pool = new ReplicationPool(1, { inProcess: true });
  return evaluateClaims(loaded.claims, { seed: 7, model, pool });
}

describe("claims on the fixture model", () => {
  let summary: ClaimsSummary;
  const claim = (id: string): ClaimResult => summary.claims.find((c) => c.id === id)!;

  beforeAll(async () => {
    summary = await run("synthetic.yaml");
  });

  it("a claim inside the band holds, one outside fails, both on the first batch", () => {
    expect(claim("level-holds")).toMatchObject({ verdict: "holds", replications: 50 });
    expect(claim("level-fails")).toMatchObject({ verdict: "fails", replications: 50 });
    // level = 6 + N(0, 1): the 95% CI of 50 replications is about 6 +- 0.28
    expect(claim("level-holds").ci![0]).toBeGreaterThan(5.5);
    expect(claim("level-holds").ci![1]).toBeLessThan(6.5);
  });

  it("a bound at the true mean stays undecided and spends the whole budget (4 x the first batch)", () => {
    const c = claim("level-undecided");
    expect(c.verdict).toBe("undecided");
    expect(c.replications).toBe(200);
    expect(c.budget).toBe(200);
    expect(c.ci![0]).toBeLessThan(6);
    expect(c.ci![1]).toBeGreaterThan(6);
  });

  it("sequential batches continue the same replications: the first 50 equal the first batch of another claim", () => {
    expect(claim("level-undecided").distribution!.slice(0, 50)).toEqual(claim("level-holds").distribution);
  });

  it("a reduction on common random numbers has a zero-width interval (the noise cancels pair by pair)", () => {
    const c = claim("cost-reduction");
    expect(c.verdict).toBe("holds");
    expect(c.estimate).toBeCloseTo(0.5, 12);
    expect(c.ci![1] - c.ci![0]).toBeLessThan(1e-12);
  });

  it("an input claim is never reported as holding, although its interval lies inside the band", () => {
    const c = claim("level-input");
    expect(c.verdict).toBe("input");
    expect(c.ci![0]).toBeGreaterThan(5);
    expect(summary.claims.filter((x) => x.status === "input").every((x) => x.verdict === "input")).toBe(true);
  });

  it("reads a series at a 1-based month and leaves not-modelled claims unrun", () => {
    expect(claim("level-series")).toMatchObject({ verdict: "holds", estimate: 4 });
    expect(claim("not-modelled")).toMatchObject({ verdict: "not-modelled", replications: 0 });
    expect(claim("not-modelled").estimate).toBeUndefined();
  });

  it("counts every verdict", () => {
    expect(summary.counts).toEqual({
      holds: 3,
      "holds-only-if": 1,
      undecided: 1,
      fails: 1,
      input: 1,
      "not-modelled": 1,
    });
  });
});

describe("holds only if: PRIM recovers a planted box", () => {
  // tolerance: with 200 Latin hypercube points the strata are 0.0045 (discount) and 0.0045 (price) wide; peeling
  // moves a bound by 5% of the points left per step, so the recovered edge is within 0.1 of the planted one
  const TOLERANCE = 0.1;
  let c: ClaimResult;

  beforeAll(async () => {
    c = (await run("planted.yaml")).claims[0]!;
  }, 60_000);

  it("fails at the base point, then holds only inside the planted box", () => {
    expect(c.verdict).toBe("holds-only-if");
    const [discount, price] = c.discovery!.region!;
    expect(Math.abs(discount!.min - PLANTED.discountAtLeast)).toBeLessThan(TOLERANCE);
    expect(Math.abs(price!.max - PLANTED.costAtMost)).toBeLessThan(TOLERANCE);
    expect(discount!.max).toBeGreaterThan(0.9 - TOLERANCE);
    expect(price!.min).toBeLessThan(0.1 + TOLERANCE);
    expect(c.coverage).toBeGreaterThanOrEqual(0.8);
    expect(c.density).toBeGreaterThanOrEqual(0.95);
    expect(c.discovery!.text).toMatch(
      /^holds only if .*lowPriorityDiscount( <= 0\.\d+)? and .*costPerNodeHour <= 0\.\d+$/,
    );
    expect(c.discovery!.text).toContain(
      `${discount!.min.toPrecision(3)} <= platform.clusters[0].lowPriorityDiscount`,
    );
  });
});

describe("holds only if without a useful box", () => {
  let pool: ReplicationPool;
  beforeAll(() => {
    pool = new ReplicationPool(1, { inProcess: true });
  });
  afterAll(async () => {
    await pool.destroy();
  });

  it("reports that no box reaches the density and keeps the base verdict", async () => {
    const loaded = await loadClaims(fixture("synthetic.yaml"));
    if (!loaded.ok) throw new Error("fixture");
    const never = loaded.claims.claims.find((r) => r.claim.id === "planted")!;
    // a band no point can reach
    const claims = {
      ...loaded.claims,
      claims: [{ ...never, claim: { ...never.claim, expect: { atLeast: 5 } } }],
    };
    const summary = await evaluateClaims(claims, { seed: 7, model, pool });
    const c = summary.claims[0]!;
    expect(c.verdict).toBe("fails");
    expect(c.region).toBeUndefined();
    expect(c.discovery!.text).toBe("holds at none of the 40 sampled points");
  });
});
