/**
 * CSV text as RFC 4180 describes it (comma separated, CRLF line ends, fields with comma, quote or line break
 * quoted, quotes doubled), with text cells that a spreadsheet would run as a formula (= + - @ tab CR) prefixed
 * by an apostrophe (OWASP "CSV Injection").
 */

/** A CSV cell value; undefined, null and non-finite numbers become empty cells. */
export type CsvValue = string | number | boolean | CsvDecimal | null | undefined;

/**
 * Decimal text written as it is (a negative amount is a number, not a formula to guard), e.g. from formatDecimal.
 * Build it with csvDecimal.
 */
export interface CsvDecimal {
  readonly decimal: string;
}

/**
 * A cell holding plain decimal text (optional minus, digits, optional fraction).
 * @throws RangeError when text is not such a decimal.
 */
export function csvDecimal(text: string): CsvDecimal {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`decimal text must match -?d+(.d+)?, got ${text}`);
  return { decimal: text };
}

/** One cell as CSV text. */
export function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "object") return value.decimal;
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A CSV document: header line, then one line per row, every line ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

/** The summary statistics every KPI and series-month row carries, in column order (kpis.csv, series.csv). */
export const SUMMARY_STATISTIC_COLUMNS = [
  "n",
  "mean",
  "sd",
  "ciLow",
  "ciHigh",
  "p5",
  "p10",
  "p25",
  "p50",
  "p75",
  "p90",
  "p95",
  "min",
  "max",
] as const;

/**
 * A decimal number as an integer coefficient and a power of ten: `coefficient × 10^exponent`, e.g. 177.4455 is
 * `{ coefficient: 1774455n, exponent: -4 }`.
 */
export interface ExactDecimal {
  coefficient: bigint;
  exponent: number;
}

/** Significant digits a double is read at: DBL_DIG (ISO C 5.2.4.2.2), the digits every double keeps. */
const DOUBLE_DIGITS = 15;

/**
 * The decimal a double stands for, read at 15 significant digits (DBL_DIG), so that binary float noise of
 * arithmetic such as a mean over replications (177.44549999999998) reads as the decimal it approximates
 * (177.4455).
 * @throws RangeError when value is not finite.
 */
export function exactDecimal(value: number): ExactDecimal {
  if (!Number.isFinite(value)) throw new RangeError(`value must be finite, got ${value}`);
  // toExponential always gives d.ddd…e±n, whatever the magnitude
  const match = /^(-?)(\d)\.(\d+)e([+-]\d+)$/.exec(value.toExponential(DOUBLE_DIGITS - 1))!;
  const digits = BigInt(`${match[2]}${match[3]}`);
  return {
    coefficient: match[1] === "-" ? -digits : digits,
    exponent: Number(match[4]) - (DOUBLE_DIGITS - 1),
  };
}

/** Powers of ten already computed (BigInt exponentiation dominates the cost of reading amounts otherwise). */
const POWERS_OF_TEN: bigint[] = [1n];

/** 10^n as a bigint, n an integer >= 0. */
export function powerOfTen(n: number): bigint {
  for (let k = POWERS_OF_TEN.length; k <= n; k++) POWERS_OF_TEN.push(POWERS_OF_TEN[k - 1]! * 10n);
  return POWERS_OF_TEN[n]!;
}

/** `value` as an integer count of `10^exponent` (exponent <= value's exponent, so nothing is lost). */
export function decimalUnits(value: ExactDecimal, exponent: number): bigint {
  if (exponent > value.exponent)
    throw new RangeError(`exponent must be <= ${value.exponent} to keep every digit, got ${exponent}`);
  return value.coefficient * powerOfTen(value.exponent - exponent);
}

/** `numerator / denominator` rounded down (towards minus infinity); denominator > 0. */
export function floorDivide(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator < 0n ? quotient - 1n : quotient;
}

/** `numerator / denominator` rounded half to even (banker's rounding, IEEE 754 roundTiesToEven); denominator > 0. */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  const floor = floorDivide(numerator, denominator);
  const twice = 2n * (numerator - floor * denominator);
  if (twice > denominator || (twice === denominator && floor % 2n !== 0n)) return floor + 1n;
  return floor;
}

/**
 * `value` as an integer count of 10^-places (whole cents for places 2), rounded half to even from its decimal at
 * 15 significant digits (exactDecimal): 0.125 -> 12n, 0.135 -> 14n, 177.44549999999998 -> 17745n.
 * @throws RangeError when value is not finite or places is not an integer >= 0.
 */
export function toScaledInteger(value: number, places: number): bigint {
  if (!Number.isInteger(places) || places < 0)
    throw new RangeError(`places must be an integer >= 0, got ${places}`);
  const decimal = exactDecimal(value);
  const shift = decimal.exponent + places;
  if (shift >= 0) return decimal.coefficient * powerOfTen(shift);
  return roundHalfEven(decimal.coefficient, powerOfTen(-shift));
}

/**
 * Plain decimal text (no exponent, no plus sign, no thousands separator) of `units × 10^-places`, with at least
 * `minPlaces` and at most `places` fraction digits (zeros beyond minPlaces trimmed): (17745n, 2) -> "177.45",
 * (-5n, 2) -> "-0.05", (1500n, 3, 0) -> "1.5".
 * @throws RangeError when places or minPlaces is not an integer with 0 <= minPlaces <= places.
 */
export function scaledIntegerText(units: bigint, places: number, minPlaces = places): string {
  if (!Number.isInteger(places) || !Number.isInteger(minPlaces) || minPlaces < 0 || minPlaces > places)
    throw new RangeError(
      `need integers 0 <= minPlaces <= places, got minPlaces ${minPlaces}, places ${places}`,
    );
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  let fraction = digits.slice(digits.length - places);
  while (fraction.length > minPlaces && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  const text = fraction === "" ? whole : `${whole}.${fraction}`;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * A number as plain decimal text rounded half to even to `places` fraction digits, keeping at least `minPlaces`
 * (default: all of them): formatDecimal(177.44549999999998, 2) = "177.45", formatDecimal(2.5e-7, 6, 0) = "0".
 * Money is formatted with two places, built from integer cents, so no float noise reaches the text.
 * @throws RangeError when value is not finite or the places are invalid.
 */
export function formatDecimal(value: number, places: number, minPlaces = places): string {
  return scaledIntegerText(toScaledInteger(value, places), places, minPlaces);
}
