/**
 * Sobol' low-discrepancy sequence (I. M. Sobol', "On the distribution of points in a cube and the approximate
 * evaluation of integrals", USSR Comput. Math. Math. Phys. 7, 1967) in base 2 with 32-bit direction numbers,
 * points in Gray-code order (I. A. Antonov and V. M. Saleev, USSR Comput. Math. Math. Phys. 19, 1979), so point
 * i is the XOR of the direction numbers of the bits set in i ^ (i >> 1).
 *
 * Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
 * projections", SIAM J. Sci. Comput. 30, 2008, file `new-joe-kuo-6.21201`, dimensions 2 to 40 (dimension 1 is
 * van der Corput's). For a primitive polynomial of degree s with coefficients a and initial values m_1..m_s,
 * v_k = m_k 2^(32-k) for k <= s, and v_k = a_1 v_(k-1) ^ ... ^ a_(s-1) v_(k-s+1) ^ v_(k-s) ^ (v_(k-s) >> s).
 *
 * Randomisation (optional): a random digital shift, each dimension's 32-bit integers XOR-ed with one uniform
 * random 32-bit word (P. L'Ecuyer and C. Lemieux, "Recent advances in randomized quasi-Monte Carlo methods",
 * 2002, section 6.2). It keeps the net structure and makes every coordinate uniform on [0, 1).
 */
import type { RandomSource } from "../../engine/index.ts";

// dimensions 2..40 of new-joe-kuo-6.21201 as "s a m_1 ... m_s"
const JOE_KUO = [
  "1 0 1",
  "2 1 1 3",
  "3 1 1 3 1",
  "3 2 1 1 1",
  "4 1 1 1 3 3",
  "4 4 1 3 5 13",
  "5 2 1 1 5 5 17",
  "5 4 1 1 5 5 5",
  "5 7 1 1 7 11 19",
  "5 11 1 1 5 1 1",
  "5 13 1 1 1 3 11",
  "5 14 1 3 5 5 31",
  "6 1 1 3 3 9 7 49",
  "6 13 1 1 1 15 21 21",
  "6 16 1 3 1 13 27 49",
  "6 19 1 1 1 15 7 5",
  "6 22 1 3 1 15 13 25",
  "6 25 1 1 5 5 19 61",
  "7 1 1 3 7 11 23 15 103",
  "7 4 1 3 7 13 13 15 69",
  "7 7 1 1 3 13 7 35 63",
  "7 8 1 3 5 9 1 25 53",
  "7 14 1 3 1 13 9 35 107",
  "7 19 1 3 1 5 27 61 31",
  "7 21 1 1 5 11 19 41 61",
  "7 28 1 3 5 3 3 13 69",
  "7 31 1 1 7 13 1 19 1",
  "7 32 1 3 7 5 13 19 59",
  "7 37 1 1 3 9 25 29 41",
  "7 41 1 3 5 13 23 1 55",
  "7 42 1 3 7 3 13 59 17",
  "7 50 1 3 1 3 5 53 69",
  "7 55 1 1 5 5 23 33 13",
  "7 56 1 1 7 7 1 61 123",
  "7 59 1 1 7 9 13 61 49",
  "7 62 1 3 3 5 3 55 33",
  "8 14 1 3 1 15 31 13 49 245",
  "8 21 1 3 5 15 31 59 63 97",
  "8 22 1 3 1 11 11 11 77 249",
];

const BITS = 32;

/** Largest number of dimensions {@link sobolSequence} supports. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

const WORD = 2 ** BITS;

/** Largest number of points {@link sobolSequence} gives (2^31: indices stay within 32-bit integer arithmetic). */
export const SOBOL_MAX_POINTS = 2 ** 31;

let directionCache: Uint32Array[] | undefined;

function directions(): Uint32Array[] {
  if (directionCache !== undefined) return directionCache;
  const first = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) first[k] = 2 ** (BITS - 1 - k);
  const all = [first];
  for (const row of JOE_KUO) {
    const [s, a, ...m] = row.split(" ").map(Number) as [number, number, ...number[]];
    const v = new Uint32Array(BITS);
    for (let k = 0; k < BITS; k++) {
      if (k < s) {
        v[k] = m[k]! * 2 ** (BITS - 1 - k);
        continue;
      }
      let value = v[k - s]! ^ (v[k - s]! >>> s);
      for (let l = 1; l < s; l++) {
        if (((a >>> (s - 1 - l)) & 1) === 1) value ^= v[k - l]!;
      }
      v[k] = value >>> 0;
    }
    all.push(v);
  }
  directionCache = all;
  return all;
}

/**
 * The first `n` points of the `dimensions`-dimensional Sobol' sequence on [0, 1)^dimensions (row i is point i,
 * starting with the origin), digitally shifted by words drawn from `shift` when given.
 *
 * @example
 * sobolSequence(4, 2); // [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 * @throws {RangeError} when n is not an integer in [1, 2^31] or dimensions not in [1, SOBOL_MAX_DIMENSIONS].
 */
export function sobolSequence(n: number, dimensions: number, shift?: RandomSource): number[][] {
  if (!Number.isInteger(n) || n < 1 || n > SOBOL_MAX_POINTS) {
    throw new RangeError(`n must be an integer in [1, 2^31], got ${n}`);
  }
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`dimensions must be an integer in [1, ${SOBOL_MAX_DIMENSIONS}], got ${dimensions}`);
  }
  const v = directions().slice(0, dimensions);
  const shifts = Array.from({ length: dimensions }, () =>
    shift === undefined ? 0 : Math.floor(shift() * WORD) >>> 0,
  );
  const points: number[][] = [];
  for (let i = 0; i < n; i++) {
    const gray = i ^ Math.floor(i / 2);
    const row = new Array<number>(dimensions);
    for (let j = 0; j < dimensions; j++) {
      let word = shifts[j]!;
      let bits = gray;
      for (let k = 0; bits > 0; k++, bits = Math.floor(bits / 2)) {
        if (bits % 2 === 1) word ^= v[j]![k]!;
      }
      row[j] = (word >>> 0) / WORD;
    }
    points.push(row);
  }
  return points;
}
