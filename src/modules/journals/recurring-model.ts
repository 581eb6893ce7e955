// Recurring journal entries: when one falls due (monthly, quarterly or yearly, on a day or the
// last day, between a start and an optional end month) and the checks a template must pass when
// it is saved. Working its lines out for a month is recurring-lines.ts.
import { endOfMonth, nextMonth } from "../../platform/dates.ts";
import { validationError } from "../../platform/errors.ts";
import { monthsBetween } from "./schedule-math.ts";
import { checkStartMonth } from "./prepaid-model.ts";
import { checkLines, type RecurringLine } from "./recurring-lines.ts";

export const FREQUENCIES = ["monthly", "quarterly", "yearly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];
const STEP: Record<Frequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

export interface RecurringTerms {
  description: string;
  frequency: Frequency;
  /** Day of the month (1–31, moved back to the month's last day when shorter) or "last". */
  day: number | "last";
  startMonth: string;
  endMonth: string | null;
  lines: RecurringLine[];
  autoPost: boolean;
  /** Accruals: posting the entry also posts its reversal on the 1st of the next month. */
  autoReverse: boolean;
}

export function checkRecurring(terms: RecurringTerms): void {
  if (terms.description.trim() === "")
    throw validationError("journals/no-description", "a recurring entry needs a description", {
      field: "description",
    });
  if (terms.day !== "last" && (!Number.isInteger(terms.day) || terms.day < 1 || terms.day > 31))
    throw validationError("journals/bad-day", 'the day must be from 1 to 31, or "last"', { field: "day" });
  checkStartMonth(terms.startMonth, "startMonth");
  if (terms.endMonth !== null) {
    checkStartMonth(terms.endMonth, "endMonth");
    if (monthsBetween(terms.startMonth, terms.endMonth) < 0)
      throw validationError("journals/end-before-start", "the end month is before the start month", {
        field: "endMonth",
      });
  }
  checkLines(terms.lines);
}

/** The date the entry falls on in `month` (YYYY-MM), or null when it is not due that month. */
export function occurrenceIn(
  terms: Pick<RecurringTerms, "frequency" | "day" | "startMonth" | "endMonth">,
  month: string,
): string | null {
  const since = monthsBetween(terms.startMonth, month);
  if (since < 0 || since % STEP[terms.frequency] !== 0) return null;
  if (terms.endMonth !== null && monthsBetween(month, terms.endMonth) < 0) return null;
  const last = endOfMonth(`${month}-01`);
  if (terms.day === "last") return last;
  const day = Math.min(terms.day, Number(last.slice(8)));
  return `${month}-${String(day).padStart(2, "0")}`;
}

/** An accrual's reversal date: the first day of the period after the entry's. */
export function reversalDate(entryDate: string): string {
  return nextMonth(entryDate);
}
