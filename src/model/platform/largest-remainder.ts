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
  if (!Number.isInteger(totalCents)) throw new RangeError(`totalCents must be an integer, got ${totalCents}`);
  if (weights.length === 0) throw new RangeError("weights must hold at least one weight");
  let sum = 0;
  for (const w of weights) {
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`weights must be finite and >= 0, got ${w}`);
    sum += w;
  }
  const n = weights.length;
  const sign = totalCents < 0 ? -1 : 1;
  const magnitude = Math.abs(totalCents);
  const parts = new Array<number>(n);
  const remainders = new Float64Array(n);
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
    const order = remainderOrder(remainders, true);
    for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]!]! += 1;
  } else if (left < 0) {
    // Only reachable through the 1e-9 guard on tiny totals: take cents back from the smallest remainders.
    const order = remainderOrder(remainders, false);
    for (let k = 0; left < 0; k = (k + 1) % n) {
      const i = order[k]!;
      if (parts[i]! > 0) {
        parts[i]! -= 1;
        left++;
      }
    }
  }
  return sign < 0 ? parts.map((p) => -p) : parts;
}

/**
 * Indices ordered by remainder, largest first with ties to the lower index (`largestFirst`), or smallest first
 * with ties to the higher index; an insertion sort, as the lists are a handful of tenants long.
 */
function remainderOrder(remainders: Float64Array, largestFirst: boolean): Int32Array {
  const n = remainders.length;
  const order = new Int32Array(n);
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
  return order;
}
