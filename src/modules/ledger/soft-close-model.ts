// Soft close, the pure rule: a month the Close Tracker soft-closed stays open in the ledger, but an
// item dated in it arrives late — it is posted on the first day of the next month that is neither
// soft-closed nor locked, with a note saying so. A locked (hard-closed) month is not moved from:
// checkOpenPeriod refuses it, as before.
import { monthOf, nextMonth } from "../../platform/dates.ts";

export type ClosedStatus = "locked" | "soft_closed";

export interface LateItem {
  /** The first day of the month it is posted in. */
  date: string;
  /** "late item for 2026-10, posted to 2026-11 because 2026-10 is soft-closed". */
  note: string;
}

/** Where an item dated `date` is posted, when its month is soft-closed (null: it stays). */
export function lateItemShift(date: string, closed: ReadonlyMap<string, ClosedStatus>): LateItem | null {
  const month = monthOf(date);
  if (closed.get(month) !== "soft_closed") return null;
  let to = nextMonth(month);
  // Months are bounded (a client closes at most a few years ahead), so the walk ends.
  while (closed.has(to)) to = nextMonth(to);
  const m = month.slice(0, 7);
  return {
    date: to,
    note: `late item for ${m}, posted to ${to.slice(0, 7)} because ${m} is soft-closed`,
  };
}

/** The comment of a moved item: its own comment, then the note. */
export function withLateNote(comment: string | null | undefined, note: string): string {
  return comment ? `${comment} (${note})` : note;
}
