// The periods a bookkeeper picks (this month, last month, this quarter, year to date, last year,
// custom) as from/to dates, on ISO strings only (no Date arithmetic, so no time-zone slips).
// Pure: tested in test/web/reports-period.test.ts.

export const PERIOD_PRESETS = [
  { value: "this-month", label: "This month" },
  { value: "last-month", label: "Last month" },
  { value: "this-quarter", label: "This quarter" },
  { value: "last-quarter", label: "Last quarter" },
  { value: "ytd", label: "Year to date" },
  { value: "last-year", label: "Last year" },
  { value: "custom", label: "Custom" },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]["value"];

export interface Range {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function parts(iso: string): [number, number, number] {
  const [y = "0", m = "1", d = "1"] = iso.split("-");
  return [Number(y), Number(m), Number(d)];
}

/** The month `offset` months after year/month (month 1..12). */
function shift(year: number, month: number, offset: number): [number, number] {
  const index = year * 12 + (month - 1) + offset;
  return [Math.floor(index / 12), (index % 12) + 1];
}

export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

export function monthRange(year: number, month: number, months = 1): Range {
  const [ey, em] = shift(year, month, months - 1);
  return { from: ymd(year, month, 1), to: ymd(ey, em, daysInMonth(ey, em)) };
}

/** The first day of the fiscal year that contains `date` (the year starts in month `start`). */
export function fiscalYearStart(date: string, start = 1): string {
  const [y, m] = parts(date);
  return ymd(m >= start ? y : y - 1, start, 1);
}

/** The dates a preset means on `today`; custom keeps what was typed. */
export function presetRange(preset: PeriodPreset, today: string, fyStart = 1, custom?: Range): Range {
  const [y, m] = parts(today);
  switch (preset) {
    case "this-month":
      return monthRange(y, m);
    case "last-month":
      return monthRange(...shift(y, m, -1));
    case "this-quarter":
    case "last-quarter": {
      // Quarters of the fiscal year: a July year has July–September as its first quarter.
      const intoYear = (m - fyStart + 12) % 12;
      const [qy, qm] = shift(y, m, -(intoYear % 3) - (preset === "last-quarter" ? 3 : 0));
      return monthRange(qy, qm, 3);
    }
    case "ytd":
      return { from: fiscalYearStart(today, fyStart), to: today };
    case "last-year": {
      const [fy, fm] = parts(fiscalYearStart(today, fyStart));
      return monthRange(fy - 1, fm, 12);
    }
    case "custom":
      return custom ?? { from: fiscalYearStart(today, fyStart), to: today };
  }
}

export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** "2026-03" → "March 2026". */
export function monthLabel(month: string): string {
  const [y, m] = parts(`${month}-01`);
  const names = [
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
  ];
  return `${names[m - 1] ?? month} ${y}`;
}

/** The `count` months before today's, newest first ("YYYY-MM"): what a package can be made for. */
export function recentMonths(today: string, count = 24): string[] {
  const [y, m] = parts(today);
  return Array.from({ length: count }, (_, i) => {
    const [py, pm] = shift(y, m, -i);
    return `${py}-${pad(pm)}`;
  });
}

/** The month before today's: the last month a firm usually closes. */
export function lastMonth(today: string): string {
  return recentMonths(today, 2)[1]!;
}
