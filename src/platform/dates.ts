// Calendar dates as "YYYY-MM-DD" strings: the only date form used between modules.
import { validationError } from "./errors.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Month numbers by English name as bank files abbreviate them (lowercase: "jan", "sept"). */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** True when a YYYY-MM-DD string names a real calendar day (years 0001–9999). */
export function isCalendarDay(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m || m[1] === "0000") return false;
  const d = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
  d.setUTCFullYear(Number(m[1]));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Checks a YYYY-MM-DD string names a real calendar day; returns it unchanged. */
export function parseIsoDate(text: string, field = "date"): string {
  if (isCalendarDay(text)) return text;
  throw validationError("date/invalid", `"${text}" is not a valid date (expected YYYY-MM-DD)`, { field });
}

/** First day of the month containing `date`. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Last day of the month containing `date`. */
export function endOfMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}

/** The first day of the month after the one containing `date`. */
export function nextMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** 3 → "March"; its first three letters are the short name ("Mar"). */
export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (!name) throw new RangeError(`${month} is not a month number`);
  return name;
}

/** "2026-03" → "March 2026" (what a person reads in a title, a cover or a task). */
export function monthInWords(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}
