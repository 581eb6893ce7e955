// Date parsing for imported files: ISO, dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, mm/dd/yyyy (when the
// column proves it), month names, two-digit years, optional times. Returns ISO "yyyy-mm-ddThh:mm:ss".
import { validationError } from "../../../platform/errors.ts";
import { MONTH_NUMBERS } from "../../../platform/dates.ts";

export type DayOrder = "dmy" | "mdy" | "ymd";

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;
const NAMED_DMY =
  /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-,]+(\d{2}|\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/;
const NAMED_MDY =
  /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/;

function year(text: string): number {
  const y = Number(text);
  return text.length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

function hour(h: string | undefined, ampm: string | undefined): number {
  let value = Number(h ?? 0);
  if (ampm) {
    const pm = ampm.toUpperCase() === "PM";
    if (value === 12) value = pm ? 12 : 0;
    else if (pm) value += 12;
  }
  return value;
}

function build(y: number, m: number, d: number, h = 0, min = 0, s = 0): string | null {
  const date = new Date(Date.UTC(y, m - 1, d, h, min, s));
  if (
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d ||
    h > 23 ||
    min > 59 ||
    s > 59
  )
    return null;
  return date.toISOString().slice(0, 19);
}

/** Decides day-first or month-first for numeric dates from the whole column (day-first if it cannot tell). */
export function inferDayOrder(values: readonly string[]): DayOrder {
  let firstOver12 = false;
  let secondOver12 = false;
  let iso = 0;
  for (const raw of values) {
    const text = raw.trim();
    if (ISO.test(text)) {
      iso++;
      continue;
    }
    const m = NUMERIC.exec(text);
    if (!m) continue;
    if (Number(m[1]) > 12) firstOver12 = true;
    if (Number(m[2]) > 12) secondOver12 = true;
  }
  if (firstOver12 && secondOver12) {
    throw validationError("dates/mixed-order", "the date column mixes day-first and month-first dates", {
      field: "date",
    });
  }
  if (secondOver12) return "mdy";
  if (iso > 0 && !firstOver12) return "ymd";
  return "dmy";
}

/** Parses one date; null when it is not a date. */
export function parseDate(raw: string, order: DayOrder = "dmy"): string | null {
  const text = raw.trim();
  let m = ISO.exec(text);
  if (m)
    return build(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
    );
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [d, mo] = order === "mdy" ? [b, a] : [a, b];
    return build(year(m[3]!), mo, d, hour(m[4], m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  m = NAMED_DMY.exec(text);
  if (m) {
    const mo =
      MONTH_NUMBERS[m[2]!.slice(0, 4).toLowerCase()] ?? MONTH_NUMBERS[m[2]!.slice(0, 3).toLowerCase()];
    return mo
      ? build(year(m[3]!), mo, Number(m[1]), hour(m[4], m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0))
      : null;
  }
  m = NAMED_MDY.exec(text);
  if (m) {
    const mo =
      MONTH_NUMBERS[m[1]!.slice(0, 4).toLowerCase()] ?? MONTH_NUMBERS[m[1]!.slice(0, 3).toLowerCase()];
    return mo
      ? build(Number(m[3]), mo, Number(m[2]), hour(m[4], m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0))
      : null;
  }
  return null;
}

/** Parses a whole column with one inferred order; throws naming the first bad row (1-based). */
export function parseDateColumn(values: readonly string[], order?: DayOrder): string[] {
  const chosen = order ?? inferDayOrder(values);
  return values.map((value, i) => {
    const parsed = parseDate(value, chosen);
    if (parsed === null)
      throw validationError("dates/unreadable", `row ${i + 1}: "${value}" is not a date I can read`, {
        field: "date",
        line: i + 1,
      });
    return parsed;
  });
}
