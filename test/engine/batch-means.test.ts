import { describe, expect, it } from "vitest";
import {
  BatchMeans,
  batchMeans,
  createStream,
  Environment,
  exponential,
  TimeWeighted,
} from "../../engine/index.ts";

describe("BatchMeans (streaming)", () => {
  it("with a fixed batch size equals batchMeans on the same batches and counts the trailing values", () => {
    const stream = new BatchMeans({ batchSize: 3 });
    const values = [5, 1, 3, 2, 2, 8, 4, 4, 4, 9, 7];
    for (const v of values) stream.add(v);
    const result = stream.result(0.9);
    expect(result.means).toEqual([3, 4, 4]);
    expect(result.batchSize).toBe(3);
    expect(result.unbatched).toBe(2);
    const reference = batchMeans(values.slice(0, 9), 3, 0.9);
    expect(result.mean).toBe(reference.mean);
    expect(result.halfWidth).toBe(reference.halfWidth);
    expect(stream.count).toBe(11);
  });

  it("with a target count keeps between b and 2b - 1 batches, doubling the size by merging pairs", () => {
    const stream = new BatchMeans({ batches: 2 });
    const seen: number[] = [];
    for (let i = 1; i <= 9; i++) {
      stream.add(i);
      seen.push(stream.batches);
    }
    // 4 batches of 1 merge into 2 of 2 at the 4th value; 4 batches of 2 merge into 2 of 4 at the 8th.
    expect(seen).toEqual([1, 2, 3, 2, 2, 3, 3, 2, 2]);
    const result = stream.result();
    expect(result.batchSize).toBe(4);
    expect(result.means).toEqual([2.5, 6.5]);
    expect(result.unbatched).toBe(1);
  });

  it("holds O(b) values for a long series and its interval covers the known mean", () => {
    const draw = exponential(createStream(7, 0, "batch-means"), 2);
    const stream = new BatchMeans({ batches: 20 });
    for (let i = 0; i < 200_000; i++) stream.add(draw());
    const result = stream.result(0.99);
    expect(result.batches).toBeGreaterThanOrEqual(20);
    expect(result.batches).toBeLessThan(40);
    expect(result.batches * result.batchSize + result.unbatched).toBe(200_000);
    expect(result.low).toBeLessThan(0.5);
    expect(result.high).toBeGreaterThan(0.5);
    expect(result.halfWidth).toBeLessThan(0.01);
  });

  it("reset() forgets everything (end of a warm-up) and bad options are refused", () => {
    const stream = new BatchMeans({ batches: 2 });
    for (let i = 0; i < 10; i++) stream.add(100);
    stream.reset();
    for (const v of [1, 2, 3, 4]) stream.add(v);
    expect(stream.result().means).toEqual([1.5, 3.5]);
    expect(() => new BatchMeans({ batches: 1 })).toThrow(RangeError);
    expect(() => new BatchMeans({ batchSize: 0 })).toThrow(RangeError);
    expect(() => new BatchMeans({} as never)).toThrow(
      "BatchMeans requires exactly one of batchSize and batches",
    );
    expect(() => new BatchMeans({ batches: 2 }).result()).toThrow(
      "BatchMeans requires at least 2 complete batches, got 0",
    );
    expect(() => stream.add(Number.NaN)).toThrow(RangeError);
  });
});

describe("TimeWeighted batch means", () => {
  it("keeps the time average of each interval of batchLength, splitting a value across boundaries", () => {
    const env = new Environment();
    const queue = new TimeWeighted(env, 0, { batchLength: 2 });
    env.schedule(1, () => queue.record(4)); // 0 on [0,1), 4 on [1,5), 1 from 5
    env.schedule(5, () => queue.record(1));
    env.run({ until: 7 });
    const result = queue.batchMeans();
    // [0,2): (0 + 4) / 2 = 2; [2,4): 4; [4,6): (4 + 1) / 2 = 2.5; [6,7) is incomplete.
    expect(result.means).toEqual([2, 4, 2.5]);
    expect(result.batchSize).toBe(2);
    expect(result.unbatched).toBe(1);
    expect(queue.mean()).toBeCloseTo((0 * 1 + 4 * 4 + 1 * 2) / 7, 12);
  });

  it("with a target count doubles the length by merging pairs", () => {
    const env = new Environment();
    const level = new TimeWeighted(env, 0, { batchLength: 1, batches: 2 });
    for (let t = 1; t <= 9; t++) env.schedule(t - 0.5, () => level.record(t));
    env.run({ until: 8 });
    const result = level.batchMeans();
    expect(result.batchSize).toBe(4);
    expect(result.means).toHaveLength(2);
    expect(result.means[0]).toBeCloseTo((0.5 * 0 + 1 + 2 + 3 + 0.5 * 4) / 4, 12);
    expect(result.unbatched).toBe(0);
  });

  it("reset() restarts the batches at now; misuse is refused", () => {
    const env = new Environment();
    const busy = new TimeWeighted(env, 3, { batchLength: 1 });
    env.schedule(10, () => busy.reset());
    env.schedule(11.5, () => busy.record(1));
    env.run({ until: 13 });
    expect(busy.batchMeans().means).toEqual([3, 2, 1]);
    expect(() => new TimeWeighted(env).batchMeans()).toThrow(/batchLength/);
    expect(() => new TimeWeighted(env, 0, { batchLength: 0 })).toThrow(RangeError);
    expect(() => new TimeWeighted(env, 0, { batches: 3 })).toThrow(RangeError);
  });
});
