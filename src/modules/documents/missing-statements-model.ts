// Which bank statements are missing: every month from an account's start to last month should have
// a statement in its folder. A statement's month is the one given at upload or read from the file's
// name ("2026-03", "03-2026", "March 2026", "202603…"). Values in, values out.

export type Month = string; // YYYY-MM

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to`, both included (empty when `from` is after `to`). */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
  return out;
}

const valid = (y: number, m: number) => y >= 1990 && y <= 2200 && m >= 1 && m <= 12;
const fmt = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;

/** The statement month a file name states, or null when it states none (or an impossible one). */
export function statementMonthFromName(name: string): Month | null {
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, "");
  // 2026-03, 2026_03, 2026.03, 2026 03 (not followed by another digit pair meaning a day is fine).
  let m = /(?:^|\D)((?:19|20|21)\d{2})[-_. ](0[1-9]|1[0-2])(?!\d)/.exec(base);
  if (m) return fmt(Number(m[1]), Number(m[2]));
  // 03-2026, 03_2026
  m = /(?:^|\D)(0[1-9]|1[0-2])[-_. ]((?:19|20|21)\d{2})(?!\d)/.exec(base);
  if (m) return fmt(Number(m[2]), Number(m[1]));
  // March 2026, Mar-2026, 2026 March
  const lower = base.toLowerCase();
  m =
    /(?:^|[^a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-_. ]*((?:19|20|21)\d{2})(?!\d)/.exec(
      lower,
    );
  if (m) return fmt(Number(m[2]), MONTHS.indexOf(m[1]!) + 1);
  m = /(?:^|\D)((?:19|20|21)\d{2})[-_. ]*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.exec(lower);
  if (m) return fmt(Number(m[1]), MONTHS.indexOf(m[2]!) + 1);
  // 20260331 or 202603 alone
  m = /(?:^|\D)((?:19|20|21)\d{2})(0[1-9]|1[0-2])(\d{2})?(?!\d)/.exec(base);
  if (m && valid(Number(m[1]), Number(m[2]))) return fmt(Number(m[1]), Number(m[2]));
  return null;
}

export interface AccountStatements {
  accountId: string;
  accountName: string;
  /** The first month a statement is expected for. */
  start: Month;
  /** Months that have a statement document. */
  covered: readonly Month[];
}

export interface MissingStatements {
  accountId: string;
  accountName: string;
  start: Month;
  through: Month;
  expected: number;
  missing: Month[];
}

/** For each account, the months from its start to the month before `today` without a statement. */
export function missingStatements(
  accounts: readonly AccountStatements[],
  today: string,
): MissingStatements[] {
  const through = addMonths(monthOf(today), -1);
  return accounts.map((a) => {
    const expected = monthsBetween(a.start, through);
    const covered = new Set(a.covered);
    return {
      accountId: a.accountId,
      accountName: a.accountName,
      start: a.start,
      through,
      expected: expected.length,
      missing: expected.filter((m) => !covered.has(m)),
    };
  });
}
