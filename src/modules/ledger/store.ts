// SQL for the chart of accounts, currencies, contacts, dimensions and periods of a client.
// Every query names the client (and so the firm) it reads or writes.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type { AccountsTable, ContactsTable, DimensionsTable, LedgerTables, PeriodsTable } from "./tables.ts";

export type AccountRow = Selectable<AccountsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type DimensionRow = Selectable<DimensionsTable>;
export type PeriodRow = Selectable<PeriodsTable>;

export const q = (ex: Executor) => withTables<LedgerTables>(ex);

export interface Scope {
  firmId: string;
  clientId: string;
}

// ── currencies ──────────────────────────────────────────────────────────────────────────────────

export async function currencyScales(ex: Executor, s: Scope): Promise<Map<string, number>> {
  const rows = await q(ex)
    .selectFrom("currencies")
    .select(["code", "scale"])
    .where("client_id", "=", s.clientId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.scale]));
}

export async function insertCurrencies(
  ex: Executor,
  s: Scope,
  currencies: Array<{ code: string; scale: number }>,
): Promise<void> {
  if (currencies.length === 0) return;
  await q(ex)
    .insertInto("currencies")
    .values(
      currencies.map((c) => ({ firm_id: s.firmId, client_id: s.clientId, code: c.code, scale: c.scale })),
    )
    .onConflict((oc) => oc.columns(["client_id", "code"]).doNothing())
    .execute();
}

// ── accounts ────────────────────────────────────────────────────────────────────────────────────

export async function insertAccounts(
  ex: Executor,
  rows: Array<Omit<AccountRow, "created_at" | "updated_at" | "is_active"> & { is_active?: boolean }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await q(ex)
      .insertInto("accounts")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function listAccounts(
  ex: Executor,
  s: Scope,
  options: { includeInactive?: boolean } = {},
): Promise<AccountRow[]> {
  let query = q(ex).selectFrom("accounts").selectAll().where("client_id", "=", s.clientId);
  if (!options.includeInactive) query = query.where("is_active", "=", true);
  return query.orderBy("number").orderBy("full_name").execute();
}

export async function accountById(ex: Executor, s: Scope, id: string): Promise<AccountRow | undefined> {
  return q(ex)
    .selectFrom("accounts")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function accountsByIds(ex: Executor, s: Scope, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return q(ex)
    .selectFrom("accounts")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "in", [...ids])
    .execute();
}

export async function accountByFullName(
  ex: Executor,
  s: Scope,
  fullName: string,
): Promise<AccountRow | undefined> {
  return q(ex)
    .selectFrom("accounts")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("full_name", "=", fullName)
    .executeTakeFirst();
}

export async function accountByNumber(
  ex: Executor,
  s: Scope,
  number: string,
): Promise<AccountRow | undefined> {
  return q(ex)
    .selectFrom("accounts")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("number", "=", number)
    .executeTakeFirst();
}

export async function updateAccount(
  ex: Executor,
  s: Scope,
  id: string,
  patch: Partial<
    Pick<
      AccountRow,
      "name" | "full_name" | "number" | "detail_type" | "is_active" | "description" | "parent_id"
    >
  >,
): Promise<AccountRow> {
  return q(ex)
    .updateTable("accounts")
    .set({ ...patch, updated_at: new Date() })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Renames the descendants of an account when its full name changes ("Old:x" → "New:x"). */
export async function renameDescendants(
  ex: Executor,
  s: Scope,
  oldPrefix: string,
  newPrefix: string,
): Promise<void> {
  const children = await q(ex)
    .selectFrom("accounts")
    .select(["id", "full_name"])
    .where("client_id", "=", s.clientId)
    .where("full_name", "like", `${oldPrefix.replace(/[\\%_]/g, "\\$&")}:%`)
    .execute();
  for (const child of children) {
    await q(ex)
      .updateTable("accounts")
      .set({ full_name: newPrefix + child.full_name.slice(oldPrefix.length), updated_at: new Date() })
      .where("id", "=", child.id)
      .execute();
  }
}

export async function accountHasChildren(ex: Executor, s: Scope, id: string): Promise<boolean> {
  const row = await q(ex)
    .selectFrom("accounts")
    .select("id")
    .where("client_id", "=", s.clientId)
    .where("parent_id", "=", id)
    .where("is_active", "=", true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// ── contacts and dimensions ─────────────────────────────────────────────────────────────────────

export async function insertContact(
  ex: Executor,
  row: Omit<ContactRow, "created_at" | "updated_at" | "is_active">,
): Promise<ContactRow> {
  return q(ex).insertInto("contacts").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listContacts(ex: Executor, s: Scope, kind?: ContactRow["kind"]): Promise<ContactRow[]> {
  let query = q(ex).selectFrom("contacts").selectAll().where("client_id", "=", s.clientId);
  if (kind) query = query.where("kind", "=", kind);
  return query.orderBy("name").execute();
}

export async function contactById(ex: Executor, s: Scope, id: string): Promise<ContactRow | undefined> {
  return q(ex)
    .selectFrom("contacts")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function updateContact(
  ex: Executor,
  s: Scope,
  id: string,
  patch: Partial<Pick<ContactRow, "name" | "email" | "is_active" | "kind">>,
): Promise<ContactRow> {
  return q(ex)
    .updateTable("contacts")
    .set({ ...patch, updated_at: new Date() })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function existingContactIds(
  ex: Executor,
  s: Scope,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q(ex)
    .selectFrom("contacts")
    .select("id")
    .where("client_id", "=", s.clientId)
    .where("id", "in", [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertDimension(
  ex: Executor,
  row: Omit<DimensionRow, "created_at" | "updated_at" | "is_active">,
): Promise<DimensionRow> {
  return q(ex).insertInto("dimensions").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listDimensions(
  ex: Executor,
  s: Scope,
  kind?: DimensionRow["kind"],
): Promise<DimensionRow[]> {
  let query = q(ex).selectFrom("dimensions").selectAll().where("client_id", "=", s.clientId);
  if (kind) query = query.where("kind", "=", kind);
  return query.orderBy("kind").orderBy("name").execute();
}

export async function dimensionById(ex: Executor, s: Scope, id: string): Promise<DimensionRow | undefined> {
  return q(ex)
    .selectFrom("dimensions")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function updateDimension(
  ex: Executor,
  s: Scope,
  id: string,
  patch: Partial<Pick<DimensionRow, "name" | "is_active" | "parent_id">>,
): Promise<DimensionRow> {
  return q(ex)
    .updateTable("dimensions")
    .set({ ...patch, updated_at: new Date() })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function dimensionKinds(
  ex: Executor,
  s: Scope,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q(ex)
    .selectFrom("dimensions")
    .select(["id", "kind"])
    .where("client_id", "=", s.clientId)
    .where("id", "in", [...ids])
    .where("is_active", "=", true)
    .execute();
  return new Map(rows.map((r) => [r.id, r.kind]));
}

// ── periods ─────────────────────────────────────────────────────────────────────────────────────

export async function lockedMonths(ex: Executor, s: Scope, months?: readonly string[]): Promise<Set<string>> {
  let query = q(ex)
    .selectFrom("periods")
    .select("month")
    .where("client_id", "=", s.clientId)
    .where("status", "=", "locked");
  if (months) {
    if (months.length === 0) return new Set();
    query = query.where("month", "in", [...months]);
  }
  return new Set((await query.execute()).map((r) => r.month));
}

/** The locked and soft-closed months of the client from `from` (a first day) on. */
export async function closedMonthsFrom(
  ex: Executor,
  s: Scope,
  from: string,
): Promise<Map<string, "locked" | "soft_closed">> {
  const rows = await q(ex)
    .selectFrom("periods")
    .select(["month", "status"])
    .where("client_id", "=", s.clientId)
    .where("month", ">=", from)
    .where("status", "in", ["locked", "soft_closed"])
    .execute();
  return new Map(rows.map((r) => [r.month, r.status as "locked" | "soft_closed"]));
}

export async function listPeriods(ex: Executor, s: Scope): Promise<PeriodRow[]> {
  return q(ex)
    .selectFrom("periods")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .orderBy("month")
    .execute();
}

export async function periodOf(ex: Executor, s: Scope, month: string): Promise<PeriodRow | undefined> {
  return q(ex)
    .selectFrom("periods")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("month", "=", month)
    .executeTakeFirst();
}

export async function setPeriodStatus(
  ex: Executor,
  s: Scope,
  month: string,
  status: "open" | "locked" | "soft_closed",
  by: string,
): Promise<PeriodRow> {
  return q(ex)
    .insertInto("periods")
    .values({ firm_id: s.firmId, client_id: s.clientId, month, status, changed_by: by })
    .onConflict((oc) =>
      oc.columns(["client_id", "month"]).doUpdateSet({ status, changed_by: by, changed_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── report versions ─────────────────────────────────────────────────────────────────────────────

/** Marks the client's reports stale: called in every transaction that changes them. */
export async function bumpLedgerVersion(ex: Executor, s: Scope): Promise<void> {
  await q(ex)
    .insertInto("ledger_versions")
    .values({ client_id: s.clientId, firm_id: s.firmId, version: 1n })
    .onConflict((oc) =>
      oc.column("client_id").doUpdateSet((eb) => ({ version: eb("ledger_versions.version", "+", 1n) })),
    )
    .execute();
}

export async function ledgerVersion(ex: Executor, s: Scope): Promise<bigint> {
  const row = await q(ex)
    .selectFrom("ledger_versions")
    .select("version")
    .where("client_id", "=", s.clientId)
    .executeTakeFirst();
  return row?.version ?? 0n;
}
