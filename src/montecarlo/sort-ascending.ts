/**
 * Sorts a Float64Array in place exactly as `values.sort()` does (ascending, -0 before +0, NaN last), faster when
 * one value makes up most of it, and faster for long arrays.
 *
 * Why: many pooled samples and series months of a level-3 run are mostly one value (a wait that is 0 for nearly
 * every item, an availability that is 1 in seven months of ten), and V8's native typed-array sort gains nothing
 * from that: a block of 9 600 zeros took 0.3 ms, and sorting was about a quarter of the folding thread's time.
 * When a value fills at least {@link DOMINANT_SHARE} of the array, only the other values are sorted and the
 * dominant one is filled in at its place. Its candidate is found in one pass by the majority vote of R. S.
 * Boyer and J. S. Moore ("MJRTY - A Fast Majority Vote Algorithm", 1991). What is sorted (the whole array, or
 * the other values) goes to {@link radixSortFloat64} from {@link RADIX_SORT_MIN_LENGTH} elements on, to the
 * native sort below that. The result is the same array, bit for bit: equal numbers are indistinguishable except
 * for the sign of zero, which counts as a different value here; the radix sort orders the rest as the native
 * sort does and leaves arrays holding a NaN to it.
 */

import { radixSortFloat64 } from "./radix-sort-float64.ts";

/** Share of the array the most frequent value must fill for the partial sort (below it the native sort runs). */
export const DOMINANT_SHARE = 0.25;

/**
 * Length from which the radix sort replaces the native one: where it became the faster of the two, measured on
 * random doubles of 0..400 with one to three decimals (CPU ns per element, native / radix, best of 7, several
 * runs): 500: 37-40 / 43-59, 600: 42-52 / 40-50, 700: 48-56 / 38-51, 1 000: 54-71 / 34-43. The native sort's
 * cost per element grows with the length and the radix sort's falls: 200: 15 / 68, 60 000: 106-118 / 23-33.
 */
export const RADIX_SORT_MIN_LENGTH = 700;

/**
 * Sorts `values` in place, ascending (the order of `Float64Array.prototype.sort` without a comparator), and
 * returns it.
 *
 * @example
 * sortAscending(Float64Array.of(1, 0, 1, -0)); // Float64Array [-0, 0, 1, 1]
 */
export function sortAscending(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 64) return values.sort();
  // majority vote: the value filling more than half, if any, is the candidate left at the end
  let candidate = values[0]!;
  let votes = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (votes === 0) {
      candidate = x;
      votes = 1;
    } else if (same(x, candidate)) votes++;
    else votes--;
  }
  if (Number.isNaN(candidate)) return values.sort();
  let count = 0;
  for (let i = 0; i < n; i++) if (same(values[i]!, candidate)) count++;
  if (count < n * DOMINANT_SHARE) return sortAll(values);
  // the other values to the front, sorted; then the candidate's run opened at its place
  let rest = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (!same(x, candidate)) values[rest++] = x;
  }
  sortAll(values.subarray(0, rest));
  return insertRun(values, rest, candidate, count);
}

/**
 * Opens a run of `count` copies of `value` at its place in the sorted `values[0, length)` and returns `values`,
 * whose first `length + count` entries are then sorted as `sort()` sorts them (the entries from `length + count`
 * on are left as they are). For a caller that has kept the copies of a frequent value apart from the others
 * (sample-accumulator.ts) and sorted only the others. `value` must not be NaN.
 *
 * @throws {RangeError} when `values` is shorter than `length + count`.
 * @example
 * insertRun(Float64Array.of(1, 3, 0, 0), 2, 2, 2); // Float64Array [1, 2, 2, 3]
 */
export function insertRun(values: Float64Array, length: number, value: number, count: number): Float64Array {
  if (values.length < length + count) {
    throw new RangeError(`insertRun needs ${length + count} entries, the array has ${values.length}`);
  }
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(values[mid]!, value)) low = mid + 1;
    else high = mid;
  }
  values.copyWithin(low + count, low, length);
  values.fill(value, low, low + count);
  return values;
}

/** Sorts `values` in place as `values.sort()` does, by radix from {@link RADIX_SORT_MIN_LENGTH} elements on. */
function sortAll(values: Float64Array): Float64Array {
  return values.length >= RADIX_SORT_MIN_LENGTH ? radixSortFloat64(values) : values.sort();
}

/** Whether `a` and `b` are the same number, telling -0 from +0 (true for two NaNs, which the caller excludes). */
function same(a: number, b: number): boolean {
  return Object.is(a, b);
}

/** Whether the native sort puts `x` before `y` (`y` is not NaN; a NaN `x` comes after). */
function before(x: number, y: number): boolean {
  return x < y || (x === 0 && y === 0 && 1 / x < 0 && 1 / y > 0);
}
