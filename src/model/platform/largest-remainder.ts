/**
 * Integer apportionment of an amount in cents by weights, so that parts always add up to the total exactly.
 *
 * Source: the largest-remainder (Hamilton) method: each part gets the floor of its exact quota, and the cents
 * left over go one each to the parts with the largest fractional remainders (ties to the lower index).
 */

/** Convert an amount in currency units to whole cents (round half away from zero). */
export function toCents(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`amount must be finite, got ${amount}`);
  return Math.sign(amount) * Math.round(Math.abs(amount) * 100);
}

/**
 * Split `totalCents` (an integer, may be negative) into integer parts proportional to `weights`; the parts sum
 * to `totalCents` exactly. With all weights zero the total is split evenly.
 * @throws RangeError when totalCents is not an integer, weights is empty, or a weight is negative or not finite
 */
export function apportionCents(totalCents: number, weights: readonly number[]): number[] {
  const parts = new Array<number>(weights.length);
  apportionCentsInto(totalCents, weights, weights.length, parts);
  return parts;
}

/** Remainders and their order: scratch space of {@link apportionCentsInto}, grown as needed. */
let remainders = new Float64Array(16);
let order = new Int32Array(16);

/**
 * {@link apportionCents} of the first `count` entries of `weights`, written to `parts[0 .. count - 1]`: for
 * callers that split many amounts, which then allocate nothing per split.
 * @throws RangeError as apportionCents (count = 0 counts as empty weights)
 */
export function apportionCentsInto(
  totalCents: number,
  weights: ArrayLike<number>,
  count: number,
  parts: number[],
): void {
  if (!Number.isInteger(totalCents)) throw new RangeError(`totalCents must be an integer, got ${totalCents}`);
  if (count === 0) throw new RangeError("weights must hold at least one weight");
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i]!;
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`weights must be finite and >= 0, got ${w}`);
    sum += w;
  }
  const n = count;
  if (remainders.length < n) {
    remainders = new Float64Array(2 * n);
    order = new Int32Array(2 * n);
  }
  const sign = totalCents < 0 ? -1 : 1;
  const magnitude = Math.abs(totalCents);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const share = sum > 0 ? weights[i]! / sum : 1 / n;
    const exact = magnitude * share;
    const floor = Math.floor(exact + 1e-9);
    parts[i] = floor;
    remainders[i] = exact - floor;
    given += floor;
  }
  let left = magnitude - given;
  if (left > 0) {
    remainderOrder(remainders, n, true, order);
    for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]!]! += 1;
  } else if (left < 0) {
    // Only reachable through the 1e-9 guard on tiny totals: take cents back from the smallest remainders.
    remainderOrder(remainders, n, false, order);
    for (let k = 0; left < 0; k = (k + 1) % n) {
      const i = order[k]!;
      if (parts[i]! > 0) {
        parts[i]! -= 1;
        left++;
      }
    }
  }
  if (sign < 0) for (let i = 0; i < n; i++) parts[i] = -parts[i]!;
}

/**
 * The first `n` indices ordered by remainder into `order`, largest first with ties to the lower index
 * (`largestFirst`), or smallest first with ties to the higher index; an insertion sort, as the lists are a
 * handful of tenants long.
 */
function remainderOrder(remainders: Float64Array, n: number, largestFirst: boolean, order: Int32Array): void {
  for (let i = 0; i < n; i++) {
    let j = i;
    const r = remainders[i]!;
    // earlier indices win ties in the largest-first order and lose them in the smallest-first order
    while (j > 0) {
      const prev = remainders[order[j - 1]!]!;
      if (largestFirst ? prev >= r : prev < r) break;
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
}
