// Business days and recurring periods, pure: the calendar that project templates count in. A
// business day is Monday to Friday (work counts no holidays); periods are months ("2026-03"),
// quarters ("2026-Q1") and years ("2026"), each closing on its last calendar day.
import { addDays, endOfMonth, isCalendarDay } from "../../platform/dates.ts";

export const RECURRENCES = ["monthly", "quarterly", "yearly"] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export interface Period {
  key: string;
  recurrence: Recurrence;
  /** First and last day (the close date), YYYY-MM-DD. */
  start: string;
  end: string;
}

// The business-day helpers live in platform (the Close Tracker counts them too, with holidays).
export {
  isBusinessDay,
  addBusinessDays,
  businessDayOnOrBefore,
  businessDaysIn,
} from "../../platform/business-days.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** The period of a recurrence that contains `date`. */
export function periodOf(date: string, recurrence: Recurrence): Period {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (recurrence === "monthly") return periodFromKey(`${y}-${pad(m)}`)!;
  if (recurrence === "quarterly") return periodFromKey(`${y}-Q${Math.ceil(m / 3)}`)!;
  return periodFromKey(y)!;
}

/** Reads a period key ("2026-03", "2026-Q1", "2026"); undefined when it is not one. */
export function periodFromKey(key: string): Period | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const start = `${m[1]}-${m[2]}-01`;
    if (!isCalendarDay(start)) return undefined;
    return { key, recurrence: "monthly", start, end: endOfMonth(start) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    const start = `${m[1]}-${pad(first)}-01`;
    if (!isCalendarDay(start)) return undefined;
    return { key, recurrence: "quarterly", start, end: endOfMonth(`${m[1]}-${pad(first + 2)}-01`) };
  }
  m = /^(\d{4})$/.exec(key);
  if (m && m[1] !== "0000")
    return { key, recurrence: "yearly", start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  return undefined;
}

/** The period after this one, of the same recurrence. */
export function nextPeriod(p: Period): Period {
  return periodOf(addDays(p.end, 1), p.recurrence);
}
