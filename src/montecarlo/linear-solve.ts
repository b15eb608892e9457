/**
 * Dense linear algebra for the sensitivity measures: Gaussian elimination with partial pivoting
 * (G. H. Golub and C. F. Van Loan, "Matrix Computations", 4th ed., algorithm 3.4.1) and ordinary least squares
 * through the normal equations X'X b = X'y (ibid. section 5.3.1; adequate for the few, standardised regressors
 * of a sweep).
 */

/**
 * Solves A x = b for square A; returns undefined when A is singular (a pivot below 1e-12 times the largest
 * entry), so callers can report "not estimable" instead of noise.
 *
 * @throws {RangeError} when the dimensions do not match.
 */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const n = a.length;
  if (b.length !== n || a.some((row) => row.length !== n)) {
    throw new RangeError(
      `solveLinear needs an n x n matrix and n values, got ${n} rows and ${b.length} values`,
    );
  }
  const m = a.map((row, i) => [...row, b[i]!]);
  const scale = Math.max(...a.flat().map(Math.abs), 0);
  if (scale === 0) return n === 0 ? [] : undefined;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++)
      if (Math.abs(m[row]![col]!) > Math.abs(m[pivot]![col]!)) pivot = row;
    if (Math.abs(m[pivot]![col]!) < 1e-12 * scale) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const pivotRow = m[col]!;
    for (let row = col + 1; row < n; row++) {
      const target = m[row]!;
      const factor = target[col]! / pivotRow[col]!;
      for (let k = col; k <= n; k++) target[k] = target[k]! - factor * pivotRow[k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = m[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= m[row]![k]! * x[k]!;
    x[row] = sum / m[row]![row]!;
  }
  return x;
}

/**
 * Least-squares coefficients b minimising |X b - y|^2 (rows of X are observations); undefined when X'X is
 * singular.
 */
export function leastSquares(x: readonly (readonly number[])[], y: readonly number[]): number[] | undefined {
  const k = x[0]?.length ?? 0;
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  x.forEach((row, i) => {
    for (let p = 0; p < k; p++) {
      xty[p] = xty[p]! + row[p]! * y[i]!;
      for (let q = 0; q < k; q++) xtx[p]![q] = xtx[p]![q]! + row[p]! * row[q]!;
    }
  });
  return solveLinear(xtx, xty);
}
