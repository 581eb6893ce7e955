// The periods of a report's columns, as pure date arithmetic on "YYYY-MM-DD" strings: months of a
// range, the prior period and prior year of a range, fiscal years and month ends.
import { addDays, endOfMonth, monthOf, nextMonth } from "../../platform/dates.ts";

export interface Range {
  from: string;
  to: string;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mar 2026" for the month containing `date`. */
export function monthLabel(date: string): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

export function isWholeMonths(r: Range): boolean {
  return r.from === monthOf(r.from) && r.to === endOfMonth(r.to);
}

/** A column heading for a range: "Mar 2026", "Jan 2026 – Mar 2026", else the two dates. */
export function rangeLabel(r: Range): string {
  if (isWholeMonths(r)) {
    return monthOf(r.from) === monthOf(r.to)
      ? monthLabel(r.from)
      : `${monthLabel(r.from)} – ${monthLabel(r.to)}`;
  }
  return r.from === r.to ? r.from : `${r.from} – ${r.to}`;
}

/** The calendar months a range touches, each cut to the range. */
export function monthsOf(r: Range): Range[] {
  const out: Range[] = [];
  for (let m = monthOf(r.from); m <= r.to; m = nextMonth(m)) {
    const from = m < r.from ? r.from : m;
    const end = endOfMonth(m);
    out.push({ from, to: end > r.to ? r.to : end });
  }
  return out;
}

/** Whole months between two dates, counting the months of `from` and `to`. */
function monthCount(r: Range): number {
  const y = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return y(r.to) - y(r.from) + 1;
}

/** Moves a month start by `n` months (negative: back). */
export function addMonths(monthStart: string, n: number): string {
  const total = Number(monthStart.slice(0, 4)) * 12 + Number(monthStart.slice(5, 7)) - 1 + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}

/** The same day a year earlier; 29 February becomes 28 February. */
export function yearEarlier(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, "0");
  const day = `${year}${date.slice(4)}`;
  return date.slice(5) === "02-29" ? `${year}-02-28` : day;
}

/**
 * The period just before a range, of the same length: the same number of whole months when the
 * range is whole months (Feb–Mar is before Apr–May), else the same number of days.
 */
export function priorPeriod(r: Range): Range {
  if (isWholeMonths(r)) {
    const n = monthCount(r);
    const from = addMonths(monthOf(r.from), -n);
    return { from, to: addDays(monthOf(r.from), -1) };
  }
  const days = Math.round((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000);
  const to = addDays(r.from, -1);
  return { from: addDays(to, -days), to };
}

/** The same range a year earlier (a month end stays a month end: Feb 29 → Feb 28). */
export function priorYear(r: Range): Range {
  const to = r.to === endOfMonth(r.to) ? endOfMonth(yearEarlier(monthOf(r.to))) : yearEarlier(r.to);
  return { from: yearEarlier(r.from), to };
}

/** First day of the fiscal year containing `date`, for a fiscal year starting on month `startMonth` (1–12). */
export function fiscalYearStart(date: string, startMonth: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${String(startYear).padStart(4, "0")}-${String(startMonth).padStart(2, "0")}-01`;
}

/** Month-end dates from the month of `from` to `asOf`; the last one is `asOf` itself. */
export function monthEnds(from: string, asOf: string): string[] {
  const out: string[] = [];
  for (let m = monthOf(from); m <= asOf; m = nextMonth(m)) {
    const end = endOfMonth(m);
    out.push(end > asOf ? asOf : end);
  }
  return out;
}

/** The earliest date reports sum from when they want "everything up to". */
export const BEGINNING = "0001-01-01";
