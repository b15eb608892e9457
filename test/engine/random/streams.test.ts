import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createStream, deriveSeed, fnv1a64, StreamFactory } from "../../../engine/random/index.ts";

const draws = (source: () => number, n: number) => Array.from({ length: n }, () => source());

describe("fnv1a64", () => {
  it("matches the published FNV-1a 64-bit test vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("hashes UTF-8 bytes (value cross-checked with an independent Python implementation)", () => {
    expect(fnv1a64("é:ü")).toBe("0da7540d6f127aee");
  });
});

describe("deriveSeed", () => {
  it("is FNV-1a-64 of masterSeed:replication:stream (golden values pin the seeding forever)", () => {
    expect(deriveSeed(42, 0, "arrivals")).toBe("93b74b57d710baef");
    expect(deriveSeed(42, 1, "arrivals")).toBe("c1f6d0a11afefa2e");
    expect(deriveSeed(-7, 3, "effort")).toBe("d0e8c5a93cfaadf6");
  });

  it("rejects invalid arguments, naming argument and value", () => {
    expect(() => deriveSeed(1.5, 0, "a")).toThrow(
      new RangeError("masterSeed must be a safe integer, got 1.5"),
    );
    expect(() => deriveSeed(Number.NaN, 0, "a")).toThrow(/masterSeed must be a safe integer, got NaN/);
    expect(() => deriveSeed(1, -1, "a")).toThrow(
      new RangeError("replication must be an integer >= 0, got -1"),
    );
    expect(() => deriveSeed(1, 0.5, "a")).toThrow(/replication must be an integer >= 0, got 0.5/);
    expect(() => deriveSeed(1, 0, "")).toThrow(new RangeError('stream must be a non-empty string, got ""'));
  });
});

describe("createStream", () => {
  it("golden first draws of (42, 0, arrivals): seedrandom Alea on the derived seed", () => {
    expect(draws(createStream(42, 0, "arrivals"), 3)).toEqual([
      0.49462107894942164, 0.5053445196244866, 0.11388462735339999,
    ]);
  });

  it("the same (seed, replication, stream) gives the identical sequence", () => {
    expect(draws(createStream(7, 3, "effort"), 10_000)).toEqual(draws(createStream(7, 3, "effort"), 10_000));
  });

  it("different stream names, replications or master seeds give different sequences", () => {
    const base = draws(createStream(7, 3, "effort"), 100);
    expect(draws(createStream(7, 3, "arrivals"), 100)).not.toEqual(base);
    expect(draws(createStream(7, 4, "effort"), 100)).not.toEqual(base);
    expect(draws(createStream(8, 3, "effort"), 100)).not.toEqual(base);
    // no shared draws at all, not merely a shifted copy
    const other = new Set(draws(createStream(7, 3, "effort2"), 100));
    expect(base.filter((x) => other.has(x))).toEqual([]);
  });

  it("neighbouring streams are uncorrelated (|r| < 4/sqrt(n), n = 100 000)", () => {
    const n = 100_000;
    const pairs: [() => number, () => number][] = [
      [createStream(1, 0, "a"), createStream(1, 0, "b")],
      [createStream(1, 0, "a"), createStream(1, 1, "a")],
      [createStream(1, 0, "a"), createStream(2, 0, "a")],
    ];
    for (const [x, y] of pairs) {
      let sx = 0;
      let sy = 0;
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let i = 0; i < n; i++) {
        const a = x();
        const b = y();
        sx += a;
        sy += b;
        sxx += a * a;
        syy += b * b;
        sxy += a * b;
      }
      const r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
      expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(n));
    }
  });

  it("first draws across 2 000 replications are uniform (mean within 4 SE of 1/2)", () => {
    const n = 2000;
    let sum = 0;
    for (let r = 0; r < n; r++) sum += createStream(99, r, "arrivals")();
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
  });

  it("property: any valid (seed, replication, name) is reproducible and stays in [0, 1)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.nat({ max: 1_000_000 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        (seed, replication, name) => {
          const a = draws(createStream(seed, replication, name), 20);
          expect(draws(createStream(seed, replication, name), 20)).toEqual(a);
          for (const u of a) expect(u >= 0 && u < 1).toBe(true);
        },
      ),
      { seed: 20_261_124, numRuns: 300 },
    );
  });
});

describe("StreamFactory", () => {
  it("get memoises: the same name returns the same source, continuing its sequence", () => {
    const streams = new StreamFactory(5, 0);
    const first = streams.get("arrivals");
    expect(streams.get("arrivals")).toBe(first);
    const fresh = createStream(5, 0, "arrivals");
    expect([first(), streams.get("arrivals")()]).toEqual([fresh(), fresh()]);
  });

  it("adding a new stream does not change an existing stream's draws", () => {
    const alone = new StreamFactory(11, 2);
    const expected = draws(alone.get("effort"), 1000);

    const crowded = new StreamFactory(11, 2);
    const failures = crowded.get("failures");
    draws(failures, 500);
    const effort = crowded.get("effort");
    const interleaved: number[] = [];
    for (let i = 0; i < 1000; i++) {
      interleaved.push(effort());
      failures();
      crowded.get(`extra-${i % 7}`)();
    }
    expect(interleaved).toEqual(expected);
  });

  it("streams of a replication equal createStream with the same triple", () => {
    expect(draws(new StreamFactory(3, 9).get("x"), 50)).toEqual(draws(createStream(3, 9, "x"), 50));
  });

  it("validates its arguments at construction and names on get", () => {
    expect(() => new StreamFactory(0.5, 0)).toThrow(/masterSeed must be a safe integer, got 0.5/);
    expect(() => new StreamFactory(1, -2)).toThrow(/replication must be an integer >= 0, got -2/);
    expect(() => new StreamFactory(1, 0).get("")).toThrow(/stream must be a non-empty string/);
  });
});
