// SQL for the Close Tracker: holidays, settings and cadence changes, the month rows and their
// timeline. Every query names its firm (and client): row-level security backs it.
import type { Insertable, Selectable, Updateable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type {
  CloseCadenceChangesTable,
  ClosePeriodEventsTable,
  ClosePeriodsTable,
  CloseSettingsTable,
  CloseTables,
} from "./tables.ts";

const q = (ex: Executor) => withTables<CloseTables>(ex);

export interface Scope {
  firmId: string;
  clientId: string;
}

export type SettingsRow = Selectable<CloseSettingsTable>;
export type CadenceChangeRow = Selectable<CloseCadenceChangesTable>;
export type PeriodRow = Selectable<ClosePeriodsTable>;
export type EventRow = Selectable<ClosePeriodEventsTable>;

// ── holidays ────────────────────────────────────────────────────────────────────────────────────

export async function holidays(ex: Executor, firmId: string): Promise<Array<{ day: string; name: string }>> {
  return q(ex)
    .selectFrom("close_holidays")
    .select(["day", "name"])
    .where("firm_id", "=", firmId)
    .orderBy("day")
    .execute();
}

export async function replaceHolidays(
  ex: Executor,
  firmId: string,
  list: ReadonlyArray<{ day: string; name: string }>,
): Promise<void> {
  await q(ex).deleteFrom("close_holidays").where("firm_id", "=", firmId).execute();
  if (list.length)
    await q(ex)
      .insertInto("close_holidays")
      .values(list.map((h) => ({ firm_id: firmId, day: h.day, name: h.name })))
      .execute();
}

// ── settings ────────────────────────────────────────────────────────────────────────────────────

export async function settingsOf(ex: Executor, s: Scope): Promise<SettingsRow | undefined> {
  return q(ex)
    .selectFrom("close_settings")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .executeTakeFirst();
}

export async function settingsOfClients(
  ex: Executor,
  firmId: string,
  clientIds: readonly string[],
): Promise<SettingsRow[]> {
  if (!clientIds.length) return [];
  return q(ex)
    .selectFrom("close_settings")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("client_id", "in", clientIds)
    .execute();
}

export async function upsertSettings(ex: Executor, row: Insertable<CloseSettingsTable>): Promise<void> {
  await q(ex)
    .insertInto("close_settings")
    .values(row)
    .onConflict((oc) =>
      oc.column("client_id").doUpdateSet({
        cadence: row.cadence,
        weekly_due_day: row.weekly_due_day,
        close_mode: row.close_mode,
        preparer_id: row.preparer_id ?? null,
        reviewer_id: row.reviewer_id ?? null,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function cadenceChanges(
  ex: Executor,
  firmId: string,
  clientIds: readonly string[],
): Promise<CadenceChangeRow[]> {
  if (!clientIds.length) return [];
  return q(ex)
    .selectFrom("close_cadence_changes")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("client_id", "in", clientIds)
    .execute();
}

export async function upsertCadenceChange(
  ex: Executor,
  row: Insertable<CloseCadenceChangesTable>,
): Promise<void> {
  await q(ex)
    .insertInto("close_cadence_changes")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["client_id", "effective_from"]).doUpdateSet({
        cadence: row.cadence,
        weekly_due_day: row.weekly_due_day,
        changed_by: row.changed_by,
        changed_at: row.changed_at,
      }),
    )
    .execute();
}

// ── months ──────────────────────────────────────────────────────────────────────────────────────

export async function periodOf(
  ex: Executor,
  s: Scope,
  month: string,
  options: { lock?: boolean } = {},
): Promise<PeriodRow | undefined> {
  let query = q(ex)
    .selectFrom("close_periods")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("month", "=", month);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The month whose close waits for this report package, if any. */
export async function periodOfPackage(
  ex: Executor,
  s: Scope,
  packageId: string,
): Promise<PeriodRow | undefined> {
  return q(ex)
    .selectFrom("close_periods")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("package_id", "=", packageId)
    .executeTakeFirst();
}

/** The months of these clients from `from` to `to` (first days) that have a row. */
export async function periodsOf(
  ex: Executor,
  firmId: string,
  clientIds: readonly string[],
  from: string,
  to: string,
): Promise<PeriodRow[]> {
  if (!clientIds.length) return [];
  return q(ex)
    .selectFrom("close_periods")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("client_id", "in", clientIds)
    .where("month", ">=", from)
    .where("month", "<=", to)
    .execute();
}

export async function insertPeriod(ex: Executor, row: Insertable<ClosePeriodsTable>): Promise<PeriodRow> {
  return q(ex).insertInto("close_periods").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePeriod(
  ex: Executor,
  s: Scope,
  month: string,
  patch: Updateable<ClosePeriodsTable>,
): Promise<PeriodRow> {
  return q(ex)
    .updateTable("close_periods")
    .set(patch)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("month", "=", month)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertEvent(ex: Executor, row: Insertable<ClosePeriodEventsTable>): Promise<void> {
  await q(ex).insertInto("close_period_events").values(row).execute();
}

export async function eventsOf(ex: Executor, s: Scope, month: string): Promise<EventRow[]> {
  return q(ex)
    .selectFrom("close_period_events")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("month", "=", month)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

/** The latest closed month of a client before (or after) `month` (first days), if any. */
async function latestClosed(
  ex: Executor,
  s: Scope,
  side: "<" | ">",
  month: string,
): Promise<string | undefined> {
  const r = await q(ex)
    .selectFrom("close_periods")
    .select("month")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("status", "=", "closed")
    .where("month", side, month)
    .orderBy("month", "desc")
    .limit(1)
    .executeTakeFirst();
  return r?.month;
}

export const latestClosedBefore = (ex: Executor, s: Scope, month: string) => latestClosed(ex, s, "<", month);
export const latestClosedAfter = (ex: Executor, s: Scope, month: string) => latestClosed(ex, s, ">", month);
