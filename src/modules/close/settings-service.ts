// The firm's holiday list and each client's close settings (cadence, weekly due day, hard or soft
// close, default preparer and reviewer). A cadence change is recorded as applying from the month
// after the one it is made in, so the month under way keeps its due date.
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { isCalendarDay } from "../../platform/dates.ts";
import { validationError } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { ClientScope } from "../access/index.ts";
import { CLOSE_PERMISSIONS, closeScope } from "./scope.ts";
import * as store from "./store.ts";
import type { CloseMode } from "./tables.ts";
import {
  cadenceFor,
  effectiveMonthOfChange,
  type Cadence,
  type CadenceChange,
  type CadenceSetting,
  type WeeklyDueDay,
} from "./timing-model.ts";

export interface Holiday {
  day: string;
  name: string;
}

export interface CloseSettingsView {
  client: string;
  cadence: Cadence;
  weeklyDueDay: WeeklyDueDay;
  closeMode: CloseMode;
  preparerId: string | null;
  reviewerId: string | null;
  /** Cadence changes still to come: the month each applies from. */
  pendingCadence: { effectiveFrom: string; cadence: Cadence; weeklyDueDay: WeeklyDueDay } | null;
}

export type CloseSettingsPatch = Partial<Omit<CloseSettingsView, "client" | "pendingCadence">>;

/** A client never set up closes daily-cadence, hard close, nobody assigned. */
export const DEFAULT_SETTINGS = {
  cadence: "daily",
  weeklyDueDay: 10,
  closeMode: "hard",
  preparerId: null,
  reviewerId: null,
} as const satisfies CloseSettingsPatch;

export function settingsView(
  slug: string,
  row: store.SettingsRow | undefined,
): Omit<CloseSettingsView, "pendingCadence"> {
  if (!row) return { client: slug, ...DEFAULT_SETTINGS };
  return {
    client: slug,
    cadence: row.cadence,
    weeklyDueDay: row.weekly_due_day as WeeklyDueDay,
    closeMode: row.close_mode,
    preparerId: row.preparer_id,
    reviewerId: row.reviewer_id,
  };
}

export async function listHolidays(ctx: Ctx, actor: Actor): Promise<Holiday[]> {
  access.requirePermission(actor, CLOSE_PERMISSIONS.view);
  return store.holidays(ctx.db, actor.firmId);
}

/** Replaces the firm's holiday list (dates once each; each needs a name). */
export async function replaceHolidays(ctx: Ctx, actor: Actor, list: readonly Holiday[]): Promise<Holiday[]> {
  access.requirePermission(actor, CLOSE_PERMISSIONS.manage);
  const seen = new Set<string>();
  list.forEach((h, i) => {
    if (!isCalendarDay(h.day))
      throw validationError("close/invalid-holiday", `"${h.day}" is not a date (YYYY-MM-DD)`, {
        field: `holidays.${i}.day`,
      });
    if (seen.has(h.day))
      throw validationError("close/duplicate-holiday", `${h.day} is listed twice`, {
        field: `holidays.${i}.day`,
      });
    seen.add(h.day);
  });
  return inTransaction(ctx.db, async (tx) => {
    const before = await store.holidays(tx, actor.firmId);
    const after = [...list]
      .map((h) => ({ day: h.day, name: h.name.trim() }))
      .sort((a, b) => a.day.localeCompare(b.day));
    await store.replaceHolidays(tx, actor.firmId, after);
    await recordAudit(tx, actor, {
      action: "close.holidays.replaced",
      subjectType: "firm",
      subjectId: actor.firmId,
      before,
      after,
    });
    return after;
  });
}

/** The settings as they stand: the cadence in force this month, and the change still to come. */
async function currentView(ex: Executor, s: ClientScope, today: string): Promise<CloseSettingsView> {
  const stored = settingsView(s.clientSlug, await store.settingsOf(ex, s));
  const changes = (await store.cadenceChanges(ex, s.firmId, [s.clientId])).map(changeOf);
  const now = cadenceFor(today.slice(0, 7), changes, stored);
  const next = changes
    .filter((c) => c.effectiveFrom > today.slice(0, 7))
    .sort((x, y) => x.effectiveFrom.localeCompare(y.effectiveFrom))[0];
  return { ...stored, ...now, pendingCadence: next ?? null };
}

export function changeOf(r: store.CadenceChangeRow): CadenceChange {
  return {
    effectiveFrom: r.effective_from,
    cadence: r.cadence,
    weeklyDueDay: r.weekly_due_day as WeeklyDueDay,
  };
}

/** Refuses a preparer or reviewer who is not one of the firm's own people. */
async function checkAssignee(ex: Executor, firmId: string, userId: string | null | undefined, field: string) {
  if (!userId) return;
  const m = await access.membershipView(ex, firmId, userId);
  if (!m || access.sideOf(m.role) !== "partner")
    throw validationError("close/invalid-assignee", "the preparer and reviewer must be people of the firm", {
      field,
    });
}

export { checkAssignee };

export async function getCloseSettings(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
): Promise<CloseSettingsView> {
  const s = await closeScope(ctx.db, actor, clientRef, "view");
  return currentView(ctx.db, s, ctx.clock.now().toISOString().slice(0, 10));
}

export async function updateCloseSettings(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  patch: CloseSettingsPatch,
): Promise<CloseSettingsView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await closeScope(tx, actor, clientRef, "manage");
    const row = await store.settingsOf(tx, s);
    const before = settingsView(s.clientSlug, row);
    const after = { ...before, ...patch };
    await checkAssignee(tx, s.firmId, patch.preparerId, "preparerId");
    await checkAssignee(tx, s.firmId, patch.reviewerId, "reviewerId");
    const now = ctx.clock.now();
    const today = now.toISOString().slice(0, 10);
    const setting = (v: CadenceSetting) => `${v.cadence}:${v.cadence === "weekly" ? v.weeklyDueDay : ""}`;
    const cadenceChanged = setting(before) !== setting(after);
    // The first setting covers every month (it sets the client up); a later change waits for the
    // next month (the board and the month pages read the changes' history).
    if (!row || cadenceChanged)
      await store.upsertCadenceChange(tx, {
        firm_id: s.firmId,
        client_id: s.clientId,
        effective_from: row ? effectiveMonthOfChange(today) : "0001-01",
        cadence: after.cadence,
        weekly_due_day: after.weeklyDueDay,
        changed_by: actor.id,
        changed_at: now,
      });
    await store.upsertSettings(tx, {
      firm_id: s.firmId,
      client_id: s.clientId,
      cadence: after.cadence,
      weekly_due_day: after.weeklyDueDay,
      close_mode: after.closeMode,
      preparer_id: after.preparerId,
      reviewer_id: after.reviewerId,
      updated_by: actor.id,
      updated_at: now,
    });
    await recordAudit(tx, actor, {
      action: "close.settings.updated",
      clientId: s.clientId,
      subjectType: "close_settings",
      subjectId: s.clientId,
      before,
      after: { ...after, cadenceFrom: cadenceChanged && row ? effectiveMonthOfChange(today) : null },
    });
    return currentView(tx, s, today);
  });
}
