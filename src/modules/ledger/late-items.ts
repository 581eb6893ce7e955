// Soft close at posting time: entries dated in a soft-closed month are moved to the first day of the
// next open month, their comment saying why (soft-close-model.ts). Every posting path runs this
// before its checks: postEntries (bank lines, imports, automation), postDraft and reverseEntry.
import type { Executor } from "../../platform/db.ts";
import { monthOf } from "../../platform/dates.ts";
import type { EntryInput } from "./model.ts";
import { lateItemShift, withLateNote } from "./soft-close-model.ts";
import * as store from "./store.ts";
import type { Scope } from "./store.ts";

/** The entries as they are posted: those dated in a soft-closed month moved, with the note. */
export async function placeLateItems<E extends EntryInput>(
  ex: Executor,
  s: Scope,
  list: readonly E[],
): Promise<E[]> {
  if (!list.length) return [...list];
  const earliest = list.reduce((m, e) => (monthOf(e.date) < m ? monthOf(e.date) : m), monthOf(list[0]!.date));
  const closed = await store.closedMonthsFrom(ex, s, earliest);
  if (![...closed.values()].includes("soft_closed")) return [...list];
  return list.map((e) => {
    const late = lateItemShift(e.date, closed);
    return late ? { ...e, date: late.date, comment: withLateNote(e.comment, late.note) } : e;
  });
}
