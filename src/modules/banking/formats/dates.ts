// Calendar dates as banks write them: validated YYYY-MM-DD output, two- and three-digit years, and
// the day/month order guessing that CSV and QIF files need because they never say which order they use.
import { MONTH_NUMBERS } from "../../../platform/dates.ts";

export type DateOrder = "YMD" | "MDY" | "DMY";

/** `YYYY-MM-DD` for a real calendar date, or null (February 30 is not a date). */
export function makeDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Expands a year written with fewer than four digits. Two digits pivot like POSIX strptime
 * (69–99 → 1900s, 00–68 → 2000s); three digits count from 1900, as old Quicken exports do ("099" = 1999).
 */
export function expandYear(written: string): number {
  const n = Number(written);
  if (written.length === 2) return n >= 69 ? 1900 + n : 2000 + n;
  if (written.length === 3) return 1900 + n;
  return n;
}

/** Reads `YYYYMMDD…` (OFX dates carry a time and zone after the date, which are not needed here). */
export function parseCompactDate(text: string): string | null {
  const m = /^\s*(\d{4})(\d{2})(\d{2})/.exec(text);
  return m ? makeDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Reads the date part of an ISO 8601 date or date-time (`2024-03-11` or `2024-03-11T10:00:00+02:00`). */
export function parseIsoDate(text: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  return m ? makeDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Reads SWIFT and BAI2 `YYMMDD`. */
export function parseYymmdd(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  return m ? makeDate(expandYear(m[1] as string), Number(m[2]), Number(m[3])) : null;
}

/** A date split into its three written parts, before knowing which part is the day and which the month. */
export interface DateParts {
  parts: [string, string, string];
  /** Index of a part written as a month name ("Jan"), which settles the order on its own. */
  namedMonth: number | null;
  /** Text after the date that is not a time of day (QIF files sometimes glue text onto the date). */
  trailing: string;
}

const NUMERIC = /^\s*(\d{1,4})\s*[/\-.' ]\s*(\d{1,2})\s*([/\-.' ])\s*(\d{1,4})/;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?!\d)/;
const NAMED_DMY = /^\s*(\d{1,2})[\s\-./]*([A-Za-z]{3,9})\.?[\s\-./,]*(\d{2,4})/;
const NAMED_MDY = /^\s*([A-Za-z]{3,9})\.?[\s\-./]*(\d{1,2})(?:st|nd|rd|th)?[\s,\-./]+(\d{2,4})/;
const TIME =
  /^\s*(?:T|\s)?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?\s*$/i;

const SEPARATORS = new Set(["/", "-", ".", "'", " "]);

/**
 * Splits a written date into parts, or null when the text does not start with a date. A hand-written
 * scanner covers the common all-digit shapes (run once per CSV row); the regexes handle the rest.
 */
export function splitDate(text: string): DateParts | null {
  const quick = scanNumericDate(text);
  if (quick) return quick;
  let m = COMPACT.exec(text);
  if (m) return withTrailing([m[1] as string, m[2] as string, m[3] as string], null, text.slice(m[0].length));
  m = NUMERIC.exec(text);
  if (m) {
    // After Quicken's apostrophe a single digit is a year of the 2000s padded with a space ("1/ 4' 0").
    const year = m[3] === "'" && (m[4] as string).length === 1 ? `200${m[4]}` : (m[4] as string);
    return withTrailing([m[1] as string, m[2] as string, year], null, text.slice(m[0].length));
  }
  m = NAMED_DMY.exec(text);
  if (m && MONTH_NUMBERS[(m[2] as string).slice(0, 3).toLowerCase()] !== undefined) {
    const month = String(MONTH_NUMBERS[(m[2] as string).slice(0, 3).toLowerCase()]);
    return withTrailing([m[1] as string, month, m[3] as string], 1, text.slice(m[0].length));
  }
  m = NAMED_MDY.exec(text);
  if (m && MONTH_NUMBERS[(m[1] as string).slice(0, 3).toLowerCase()] !== undefined) {
    const month = String(MONTH_NUMBERS[(m[1] as string).slice(0, 3).toLowerCase()]);
    return withTrailing([month, m[2] as string, m[3] as string], 0, text.slice(m[0].length));
  }
  return null;
}

/** "2023-01-27", "01/27/2023", "27.01.23" and "20230127" with nothing after them but an optional time. */
function scanNumericDate(text: string): DateParts | null {
  const n = text.length;
  let i = 0;
  while (i < n && text.charCodeAt(i) === 32) i++;
  const aEnd = digitsFrom(text, i, 8);
  if (aEnd - i === 8 && (aEnd === n || !isDigit(text.charCodeAt(aEnd)))) {
    const parts: [string, string, string] = [
      text.slice(i, i + 4),
      text.slice(i + 4, i + 6),
      text.slice(i + 6, i + 8),
    ];
    return withTrailing(parts, null, text.slice(aEnd));
  }
  if (aEnd - i < 1 || aEnd - i > 4 || aEnd >= n) return null;
  const sep1 = text[aEnd] as string;
  if (!SEPARATORS.has(sep1) || sep1 === " ") return null;
  const bEnd = digitsFrom(text, aEnd + 1, 2);
  if (bEnd === aEnd + 1 || bEnd >= n || text[bEnd] !== sep1) return null;
  const cEnd = digitsFrom(text, bEnd + 1, 4);
  if (cEnd === bEnd + 1 || (cEnd < n && isDigit(text.charCodeAt(cEnd)))) return null;
  const parts: [string, string, string] = [
    text.slice(i, aEnd),
    text.slice(aEnd + 1, bEnd),
    text.slice(bEnd + 1, cEnd),
  ];
  return withTrailing(parts, null, text.slice(cEnd));
}

/** End of the run of at most `max` digits starting at `start`. */
function digitsFrom(text: string, start: number, max: number): number {
  let j = start;
  while (j < text.length && j - start < max && isDigit(text.charCodeAt(j))) j++;
  return j;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function withTrailing(parts: [string, string, string], namedMonth: number | null, rest: string): DateParts {
  const trailing = rest === "" || rest.trim() === "" || TIME.test(rest) ? "" : rest.trim();
  return { parts, namedMonth, trailing };
}

/** Reads a written date in a known part order (a CSV column, a QIF file): `YYYY-MM-DD`, or null. */
export function readDate(text: string, order: DateOrder): string | null {
  const parts = splitDate(text);
  return parts ? resolveDate(parts, order) : null;
}

/** The date for the given part order, or null when the parts do not make a real date in that order. */
export function resolveDate(d: DateParts, order: DateOrder): string | null {
  const [a, b, c] = d.parts;
  if (d.namedMonth === 0 && order !== "MDY") return null;
  if (d.namedMonth === 1 && order !== "DMY") return null;
  switch (order) {
    case "YMD":
      // Two-digit years lead too in East Asian locales of MS Money and Quicken ("13/3/3" is 2013-03-03).
      if (a.length === 2 && c.length <= 2) return makeDate(expandYear(a), Number(b), Number(c));
      return a.length === 4 ? makeDate(Number(a), Number(b), Number(c)) : null;
    case "MDY":
      return c.length === 1 ? null : makeDate(expandYear(c), Number(a), Number(b));
    case "DMY":
      return c.length === 1 ? null : makeDate(expandYear(c), Number(b), Number(a));
  }
}

export interface DateOrderGuess {
  order: DateOrder;
  /** True when more than one order fits every sample and `fallback` decided. */
  ambiguous: boolean;
}

/**
 * Finds the part order that reads every sample as a real date. When several fit (all days ≤ 12),
 * the fallback decides and the guess is flagged ambiguous; null when no order fits all samples.
 */
export function detectDateOrder(
  samples: readonly DateParts[],
  fallback: "MDY" | "DMY",
): DateOrderGuess | null {
  if (samples.length === 0) return { order: fallback, ambiguous: false };
  const fits = (order: DateOrder) => samples.every((s) => resolveDate(s, order) !== null);
  const candidates = (["YMD", "MDY", "DMY"] as const).filter(fits);
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return { order: candidates[0] as DateOrder, ambiguous: false };
  if (candidates.includes("YMD")) {
    if (samples.every((s) => s.parts[0].length === 4)) return { order: "YMD", ambiguous: false };
    // "13/3/13" reads as year-first or day-first: a statement's dates lie close together, so the order
    // that gives the shorter period wins; a tie leaves year-first out.
    const others = candidates.filter((o) => o !== "YMD");
    const ymd = spanDays(samples, "YMD");
    if (others.every((o) => ymd < spanDays(samples, o))) return { order: "YMD", ambiguous: false };
    if (others.length === 1) return { order: others[0] as DateOrder, ambiguous: false };
  }
  return { order: fallback, ambiguous: true };
}

/** Days from the earliest to the latest sample read in `order` (every sample fits it). */
function spanDays(samples: readonly DateParts[], order: DateOrder): number {
  let min = "9999-99-99";
  let max = "0000-00-00";
  for (const s of samples) {
    const date = resolveDate(s, order) as string;
    if (date < min) min = date;
    if (date > max) max = date;
  }
  return (Date.parse(max) - Date.parse(min)) / 86_400_000;
}
