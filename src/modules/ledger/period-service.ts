// Use cases for monthly periods: lock and unlock, soft-close and open again (all audited), and the
// list of months that are not plainly open.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { validationError } from "../../platform/errors.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { PeriodRow } from "./store.ts";

export type { PeriodRow };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Accepts "YYYY-MM" (or a date in the month) and returns the month's first day. */
export function parseMonth(text: string): string {
  const m = MONTH.exec(text.length === 10 ? text.slice(0, 7) : text);
  if (!m)
    throw validationError("ledger/invalid-month", `"${text}" is not a month (expected YYYY-MM)`, {
      field: "month",
    });
  return `${m[1]}-${m[2]}-01`;
}

export async function setPeriodLock(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  monthText: string,
  locked: boolean,
): Promise<PeriodRow> {
  const month = parseMonth(monthText);
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.period.lock");
    const before = await store.periodOf(tx, s, month);
    const after = await store.setPeriodStatus(tx, s, month, locked ? "locked" : "open", actor.id);
    await recordAudit(tx, actor, {
      action: locked ? "ledger.period.locked" : "ledger.period.unlocked",
      clientId: s.clientId,
      subjectType: "period",
      subjectId: `${s.clientId}:${month}`,
      before: before ?? { month, status: "open" },
      after,
    });
    return after;
  });
}

/**
 * Soft-closes a month (the Close Tracker's soft close) or opens it again: a soft-closed month takes
 * no item dated in it; they post on the first day of the next open month, with a note. A locked
 * month is left locked (soft closing never unlocks).
 */
export async function setPeriodSoftClose(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  monthText: string,
  softClosed: boolean,
): Promise<PeriodRow> {
  const month = parseMonth(monthText);
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.period.lock");
    const before = await store.periodOf(tx, s, month);
    if (before?.status === "locked") return before;
    const after = await store.setPeriodStatus(tx, s, month, softClosed ? "soft_closed" : "open", actor.id);
    await recordAudit(tx, actor, {
      action: softClosed ? "ledger.period.soft_closed" : "ledger.period.unlocked",
      clientId: s.clientId,
      subjectType: "period",
      subjectId: `${s.clientId}:${month}`,
      before: before ?? { month, status: "open" },
      after,
    });
    return after;
  });
}

export async function listPeriods(ctx: Ctx, actor: Actor, clientRef: string): Promise<PeriodRow[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  return store.listPeriods(ctx.db, s);
}
