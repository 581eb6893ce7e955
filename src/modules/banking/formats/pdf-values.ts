// Reading the values printed in a PDF statement's cells: amounts as banks print them ("1,234.56",
// "(12.00)", "250.00 CR", "1.234,56-") and dates with or without a year ("01/05/2024", "05 Jan",
// "Jan 5, 2024"). The year of a yearless date and the day/month order are settled by the caller,
// from the statement period and from all the dates of the document together.
import { MONTH_NUMBERS } from "../../../platform/dates.ts";
import { negateAmount, normalizeAmount, type DecimalSeparator } from "./amount.ts";
import { makeDate, expandYear, type DateOrder } from "./dates.ts";

/**
 * An amount cell: digits with exactly two decimals, optionally grouped, with a sign, parentheses,
 * a currency mark or a CR/DR mark. Two decimals are required so that check numbers, references and
 * years in a row are never taken for money.
 */
const AMOUNT_CELL =
  /^(?:[A-Z]{3}\s?)?[(\-\u2212+]?\s?[$€£¥]?\s?[(\-\u2212]?\d{1,3}(?:[,.'\u00a0\u202f ]?\d{3})*[.,]\d{2}\s?\)?\s?(?:-|\+|[CcDd][Rr]\.?)?$/;

/** True when the cell's text is an amount and nothing else. */
export function looksLikeAmount(text: string): boolean {
  return AMOUNT_CELL.test(text.trim());
}

/** The cell's amount as a plain decimal ("-1234.56"), or null when it is not an amount. */
export function readAmount(text: string, decimal: DecimalSeparator): string | null {
  let t = text.trim().replace(/\u2212/g, "-");
  if (!AMOUNT_CELL.test(t)) return null;
  const mark = /\s?([CcDd][Rr])\.?$/.exec(t);
  if (mark) t = t.slice(0, mark.index).trim();
  const value = normalizeAmount(t, decimal);
  if (value === null) return null;
  if (!mark) return value;
  const abs = value.startsWith("-") ? value.slice(1) : value;
  return (mark[1] as string).toUpperCase() === "DR" ? negateAmount(abs) : abs;
}

/** The amount without its sign (a debit column's "(12.00)" and "12.00" are both 12.00 out). */
export function absoluteAmount(amount: string): string {
  return amount.startsWith("-") ? amount.slice(1) : amount;
}

/** A date at the start of a cell, before the day/month order and (for some) the year are known. */
export interface WrittenDate {
  /** The date as printed. */
  raw: string;
  /** The cell's text after the date (a description that shares the date's cell). */
  rest: string;
  /** First and second number as written (for a named month, the month is `month`). */
  a: number;
  b: number;
  /** The year as printed (4 digits, or 2), or null when the statement leaves it out. */
  year: string | null;
  /** The month when written as a name; then `a` is the day. */
  month: number | null;
  /** True for `YYYY-MM-DD`, whose order is never in doubt. */
  iso: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/.-])/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\.?(?:[ ,-]+(\d{4}|\d{2}))?(?![\w])/;
const MONTH_DAY = /^([A-Za-z]{3,9})\.?[ -](\d{1,2})(?:st|nd|rd|th)?(?:,?[ -](\d{4}))?(?![\w])/;

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** The month of a name ("Jan", "January", "Sept"), or null for a word that is not one ("Margin"). */
function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  const n = MONTH_NUMBERS[w.slice(0, 3)];
  if (n === undefined) return null;
  const full = MONTH_NAMES[n - 1] as string;
  return full.startsWith(w) || (w === "sept" && n === 9) ? n : null;
}

/** The date a cell starts with, or null. */
export function readDatePrefix(text: string): WrittenDate | null {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return written(m[0], t, Number(m[2]), Number(m[3]), m[1] as string, null, true);
  m = NUMERIC.exec(t);
  if (m) return written(m[0], t, Number(m[1]), Number(m[3]), m[4] ?? null, null, false);
  m = DAY_MONTH.exec(t);
  if (m) {
    const month = monthOf(m[2] as string);
    if (month !== null) return written(m[0], t, Number(m[1]), month, m[3] ?? null, month, false);
  }
  m = MONTH_DAY.exec(t);
  if (m) {
    const month = monthOf(m[1] as string);
    if (month !== null) return written(m[0], t, Number(m[2]), month, m[3] ?? null, month, false);
  }
  return null;
}

function written(
  raw: string,
  text: string,
  a: number,
  b: number,
  year: string | null,
  month: number | null,
  iso: boolean,
): WrittenDate {
  // For ISO dates `a` is the month and `b` the day.
  return { raw, rest: text.slice(raw.length).trim(), a, b, year, month, iso };
}

/** Dates printed anywhere in a line of text ("Statement period: January 1, 2024 to January 31, 2024"). */
export function findDates(text: string): WrittenDate[] {
  const found: WrittenDate[] = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[\w]/.test(text[i - 1] as string)) continue;
    if (!/[\dA-Za-z]/.test(text[i] as string)) continue;
    const date = readDatePrefix(text.slice(i));
    if (date && date.year !== null) {
      found.push(date);
      i += date.raw.length - 1;
    }
  }
  return found;
}

/** The orders a written date can be read in (a named month or ISO date fits only one). */
export function ordersOf(d: WrittenDate): DateOrder[] {
  if (d.iso || d.month !== null) return ["MDY"];
  return (["MDY", "DMY"] as const).filter((o) => {
    const [month, day] = o === "MDY" ? [d.a, d.b] : [d.b, d.a];
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  });
}

/** Month and day of a written date in the given order (a named month or ISO date keeps its own). */
function monthDay(d: WrittenDate, order: DateOrder): [number, number] {
  if (d.iso) return [d.a, d.b];
  if (d.month !== null) return [d.month, d.a];
  return order === "DMY" ? [d.b, d.a] : [d.a, d.b];
}

export interface Period {
  start: string | null;
  end: string | null;
}

/**
 * The calendar date of a written date: its own year, else the year that puts it inside the statement
 * period (a December–January statement holds both years). Null when it is not a real date, or when
 * it has no year and no period says which.
 */
export function resolveWritten(d: WrittenDate, order: DateOrder, period: Period): string | null {
  const [month, day] = monthDay(d, order);
  if (d.year !== null) return makeDate(d.year.length === 4 ? Number(d.year) : expandYear(d.year), month, day);
  const years = [period.start, period.end]
    .filter((p): p is string => p !== null)
    .map((p) => Number(p.slice(0, 4)));
  if (years.length === 0) return null;
  const candidates = [...new Set(years)]
    .map((y) => makeDate(y, month, day))
    .filter((x): x is string => x !== null);
  const inside = candidates.find(
    (c) => (period.start === null || c >= period.start) && (period.end === null || c <= period.end),
  );
  return inside ?? candidates[candidates.length - 1] ?? null;
}
