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
  const shares = sum > 0 ? weights.map((w) => w / sum) : weights.map(() => 1 / n);
  const sign = totalCents < 0 ? -1 : 1;
  const magnitude = Math.abs(totalCents);
  const parts = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = magnitude * shares[i]!;
    const floor = Math.floor(exact + 1e-9);
    parts[i] = floor;
    remainders[i] = exact - floor;
    given += floor;
  }
  let left = magnitude - given;
  if (left > 0) {
    const order = [...remainders.keys()].sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]!]! += 1;
  } else if (left < 0) {
    // Only reachable through the 1e-9 guard on tiny totals: take cents back from the smallest remainders.
    const order = [...remainders.keys()].sort((a, b) => remainders[a]! - remainders[b]! || b - a);
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
