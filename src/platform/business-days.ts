// Business days, pure: Monday to Friday, less the holidays a caller passes (a firm's list). Work's
// project templates count without holidays; the Close Tracker counts with the firm's list.
import { addDays } from "./dates.ts";

/** Dates ("YYYY-MM-DD") that are not business days although they fall on a weekday. */
export type Holidays = ReadonlySet<string>;

export const NO_HOLIDAYS: Holidays = new Set();

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isBusinessDay(date: string, holidays: Holidays = NO_HOLIDAYS): boolean {
  const d = weekday(date);
  return d !== 0 && d !== 6 && !holidays.has(date);
}

/** Moves `days` business days from `date` (negative: back). 0 gives `date` itself, even on a weekend. */
export function addBusinessDays(date: string, days: number, holidays: Holidays = NO_HOLIDAYS): string {
  let d = date;
  let left = Math.abs(days);
  const step = days < 0 ? -1 : 1;
  while (left > 0) {
    d = addDays(d, step);
    if (isBusinessDay(d, holidays)) left--;
  }
  return d;
}

/** The first business day on or after `date`. */
export function businessDayOnOrAfter(date: string, holidays: Holidays = NO_HOLIDAYS): string {
  let d = date;
  while (!isBusinessDay(d, holidays)) d = addDays(d, 1);
  return d;
}

/** The last business day on or before `date`. */
export function businessDayOnOrBefore(date: string, holidays: Holidays = NO_HOLIDAYS): string {
  let d = date;
  while (!isBusinessDay(d, holidays)) d = addDays(d, -1);
  return d;
}

/** Business days from `start` to `end`, both included (0 when end is before start). */
export function businessDaysIn(start: string, end: string, holidays: Holidays = NO_HOLIDAYS): number {
  let n = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) if (isBusinessDay(d, holidays)) n++;
  return n;
}
