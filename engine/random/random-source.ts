/**
 * The one primitive every sampler is built on.
 *
 * Follows d3-random's injected-source design (https://github.com/d3/d3-random#random_source), except that there
 * is no default source: every caller must pass one, so results are reproducible by seed.
 */

/**
 * A uniform pseudo-random number generator on [0, 1): each call returns the next number of its stream.
 *
 * @example
 * const source: RandomSource = createStream(42, 0, "arrivals");
 * const u = source(); // 0 <= u < 1
 */
export type RandomSource = () => number;
