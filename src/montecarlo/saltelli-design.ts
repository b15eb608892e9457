/**
 * Saltelli's sampling design for first- and total-order Sobol' indices (A. Saltelli, P. Annoni, I. Azzini,
 * F. Campolongo, M. Ratto and S. Tarantola, "Variance based sensitivity analysis of model output. Design and
 * estimator for the total sensitivity index", Computer Physics Communications 181, 2010, section 3):
 *
 *   1. draw n points of a 2k-dimensional digitally shifted Sobol' sequence (sobol-sequence.ts);
 *   2. matrix A is its first k columns, matrix B its last k columns;
 *   3. AB_i is A with column i taken from B.
 *
 * The model is evaluated at n (k + 2) points, grouped by base row j in the order A_j, AB_1j, ..., AB_kj, B_j
 * (SALib's order without second-order rows), so the points of one base row are adjacent and the bootstrap in
 * sobol-indices.ts resamples whole rows.
 */
import type { RandomSource } from "../../engine/index.ts";
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from "./sobol-sequence.ts";

/** Largest number of parameters a Saltelli design supports (2k Sobol' dimensions). */
export const SALTELLI_MAX_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/**
 * The n (k + 2) unit points of the Saltelli design with n base rows and k parameters, rows of [0, 1)^k in the
 * order of the module comment; `shift` randomises the Sobol' sequence (omit it for the plain sequence).
 *
 * @throws {RangeError} when n < 2 or k is not in [1, SALTELLI_MAX_PARAMETERS].
 */
export function saltelliDesign(n: number, k: number, shift?: RandomSource): number[][] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n must be an integer >= 2, got ${n}`);
  if (!Number.isInteger(k) || k < 1 || k > SALTELLI_MAX_PARAMETERS) {
    throw new RangeError(`k must be an integer in [1, ${SALTELLI_MAX_PARAMETERS}], got ${k}`);
  }
  const base = sobolSequence(n, 2 * k, shift);
  const rows: number[][] = [];
  for (const point of base) {
    const a = point.slice(0, k);
    const b = point.slice(k);
    rows.push(a);
    for (let i = 0; i < k; i++) {
      const ab = [...a];
      ab[i] = b[i]!;
      rows.push(ab);
    }
    rows.push(b);
  }
  return rows;
}
