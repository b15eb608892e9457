/**
 * Conversions between the kernel clock (days, MODEL.md "Time and units") and the units platform parameters
 * are written in (seconds, hours, months of 365.25 / 12 days).
 */

/** Hours in a day. */
export const HOURS_PER_DAY = 24;
/** Seconds in a day. */
export const SECONDS_PER_DAY = 86_400;
/** Days in a model month (365.25 / 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Seconds to days. */
export function secondsToDays(seconds: number): number {
  return seconds / SECONDS_PER_DAY;
}

/** Hours to days. */
export function hoursToDays(hours: number): number {
  return hours / HOURS_PER_DAY;
}

/** Days to hours. */
export function daysToHours(days: number): number {
  return days * HOURS_PER_DAY;
}

/** Index of the month containing `timeDays` (month 0 starts at day 0). */
export function monthOf(timeDays: number): number {
  return Math.floor(timeDays / DAYS_PER_MONTH + 1e-12);
}
