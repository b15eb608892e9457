/**
 * Empirical distribution by resampling (the bootstrap draw of B. Efron, "Bootstrap methods: another look at
 * the jackknife", Ann. Statist. 7 (1979) 1-26): each call returns data[floor(U n)], every observation with
 * probability 1/n. Mean = sample mean, variance = population variance of the data (divisor n).
 */
import { checkFinite, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler that draws one of `data` uniformly at random with replacement (the data are copied).
 *
 * @example
 * const observed = empirical(createStream(1, 0, "lead-time"), [3, 5, 5, 8, 13]);
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `data` is empty or holds a non-finite value.
 */
export function empirical(source: RandomSource, data: readonly number[]): () => number {
  checkSource("empirical", source);
  if (!Array.isArray(data) || data.length === 0) {
    throw new RangeError(`empirical: data must be a non-empty array of numbers, got ${JSON.stringify(data)}`);
  }
  const values = Float64Array.from(data);
  for (let i = 0; i < values.length; i++) checkFinite("empirical", `data[${i}]`, data[i]!);
  const n = values.length;
  return () => values[Math.floor(source() * n)]!;
}
