/**
 * Simulation calendar of the delivery model (MODEL.md "Time and units"): the clock is in days, a month is
 * 365.25 / 12 days (the mean Gregorian month), effort is in person-weeks of 7 calendar days.
 */

/** Days in one model month (365.25 / 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Calendar days in one week. */
export const DAYS_PER_WEEK = 7;

/** Days in one year. */
export const DAYS_PER_YEAR = 365.25;

/** Index of the month containing `day` (day 0 is the start of month 0). */
export function monthOfDay(day: number): number {
  return Math.floor(day / DAYS_PER_MONTH + 1e-9);
}
