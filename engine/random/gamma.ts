/**
 * Gamma distribution by G. Marsaglia, W. W. Tsang, "A simple method for generating gamma variables",
 * ACM Trans. Math. Softw. 26 (2000) 363-372: with d = shape - 1/3, c = 1 / sqrt(9d), draw Z normal,
 * V = (1 + cZ)^3, accept dV when U < 1 - 0.0331 Z^4 (squeeze) or ln U < Z^2/2 + d(1 - V + ln V).
 * For shape < 1 the same paper's boost is used: Gamma(a) = Gamma(a + 1) * U^(1/a).
 * The normal comes from normal.ts on the same source (d3-random passes its source down the same way).
 * Mean shape * scale, variance shape * scale^2.
 */
import { normal } from "./normal.ts";
import { checkPositive, checkSource } from "./parameter-checks.ts";
import type { RandomSource } from "./random-source.ts";

/**
 * Returns a sampler of Gamma(shape, scale) (scale parameterisation: mean shape * scale).
 *
 * @example
 * const wait = gamma(createStream(1, 0, "wait"), 2, 3); // mean 6
 * @throws {TypeError} when `source` is not a function.
 * @throws {RangeError} when `shape` or `scale` is not a finite number > 0.
 */
export function gamma(source: RandomSource, shape: number, scale: number): () => number {
  checkSource("gamma", source);
  checkPositive("gamma", "shape", shape);
  checkPositive("gamma", "scale", scale);
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const inverseShape = 1 / shape;
  const z = normal(source, 0, 1);
  return () => {
    let x: number;
    let v: number;
    for (;;) {
      do {
        x = z();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = source();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) break;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) break;
    }
    const g = d * v * scale;
    return boosted ? g * (1 - source()) ** inverseShape : g;
  };
}
