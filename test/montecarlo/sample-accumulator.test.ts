import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Tally } from "../../engine/index.ts";
import { quantileSorted } from "../../src/montecarlo/quantile-sorted.ts";
import { SAMPLE_BLOCK_REPLICATIONS, SampleAccumulator } from "../../src/montecarlo/sample-accumulator.ts";
import { DEFAULT_COMPRESSION, TDigest } from "../../src/montecarlo/t-digest.ts";

const PS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95] as const;

/**
 * The pooled quantiles as the class documents them, computed the plain way: the exact sorted values while within
 * the limit; beyond it, every block of SAMPLE_BLOCK_REPLICATIONS replications fully sorted (native sort) and merged
 * into one digest in block order, the block being filled merged into a copy.
 */
function reference(
  replications: number[][],
  exactLimit: number,
): { n: number; mean: number; quantiles: number[] } {
  const moments = new Tally();
  let digest: TDigest | undefined;
  let block: number[] = [];
  const blocks: number[][] = [];
  const merge = (values: number[]) => {
    if (values.length === 0) return;
    digest!.mergeSorted(Float64Array.from(values).sort());
    digest!.centroidCount();
  };
  for (let r = 0; r < replications.length; r++) {
    for (const x of replications[r]!) {
      if (!Number.isFinite(x)) continue;
      moments.add(x);
      block.push(x);
    }
    if ((r + 1) % SAMPLE_BLOCK_REPLICATIONS === 0) {
      if (digest === undefined) blocks.push(block);
      else merge(block);
      block = [];
    }
    if (digest === undefined && moments.count > exactLimit) {
      digest = new TDigest(DEFAULT_COMPRESSION);
      for (const b of blocks) merge(b);
    }
  }
  const n = moments.count;
  if (n === 0) return { n, mean: Number.NaN, quantiles: PS.map(() => Number.NaN) };
  if (digest === undefined) {
    const sorted = Float64Array.from([...blocks.flat(), ...block]).sort();
    return { n, mean: moments.mean, quantiles: PS.map((p) => quantileSorted(sorted, p)) };
  }
  const view = TDigest.fromState(digest.toState());
  if (block.length > 0) view.mergeSorted(Float64Array.from(block).sort());
  return { n, mean: moments.mean, quantiles: PS.map((p) => view.quantile(p)) };
}

// mostly one value (a wait that is 0 for nearly every item), as level-3 samples are: blocks then have a value
// counted apart; signed zeros, other repeats, any doubles and non-finite values around it
const value = fc.oneof(
  { weight: 12, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constantFrom(-0, 1, 2.5) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY) },
);

/** Adds `replications` to a SampleAccumulator and compares its count, mean and quantiles with the reference's. */
function expectSameAsReference(replications: number[][], exactLimit: number): void {
  const acc = new SampleAccumulator(exactLimit);
  for (const r of replications) acc.addAll(Float64Array.from(r));
  const expected = reference(replications, exactLimit);
  expect(acc.n).toBe(expected.n);
  const summary = acc.summary("s", { label: "s", unit: "" });
  expect(Object.is(summary.mean, expected.mean)).toBe(true);
  const got = [
    summary.p5,
    summary.p10,
    summary.p25,
    summary.p50,
    summary.p75,
    summary.p80,
    summary.p90,
    summary.p95,
  ];
  for (let i = 0; i < PS.length; i++)
    expect(Object.is(got[i], expected.quantiles[i]), `p${PS[i]}`).toBe(true);
}

describe("SampleAccumulator against a plain reference", () => {
  it("gives the same count, mean and quantiles bit for bit, in exact and block-digest mode", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 40, size: "max" }), { maxLength: 45, size: "max" }),
        fc.integer({ min: 0, max: 120 }),
        expectSameAsReference,
      ),
      { numRuns: 400, seed: 17 },
    );
  });

  it("keeps -0 and +0 apart when one of them is the value counted apart", () => {
    const mostlyNegativeZero = Array.from({ length: 25 }, (_, r) => [-0, -0, -0, r % 2 === 0 ? 0 : -0]);
    const mostlyZero = Array.from({ length: 25 }, () => [0, 0, 0, -0, -0]);
    for (const replications of [mostlyNegativeZero, mostlyZero]) expectSameAsReference(replications, 0);
  });
});
