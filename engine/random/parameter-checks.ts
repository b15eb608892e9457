/**
 * Construction-time parameter checks shared by the distribution factories.
 *
 * Messages follow the house style (argument and value named, simple-statistics-style fragments):
 * `exponential: rate must be > 0, got -3`. Checks run once, when a sampler is built, never per draw.
 */
import type { RandomSource } from "./random-source.ts";

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * Throws unless `source` is a function (there is no default source).
 *
 * @throws {TypeError} when `source` is not callable.
 */
export function checkSource(dist: string, source: RandomSource): void {
  if (typeof source !== "function") {
    throw new TypeError(`${dist}: source must be a RandomSource function, got ${show(source)}`);
  }
}

/**
 * Throws unless `value` is a finite number.
 *
 * @throws {RangeError} when `value` is NaN, infinite or not a number.
 */
export function checkFinite(dist: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${dist}: ${name} must be a finite number, got ${show(value)}`);
  }
}

/**
 * Throws unless `value` is a finite number > 0.
 *
 * @throws {RangeError} when `value` is not finite or not > 0.
 */
export function checkPositive(dist: string, name: string, value: number): void {
  checkFinite(dist, name, value);
  if (!(value > 0)) throw new RangeError(`${dist}: ${name} must be > 0, got ${show(value)}`);
}

/**
 * Throws unless `value` is a finite number >= 0.
 *
 * @throws {RangeError} when `value` is not finite or negative.
 */
export function checkNonNegative(dist: string, name: string, value: number): void {
  checkFinite(dist, name, value);
  if (!(value >= 0)) throw new RangeError(`${dist}: ${name} must be >= 0, got ${show(value)}`);
}

/**
 * Throws unless `value` is a probability in [0, 1].
 *
 * @throws {RangeError} when `value` is outside [0, 1] or not a number.
 */
export function checkProbability(dist: string, name: string, value: number): void {
  checkFinite(dist, name, value);
  if (!(value >= 0 && value <= 1)) {
    throw new RangeError(`${dist}: ${name} must be in [0, 1], got ${show(value)}`);
  }
}

/**
 * Throws unless `value` is a safe integer >= `min`.
 *
 * @throws {RangeError} when `value` is not an integer or is below `min`.
 */
export function checkInteger(dist: string, name: string, value: number, min: number): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${dist}: ${name} must be an integer >= ${min}, got ${show(value)}`);
  }
}

/**
 * Throws unless `low <= high` (both already checked finite); names both arguments.
 *
 * @throws {RangeError} when `low > high`.
 */
export function checkOrdered(
  dist: string,
  lowName: string,
  low: number,
  highName: string,
  high: number,
): void {
  if (!(low <= high)) {
    throw new RangeError(
      `${dist}: ${lowName} must be <= ${highName}, got ${lowName}=${low}, ${highName}=${high}`,
    );
  }
}
