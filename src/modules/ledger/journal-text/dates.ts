// Journal dates: YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD (one- or two-digit month and day), and
// MM-DD style dates that take their year from a `Y`/`year` directive. Output is always ISO.
import { LineError } from "./errors.ts";

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length of the date token at the start of `s` from `start` (digits and one kind of separator). */
export function dateTokenEnd(s: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (isDigit(c) || c === 45 || c === 47 || c === 46) i++;
    else break;
  }
  return i;
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];

/** The common case, already ISO ("2024-01-31"): checked by char codes, returned as is. */
function fastIso(t: string): string | null {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return null;
  for (const k of DIGIT_POSITIONS) if (!isDigit(t.charCodeAt(k))) return null;
  const year =
    (t.charCodeAt(0) - 48) * 1000 +
    (t.charCodeAt(1) - 48) * 100 +
    (t.charCodeAt(2) - 48) * 10 +
    t.charCodeAt(3) -
    48;
  const month = (t.charCodeAt(5) - 48) * 10 + t.charCodeAt(6) - 48;
  const day = (t.charCodeAt(8) - 48) * 10 + t.charCodeAt(9) - 48;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return t;
}

/**
 * Parses a date token into ISO form. `defaultYear` completes MM-DD dates (from a Y directive, or the
 * primary date's year for a secondary date); without one such a date is refused rather than guessed.
 */
export function parseDate(token: string, defaultYear: number | undefined): string {
  const iso = fastIso(token);
  if (iso !== null) return iso;
  let sep = "";
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!;
    if (c === "-" || c === "/" || c === ".") {
      sep = c;
      break;
    }
  }
  const parts = sep ? token.split(sep) : [token];
  let year: number;
  let month: number;
  let day: number;
  const isNum = (p: string) => p.length > 0 && /^\d+$/.test(p);
  if (parts.length === 3 && parts.every(isNum) && parts[0]!.length >= 4) {
    year = Number(parts[0]);
    month = Number(parts[1]);
    day = Number(parts[2]);
  } else if (parts.length === 2 && parts.every(isNum) && parts[0]!.length <= 2) {
    if (defaultYear === undefined) {
      throw new LineError(
        "date-without-year",
        `date "${token}" has no year; add a "Y 2024" (year) directive before it or write the full date`,
      );
    }
    year = defaultYear;
    month = Number(parts[0]);
    day = Number(parts[1]);
  } else {
    throw new LineError(
      "bad-date",
      `"${token}" is not a date (expected YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD)`,
    );
  }
  if (parts[1]!.length > 2 || parts[parts.length - 1]!.length > 2 || month < 1 || month > 12) {
    throw new LineError("bad-date", `"${token}" is not a valid date (month must be 1-12)`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new LineError("bad-date", `"${token}" is not a valid date (no day ${day} in that month)`);
  }
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}
