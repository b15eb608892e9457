/**
 * The one simulation calendar (MODEL.md "Time and units"): the kernel clock is in days, a month is
 * 365.25 / 12 days (the mean Gregorian month), effort is in person-weeks of 7 calendar days, and platform
 * parameters written in hours or seconds are converted here.
 */

/** Days in one model month (365.25 / 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Calendar days in one week. */
export const DAYS_PER_WEEK = 7;

/** Days in one year. */
export const DAYS_PER_YEAR = 365.25;

/** Hours in a day. */
export const HOURS_PER_DAY = 24;

/** Seconds in an hour. */
export const SECONDS_PER_HOUR = 3600;

/** Seconds in a day. */
export const SECONDS_PER_DAY = 86_400;

/**
 * Tolerance of {@link monthOfDay}: a time that lands a rounding error short of a month boundary (a sum of
 * hourly steps, say) counts in the month that starts there.
 */
const MONTH_BOUNDARY_EPSILON = 1e-9;

/** Index of the month containing `day` (day 0 is the start of month 0). */
export function monthOfDay(day: number): number {
  return Math.floor(day / DAYS_PER_MONTH + MONTH_BOUNDARY_EPSILON);
}

/** Hours to days. */
export function hoursToDays(hours: number): number {
  return hours / HOURS_PER_DAY;
}

/** Seconds to days. */
export function secondsToDays(seconds: number): number {
  return seconds / SECONDS_PER_DAY;
}
