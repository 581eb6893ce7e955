// Dates as receipts print them: 2026-03-14, 03/14/2026, 14/03/2026, 14.03.2026, 14-03-26,
// "Mar 14, 2026", "14 March 2026". A day-first or month-first order is settled by a day above 12,
// else by the currency (US and Canadian dollars: month first), and its confidence says so.

export interface FoundDate {
  /** YYYY-MM-DD. */
  iso: string;
  /** 0–1: how sure the order of day and month is. */
  certainty: number;
  index: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function valid(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const year = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ISO = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g;
const NUMERIC = /\b(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})\b/g;
const MONTH_FIRST = new RegExp(String.raw`\b${NAME}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, "gi");
const DAY_FIRST = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?[\s-]+${NAME}[\s-,]+(\d{4}|\d{2})\b`,
  "gi",
);

/** Every date on a line. `monthFirst` is the order assumed when both orders are possible. */
export function datesOn(line: string, monthFirst: boolean): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of line.matchAll(ISO)) {
    const iso = valid(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) out.push({ iso, certainty: 0.95, index: m.index });
  }
  for (const m of line.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = year(m[4]!);
    const dayFirst = valid(y, b, a);
    const monthFirstIso = valid(y, a, b);
    // Dots are written day first everywhere they are used.
    if (m[2] === "." && dayFirst) out.push({ iso: dayFirst, certainty: 0.9, index: m.index });
    else if (dayFirst && monthFirstIso && a !== b)
      out.push({ iso: monthFirst ? monthFirstIso : dayFirst, certainty: 0.6, index: m.index });
    else if (dayFirst || monthFirstIso)
      out.push({ iso: (dayFirst ?? monthFirstIso)!, certainty: 0.9, index: m.index });
  }
  for (const m of line.matchAll(MONTH_FIRST)) {
    const iso = valid(Number(m[3]), monthOf(m[1]!), Number(m[2]));
    if (iso) out.push({ iso, certainty: 0.95, index: m.index });
  }
  for (const m of line.matchAll(DAY_FIRST)) {
    const iso = valid(year(m[3]!), monthOf(m[2]!), Number(m[1]));
    if (iso) out.push({ iso, certainty: 0.95, index: m.index });
  }
  return out.sort((x, y) => x.index - y.index);
}
