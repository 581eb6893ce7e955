// When a client's month must be closed, pure. The close is due on a day of the next month set by the
// client's bookkeeping cadence (daily: the 5th; weekly: the 10th or the 15th, per client), moved to
// the next business day (weekends and the firm's holidays). The client's required information is
// due 6 business days before that; each business day it arrives late (or, while it has not arrived,
// each business day past its due date so far) moves the close due date one business day later.
// A cadence change applies from the month after the one it was made in: the month under way keeps
// the timing its preparer planned with.
import {
  addBusinessDays,
  businessDayOnOrAfter,
  businessDaysIn,
  type Holidays,
} from "../../platform/business-days.ts";
import { addDays, nextMonth } from "../../platform/dates.ts";

export const CADENCES = ["daily", "weekly"] as const;
export type Cadence = (typeof CADENCES)[number];
export const WEEKLY_DUE_DAYS = [10, 15] as const;
export type WeeklyDueDay = (typeof WEEKLY_DUE_DAYS)[number];

/** The day of the next month a daily-cadence client's month is closed by. */
export const DAILY_DUE_DAY = 5;
/** Business days between the required information's due date and the close's. */
export const INFORMATION_LEAD_BUSINESS_DAYS = 6;

export interface CadenceSetting {
  cadence: Cadence;
  /** Weekly cadence only: the 10th or the 15th. */
  weeklyDueDay: WeeklyDueDay;
}

/** A cadence in force from a month ("YYYY-MM") on. */
export interface CadenceChange extends CadenceSetting {
  effectiveFrom: string;
}

export interface CloseTiming {
  /** The due date the cadence gives, moved to a business day. */
  plannedDueDate: string;
  informationDueDate: string;
  /** Business days the information is (or, still missing, has been so far) late. */
  informationLateDays: number;
  /** The close's due date: planned, moved by the information's lateness. */
  dueDate: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** "2026-03" → "2026-04". */
export function monthAfter(month: string): string {
  return nextMonth(`${month}-01`).slice(0, 7);
}

/** "2026-03" → "2026-02". */
export function monthBefore(month: string): string {
  return addDays(`${month}-01`, -1).slice(0, 7);
}

/** Months from `from` to `to`, both included ("YYYY-MM"). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = monthAfter(m)) out.push(m);
  return out;
}

/** The day of the next month the cadence closes by. */
export function dueDayOf(setting: CadenceSetting): number {
  return setting.cadence === "daily" ? DAILY_DUE_DAY : setting.weeklyDueDay;
}

/** The month a cadence change made on `changedOn` ("YYYY-MM-DD") applies from: the next one. */
export function effectiveMonthOfChange(changedOn: string): string {
  return monthAfter(changedOn.slice(0, 7));
}

/**
 * The cadence in force for a month: the latest change effective on or before it; before any
 * change, the earliest known (a client's first setting covers its past months too).
 */
export function cadenceFor(
  month: string,
  changes: readonly CadenceChange[],
  fallback: CadenceSetting,
): CadenceSetting {
  let best: CadenceChange | undefined;
  let earliest: CadenceChange | undefined;
  for (const c of changes) {
    if (c.effectiveFrom <= month && (!best || c.effectiveFrom > best.effectiveFrom)) best = c;
    if (!earliest || c.effectiveFrom < earliest.effectiveFrom) earliest = c;
  }
  const s = best ?? earliest ?? fallback;
  return { cadence: s.cadence, weeklyDueDay: s.weeklyDueDay };
}

/** The planned due date: the cadence's day of the next month, or the next business day after it. */
export function plannedDueDate(month: string, setting: CadenceSetting, holidays: Holidays): string {
  const day = String(dueDayOf(setting)).padStart(2, "0");
  return businessDayOnOrAfter(`${monthAfter(month)}-${day}`, holidays);
}

/**
 * The month's timing. `informationReceivedOn` is the day the required information was complete
 * (null: not recorded). `missingUntil` (today), when given, counts information not yet received as
 * late up to that day; without it, unrecorded information moves nothing (a firm that does not
 * track arrivals keeps the planned due date).
 */
export function closeTiming(input: {
  month: string;
  setting: CadenceSetting;
  holidays: Holidays;
  informationReceivedOn: string | null;
  missingUntil?: string | undefined;
}): CloseTiming {
  const planned = plannedDueDate(input.month, input.setting, input.holidays);
  const informationDueDate = addBusinessDays(planned, -INFORMATION_LEAD_BUSINESS_DAYS, input.holidays);
  const until = input.informationReceivedOn ?? input.missingUntil ?? informationDueDate;
  // Late days: business days after the information's due date, up to the day it came (or today).
  const late =
    until > informationDueDate ? businessDaysIn(addDays(informationDueDate, 1), until, input.holidays) : 0;
  return {
    plannedDueDate: planned,
    informationDueDate,
    informationLateDays: late,
    dueDate: addBusinessDays(planned, late, input.holidays),
  };
}

/** Whether a month not closed is past its due date. */
export function isOverdue(dueDate: string, today: string, closed: boolean): boolean {
  return !closed && today > dueDate;
}
