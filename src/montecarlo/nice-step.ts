/**
 * Round step sizes for histogram bins and reach thresholds: the "nice numbers" rule of P. S. Heckbert,
 * "Nice Numbers for Graph Labels", Graphics Gems (1990): a step is 1, 2 or 5 times a power of ten.
 */

/**
 * The smallest step of the form {1, 2, 5} x 10^k that is >= `rough`; 1 when rough is not > 0.
 *
 * @example
 * niceStep(0.37); // 0.5
 * niceStep(130); // 200
 */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) {
    // the tolerance absorbs floating error in 10 ** k so 0.3 / 0.1 style inputs do not jump a step
    if (factor * power >= rough * (1 - 1e-12)) return factor * power;
  }
  return 10 * power;
}
