// A client's month in the Close Tracker: its view (status, people, due dates, live blockers,
// timeline) and the preparer's changes to it (who prepares and reviews, in progress or ready for
// review, the day the required information was complete). Each change is audited and on the timeline.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { recordAudit } from "../../platform/audit.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { isCalendarDay } from "../../platform/dates.ts";
import { ruleViolation, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { toJson } from "../../platform/json.ts";
import type { ClientScope } from "../access/index.ts";
import { blockersOf, type Blocker } from "./blockers.ts";
import type { CloseCtx } from "./close-ctx.ts";
import { closeScope } from "./scope.ts";
import { checkAssignee } from "./settings-service.ts";
import * as store from "./store.ts";
import type { CloseMode, CloseStatus, PackageDeliveryStatus, PackageRecipient } from "./tables.ts";
import { timingBook } from "./timing-service.ts";
import { isMonth, isOverdue } from "./timing-model.ts";

export interface TimelineEvent {
  action: store.EventRow["action"];
  status: CloseStatus | null;
  reason: string | null;
  detail: unknown;
  by: string;
  at: string;
}

export interface MonthView {
  client: string;
  month: string;
  status: CloseStatus;
  preparerId: string | null;
  reviewerId: string | null;
  closeMode: CloseMode;
  plannedDueDate: string;
  dueDate: string;
  informationDueDate: string;
  informationReceivedOn: string | null;
  informationLateDays: number;
  overdue: boolean;
  closedAt: string | null;
  closedBy: string | null;
  overrideReason: string | null;
  blockers: Blocker[];
  /** The report package closing sends to the client's contacts: where that stands. */
  packageDelivery: PackageDelivery | null;
  timeline: TimelineEvent[];
}

export interface PackageDelivery {
  packageId: string;
  status: PackageDeliveryStatus;
  error: string | null;
  sentAt: string | null;
  recipients: PackageRecipient[];
}

export interface MonthChange {
  preparerId?: string | null | undefined;
  reviewerId?: string | null | undefined;
  status?: "in_progress" | "ready_for_review" | undefined;
  informationReceivedOn?: string | null | undefined;
}

export const today = (cctx: { clock: { now(): Date } }) => cctx.clock.now().toISOString().slice(0, 10);

/** "2026-03" checked, as the first day of the month the tables key on. */
export function monthKey(month: string): string {
  if (!isMonth(month))
    throw validationError("close/invalid-month", `"${month}" is not a month (expected YYYY-MM)`, {
      field: "month",
    });
  return `${month}-01`;
}

/** The month's row, made (not started, the client's default people) when it has none yet. */
export async function ensurePeriod(
  tx: Executor,
  cctx: Pick<CloseCtx, "clock">,
  s: ClientScope,
  month: string,
): Promise<store.PeriodRow> {
  const key = monthKey(month);
  const row = await store.periodOf(tx, s, key, { lock: true });
  if (row) return row;
  const settings = await store.settingsOf(tx, s);
  return store.insertPeriod(tx, {
    firm_id: s.firmId,
    client_id: s.clientId,
    month: key,
    status: "not_started",
    preparer_id: settings?.preparer_id ?? null,
    reviewer_id: settings?.reviewer_id ?? null,
    updated_at: cctx.clock.now(),
  });
}

export async function addEvent(
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  month: string,
  at: Date,
  event: {
    action: store.EventRow["action"];
    status?: CloseStatus | null;
    reason?: string | null;
    detail?: unknown;
  },
): Promise<void> {
  await store.insertEvent(tx, {
    id: newId(),
    firm_id: s.firmId,
    client_id: s.clientId,
    month: monthKey(month),
    action: event.action,
    status: event.status ?? null,
    reason: event.reason ?? null,
    detail: toJson(event.detail ?? {}),
    by_user: actor.id,
    by_name: actor.displayName,
    at,
  });
}

/** The month's blockers as they stand; a package is what closing makes, so it blocks only a closed month. */
export async function liveBlockers(
  cctx: CloseCtx,
  actor: Actor,
  s: ClientScope,
  month: string,
  status: CloseStatus,
): Promise<Blocker[]> {
  const all = await blockersOf(cctx, actor, s, month, cctx.blockers);
  return status === "closed" ? all : all.filter((b) => b.kind !== "report_package");
}

export async function monthViewIn(
  ex: Executor,
  cctx: CloseCtx,
  actor: Actor,
  s: ClientScope,
  month: string,
): Promise<MonthView> {
  const key = monthKey(month);
  const day = today(cctx);
  const [row, events, book] = await Promise.all([
    store.periodOf(ex, s, key),
    store.eventsOf(ex, s, key),
    timingBook(ex, s.firmId, [{ id: s.clientId, slug: s.clientSlug }]),
  ]);
  const settings = book.settings(s.clientId);
  const status = row?.status ?? "not_started";
  const t = book.timing(s.clientId, month, row?.information_received_on ?? null);
  return {
    client: s.clientSlug,
    month,
    status,
    preparerId: row ? row.preparer_id : settings.preparerId,
    reviewerId: row ? row.reviewer_id : settings.reviewerId,
    closeMode: row?.close_mode ?? settings.closeMode,
    plannedDueDate: t.plannedDueDate,
    dueDate: t.dueDate,
    informationDueDate: t.informationDueDate,
    informationReceivedOn: row?.information_received_on ?? null,
    informationLateDays: t.informationLateDays,
    overdue: isOverdue(t.dueDate, day, status === "closed"),
    closedAt: row?.closed_at?.toISOString() ?? null,
    closedBy: row?.closed_by_name ?? null,
    overrideReason: row?.override_reason ?? null,
    // Inside the caller's transaction, if any: the embedded database has one session.
    blockers: await liveBlockers({ ...cctx, db: ex }, actor, s, month, status),
    packageDelivery:
      row?.package_id && row.package_status
        ? {
            packageId: row.package_id,
            status: row.package_status,
            error: row.package_error,
            sentAt: row.package_sent_at?.toISOString() ?? null,
            recipients: row.package_recipients,
          }
        : null,
    timeline: events.map((e) => ({
      action: e.action,
      status: e.status,
      reason: e.reason,
      detail: e.detail,
      by: e.by_name,
      at: e.at.toISOString(),
    })),
  };
}

/** Whether a client's month ("YYYY-MM") is closed (other modules refuse changes to a closed month). */
export async function isMonthClosed(ex: Executor, s: ClientScope, month: string): Promise<boolean> {
  return (await store.periodOf(ex, s, monthKey(month)))?.status === "closed";
}

/**
 * The day the month's required information was complete, as the service catalogue's tracking
 * finds it (null: something is missing again). Audited and on the timeline like the preparer's
 * own record of it; a closed month, or one already saying so, is left as it is. Says whether it
 * changed the month.
 */
export async function setInformationReceived(
  ctx: Ctx,
  actor: Actor,
  s: ClientScope,
  month: string,
  day: string | null,
): Promise<boolean> {
  if (day !== null && !isCalendarDay(day))
    throw validationError("close/invalid-date", `"${day}" is not a date (YYYY-MM-DD)`, {
      field: "informationReceivedOn",
    });
  return inTransaction(ctx.db, async (tx) => {
    const row = await ensurePeriod(tx, ctx, s, month);
    if (row.status === "closed" || row.information_received_on === day) return false;
    const now = ctx.clock.now();
    const after = await store.updatePeriod(tx, s, row.month, {
      information_received_on: day,
      updated_at: now,
    });
    await addEvent(tx, actor, s, month, now, {
      action: "information",
      detail: { receivedOn: day, source: "required information" },
    });
    await recordAudit(tx, actor, {
      action: "close.month.information",
      clientId: s.clientId,
      subjectType: "close_period",
      subjectId: `${s.clientId}:${month}`,
      before: row,
      after,
    });
    return true;
  });
}

export async function getMonth(
  cctx: CloseCtx,
  actor: Actor,
  clientRef: string,
  month: string,
): Promise<MonthView> {
  monthKey(month);
  const s = await closeScope(cctx.db, actor, clientRef, "view");
  return monthViewIn(cctx.db, cctx, actor, s, month);
}

export async function updateMonth(
  cctx: CloseCtx,
  actor: Actor,
  clientRef: string,
  month: string,
  change: MonthChange,
): Promise<MonthView> {
  monthKey(month);
  if (change.informationReceivedOn && !isCalendarDay(change.informationReceivedOn))
    throw validationError(
      "close/invalid-date",
      `"${change.informationReceivedOn}" is not a date (YYYY-MM-DD)`,
      {
        field: "informationReceivedOn",
      },
    );
  return inTransaction(cctx.db, async (tx) => {
    const s = await closeScope(tx, actor, clientRef, "manage");
    await checkAssignee(tx, s.firmId, change.preparerId, "preparerId");
    await checkAssignee(tx, s.firmId, change.reviewerId, "reviewerId");
    const row = await ensurePeriod(tx, cctx, s, month);
    if (row.status === "closed")
      throw ruleViolation("close/month-closed", `${month} is closed; a Partner Admin reopens it first`, {
        field: "month",
      });
    const now = cctx.clock.now();
    const patch: Partial<Omit<store.PeriodRow, "package_recipients">> = { updated_at: now };
    if (change.preparerId !== undefined) patch.preparer_id = change.preparerId;
    if (change.reviewerId !== undefined) patch.reviewer_id = change.reviewerId;
    if (change.status !== undefined) patch.status = change.status;
    if (change.informationReceivedOn !== undefined)
      patch.information_received_on = change.informationReceivedOn;
    const after = await store.updatePeriod(tx, s, row.month, patch);
    if (change.preparerId !== undefined || change.reviewerId !== undefined)
      await addEvent(tx, actor, s, month, now, {
        action: "assigned",
        detail: { preparerId: after.preparer_id, reviewerId: after.reviewer_id },
      });
    if (change.status !== undefined && change.status !== row.status)
      await addEvent(tx, actor, s, month, now, { action: "status", status: change.status });
    if (change.informationReceivedOn !== undefined)
      await addEvent(tx, actor, s, month, now, {
        action: "information",
        detail: { receivedOn: change.informationReceivedOn },
      });
    await recordAudit(tx, actor, {
      action: "close.month.updated",
      clientId: s.clientId,
      subjectType: "close_period",
      subjectId: `${s.clientId}:${month}`,
      before: row,
      after,
    });
    return monthViewIn(tx, cctx, actor, s, month);
  });
}
