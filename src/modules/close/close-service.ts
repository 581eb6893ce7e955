// Closing and reopening a client's month. Closing refuses a month whose previous month is still
// open, and a month with blockers unless the closer overrides them with a reason (both recorded);
// a hard close locks the ledger period, a soft close leaves it open (items dated in it then post in
// the next open month, with a note) and says so on the timeline.
// Closing asks for the month's report package, e-mailed to the client's contacts once it is made. Reopening is the Partner Admin's, needs a reason,
// unlocks the period and tells the preparer.
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { inTransaction } from "../../platform/db.ts";
import { AppError, ruleViolation, validationError } from "../../platform/errors.ts";
import { setPeriodLock, setPeriodSoftClose } from "../ledger/index.ts";
import { notify } from "../notifications/index.ts";
import { PACKAGE_JOB, requestPackage, type PackageJob } from "../reports/index.ts";
import type { CloseCtx } from "./close-ctx.ts";
import {
  addEvent,
  ensurePeriod,
  liveBlockers,
  monthKey,
  monthViewIn,
  type MonthView,
} from "./month-service.ts";
import { closeScope } from "./scope.ts";
import * as store from "./store.ts";
import { monthBefore } from "./timing-model.ts";

/** The portal page of a client's month (where a reopened month is seen); notifications link here. */
export const closeMonthLink = (clientSlug: string, month: string) => `/c/${clientSlug}/close/${month}`;

export interface CloseInput {
  /** Why the month closes despite its blockers (needed when it has any). */
  override?: string | undefined;
}

export interface Closed {
  month: MonthView;
  /** The report package asked for; queued unless the caller makes it itself. */
  package: PackageJob | null;
}

const MAX_REASON = 2000;

function reasonOf(text: string | undefined, field: string): string | null {
  const r = text?.trim() ?? "";
  if (r.length > MAX_REASON)
    throw validationError("close/reason-too-long", `the reason is longer than ${MAX_REASON} characters`, {
      field,
    });
  return r || null;
}

export async function closeMonth(
  cctx: CloseCtx,
  actor: Actor,
  clientRef: string,
  month: string,
  input: CloseInput = {},
  options: { queuePackage: boolean } = { queuePackage: true },
): Promise<Closed> {
  const key = monthKey(month);
  const override = reasonOf(input.override, "override");
  const done = await inTransaction(cctx.db, async (tx) => {
    const tctx = { ...cctx, db: tx };
    const s = await closeScope(tx, actor, clientRef, "manage");
    const row = await ensurePeriod(tx, cctx, s, month);
    if (row.status === "closed")
      throw ruleViolation("close/already-closed", `${month} is already closed`, { field: "month" });
    const previous = await store.periodOf(tx, s, monthKey(monthBefore(month)));
    const closedBefore = await store.latestClosedBefore(tx, s, key);
    // The months close in order: the previous one must be closed when it is tracked, or when an
    // earlier month was (a gap); a client's first tracked month may close on its own.
    if ((previous && previous.status !== "closed") || (!previous && closedBefore))
      throw ruleViolation(
        "close/previous-month-open",
        `${monthBefore(month)} is not closed yet; close the months in order`,
        { field: "month", extra: { previousMonth: monthBefore(month) } },
      );
    const blockers = await liveBlockers(tctx, actor, s, month, row.status);
    if (blockers.length && !override)
      throw new AppError(
        "rule-violation",
        "close/blocked",
        `${month} has ${blockers.length} blocker${blockers.length === 1 ? "" : "s"}: ${blockers.map((b) => b.detail).join("; ")}. Fix them, or close with an override and its reason`,
        { field: "override", extra: { blockers } },
      );
    const settings = await store.settingsOf(tx, s);
    const mode = settings?.close_mode ?? "hard";
    // Hard: the ledger refuses the month. Soft: it stays open, but what is dated in it from now on
    // posts on the first day of the next open month, with a note (the ledger's late items).
    if (mode === "hard") await setPeriodLock(tctx, actor, s.clientSlug, month, true);
    else await setPeriodSoftClose(tctx, actor, s.clientSlug, month, true);
    const pkg = await requestPackage(tctx, actor, s.clientSlug, { month }, { queue: false });
    const now = cctx.clock.now();
    const after = await store.updatePeriod(tx, s, key, {
      status: "closed",
      close_mode: mode,
      closed_at: now,
      closed_by: actor.id,
      closed_by_name: actor.displayName,
      override_reason: blockers.length ? override : null,
      // Sent to the client's contacts once the package job has made it (delivery-service.ts).
      package_id: pkg.id,
      package_status: "pending",
      package_error: null,
      package_sent_at: null,
      package_recipients: JSON.stringify([]),
      updated_at: now,
    });
    const detail = {
      closeMode: mode,
      periodLocked: mode === "hard",
      periodSoftClosed: mode === "soft",
      note:
        mode === "soft"
          ? "soft close: the ledger period stays open; late items dated in it post on the first day of the next open month"
          : null,
      overridden: blockers.length ? blockers.map(({ kind, count, detail }) => ({ kind, count, detail })) : [],
      packageId: pkg.id,
      packageVersion: pkg.version,
      // Sent once made: a "package_sent" event follows with who got it (delivery-service.ts).
      packageSent: false,
    };
    await addEvent(tx, actor, s, month, now, {
      action: "closed",
      status: "closed",
      reason: blockers.length ? override : null,
      detail,
    });
    await recordAudit(tx, actor, {
      action: blockers.length ? "close.month.closed_with_override" : "close.month.closed",
      clientId: s.clientId,
      subjectType: "close_period",
      subjectId: `${s.clientId}:${month}`,
      before: row,
      after: { ...after, ...detail },
    });
    const job: PackageJob = { firmId: s.firmId, clientId: s.clientId, packageId: pkg.id };
    return { view: await monthViewIn(tx, cctx, actor, s, month), job };
  });
  // Queued once committed (a worker must find the package row).
  if (options.queuePackage) await cctx.jobs.send(PACKAGE_JOB, done.job);
  return { month: done.view, package: done.job };
}

export async function reopenMonth(
  cctx: CloseCtx,
  actor: Actor,
  clientRef: string,
  month: string,
  input: { reason: string },
): Promise<MonthView> {
  const key = monthKey(month);
  const reason = reasonOf(input.reason, "reason");
  if (!reason)
    throw validationError("close/reason-required", "say why the month is reopened", { field: "reason" });
  const done = await inTransaction(cctx.db, async (tx) => {
    const tctx = { ...cctx, db: tx };
    const s = await closeScope(tx, actor, clientRef, "reopen");
    const row = await store.periodOf(tx, s, key, { lock: true });
    if (row?.status !== "closed")
      throw ruleViolation("close/not-closed", `${month} is not closed`, { field: "month" });
    const later = await store.latestClosedAfter(tx, s, key);
    if (later)
      throw ruleViolation(
        "close/later-month-closed",
        `${later.slice(0, 7)} is closed after it; reopen the later months first`,
        { field: "month" },
      );
    if (row.close_mode === "hard") await setPeriodLock(tctx, actor, s.clientSlug, month, false);
    else await setPeriodSoftClose(tctx, actor, s.clientSlug, month, false);
    const now = cctx.clock.now();
    const after = await store.updatePeriod(tx, s, key, { status: "reopened", updated_at: now });
    await addEvent(tx, actor, s, month, now, {
      action: "reopened",
      status: "reopened",
      reason,
      detail: { periodUnlocked: row.close_mode === "hard", preparerId: row.preparer_id },
    });
    await recordAudit(tx, actor, {
      action: "close.month.reopened",
      clientId: s.clientId,
      subjectType: "close_period",
      subjectId: `${s.clientId}:${month}`,
      before: row,
      after: { ...after, reason },
    });
    return { view: await monthViewIn(tx, cctx, actor, s, month), s, preparer: row.preparer_id };
  });
  if (cctx.notify && done.preparer && done.preparer !== actor.id)
    await notify(cctx.notify, {
      firmId: done.s.firmId,
      userIds: [done.preparer],
      event: "close.reopened",
      title: `${done.s.clientSlug}: ${month} was reopened`,
      body: `${actor.displayName} reopened the month: ${reason}`,
      link: closeMonthLink(done.s.clientSlug, month),
      clientId: done.s.clientId,
    });
  return done.view;
}
