import { describe, expect, it } from "vitest";
import { createStream } from "../../engine/index.ts";
import { saltelliDesign } from "../../src/montecarlo/saltelli-design.ts";
import { type SobolIndex, sobolIndices } from "../../src/montecarlo/sobol-indices.ts";
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from "../../src/montecarlo/sobol-sequence.ts";

describe("sobolSequence", () => {
  it("gives the Joe-Kuo points in Gray-code order", () => {
    expect(sobolSequence(8, 2)).toEqual([
      [0, 0],
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.375, 0.375],
      [0.875, 0.875],
      [0.625, 0.125],
      [0.125, 0.625],
    ]);
    // dimension 3 (s = 2, a = 1, m = 1 3): the third coordinates of the first 8 points
    expect(sobolSequence(8, 3).map((row) => row[2])).toEqual([
      0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375,
    ]);
  });

  it("puts exactly one point in each of the 2^m elementary intervals of every dimension", () => {
    const points = sobolSequence(256, SOBOL_MAX_DIMENSIONS);
    for (let j = 0; j < SOBOL_MAX_DIMENSIONS; j++) {
      const cells = new Set(points.map((row) => Math.floor(row[j]! * 256)));
      expect(cells.size, `dimension ${j + 1}`).toBe(256);
    }
  });

  it("a digital shift keeps the stratification and is reproducible", () => {
    const a = sobolSequence(64, 4, createStream(5, 0, "shift"));
    const b = sobolSequence(64, 4, createStream(5, 0, "shift"));
    expect(a).toEqual(b);
    expect(a).not.toEqual(sobolSequence(64, 4));
    for (let j = 0; j < 4; j++) expect(new Set(a.map((row) => Math.floor(row[j]! * 64))).size).toBe(64);
  });

  it("rejects dimensions it has no direction numbers for", () => {
    expect(() => sobolSequence(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(RangeError);
  });
});

describe("saltelliDesign", () => {
  it("orders each base row as A, AB_1..AB_k, B", () => {
    const rows = saltelliDesign(4, 2);
    const base = sobolSequence(4, 4);
    const [a0, b0] = [base[1]!.slice(0, 2), base[1]!.slice(2)];
    expect(rows.slice(4, 8)).toEqual([a0, [b0[0], a0[1]], [a0[0], b0[1]], b0]);
    expect(rows).toHaveLength(16);
  });
});

// T. Ishigami and T. Homma, 1990; analytic indices in A. Saltelli et al., "Global Sensitivity Analysis: The
// Primer", 2008, section 4.9 (inputs uniform on [-pi, pi])
function ishigami(x: number[], a = 7, b = 0.1): number {
  return Math.sin(x[0]!) + a * Math.sin(x[1]!) ** 2 + b * x[2]! ** 4 * Math.sin(x[0]!);
}

function ishigamiIndices(a = 7, b = 0.1): { first: number[]; total: number[] } {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * pi8) / 225;
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
}

// I. M. Sobol', 1990; indices in A. Saltelli et al., Comput. Phys. Commun. 181, 2010, section 5
function gFunction(x: number[], a: readonly number[]): number {
  return x.reduce((product, xi, i) => product * ((Math.abs(4 * xi - 2) + a[i]!) / (1 + a[i]!)), 1);
}

function gIndices(a: readonly number[]): { first: number[]; total: number[] } {
  const partial = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const v = partial.reduce((product, vi) => product * (1 + vi), 1) - 1;
  return {
    first: partial.map((vi) => vi / v),
    total: partial.map((vi, i) => (vi * partial.reduce((p, vj, j) => (j === i ? p : p * (1 + vj)), 1)) / v),
  };
}

function expectWithin(indices: SobolIndex[], expected: { first: number[]; total: number[] }): void {
  indices.forEach((index, i) => {
    const first = expected.first[i]!;
    const total = expected.total[i]!;
    expect(index.firstLow, `S${i + 1} low`).toBeLessThanOrEqual(first);
    expect(index.firstHigh, `S${i + 1} high`).toBeGreaterThanOrEqual(first);
    expect(index.totalLow, `ST${i + 1} low`).toBeLessThanOrEqual(total);
    expect(index.totalHigh, `ST${i + 1} high`).toBeGreaterThanOrEqual(total);
    // the intervals are informative, not the whole [0, 1]
    expect(index.firstHigh - index.firstLow).toBeLessThan(0.15);
    expect(index.totalHigh - index.totalLow).toBeLessThan(0.15);
  });
}

describe("sobolIndices", () => {
  it("Ishigami (a = 7, b = 0.1): the analytic indices lie inside the bootstrap intervals", () => {
    const k = 3;
    const design = saltelliDesign(2048, k, createStream(11, 0, "saltelli"));
    const outputs = design.map((u) => ishigami(u.map((ui) => -Math.PI + 2 * Math.PI * ui)));
    const indices = sobolIndices(outputs, k, { source: createStream(11, 0, "bootstrap") });
    expectWithin(indices, ishigamiIndices());
    expect(indices[0]!.first).toBeCloseTo(0.3139, 1);
    expect(indices[1]!.first).toBeCloseTo(0.4424, 1);
  });

  it("Sobol G function (a = 0, 1, 4.5, 9, 99, 99): the analytic indices lie inside the intervals", () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    const design = saltelliDesign(4096, a.length, createStream(12, 0, "saltelli"));
    const outputs = design.map((u) => gFunction(u, a));
    const indices = sobolIndices(outputs, a.length, { source: createStream(12, 0, "bootstrap") });
    expectWithin(indices, gIndices(a));
    // the unimportant factors stay unimportant
    expect(indices[5]!.totalHigh).toBeLessThan(0.01);
  });

  it("an additive model has first order = total order = its variance share", () => {
    const design = saltelliDesign(512, 2, createStream(13, 0, "saltelli"));
    const outputs = design.map(([x1, x2]) => x1! + 2 * x2!);
    const [s1, s2] = sobolIndices(outputs, 2, { source: createStream(13, 0, "bootstrap") });
    expect(s1!.first).toBeCloseTo(0.2, 2);
    expect(s2!.first).toBeCloseTo(0.8, 2);
    expect(s1!.total).toBeCloseTo(0.2, 2);
    expect(s2!.total).toBeCloseTo(0.8, 2);
  });

  it("a constant output gives NaN, and bad shapes are rejected", () => {
    const [index] = sobolIndices(new Array(9).fill(3), 1, { source: createStream(1, 0, "b") });
    expect(index!.first).toBeNaN();
    expect(() => sobolIndices([1, 2, 3, 4], 1, { source: createStream(1, 0, "b") })).toThrow(RangeError);
  });
});
