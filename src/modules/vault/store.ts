// SQL for the vault: the master key's check value, each client's wrapped data key and settings,
// and the entries (their secrets sealed; this file never sees a plain password).
import { sql, type Insertable, type Selectable, type Updateable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { textArrayLiteral } from "../../platform/sql-arrays.ts";
import { withTables } from "../../platform/tables.ts";
import type { VaultClientsTable, VaultEntriesTable, VaultTables } from "./tables.ts";

export const q = (ex: Executor) => withTables<VaultTables>(ex);

export interface Scope {
  firmId: string;
  clientId: string;
}

export type VaultClientRow = Selectable<VaultClientsTable>;
export type EntryRow = Selectable<VaultEntriesTable>;
export type NewEntry = Omit<Insertable<VaultEntriesTable>, "tags"> & { tags: readonly string[] };
export type EntryPatch = Omit<Updateable<VaultEntriesTable>, "tags"> & { tags?: readonly string[] };

export async function keyCheck(ex: Executor): Promise<string | undefined> {
  const row = await q(ex).selectFrom("vault_master").select("key_check").executeTakeFirst();
  return row?.key_check;
}

/** Stores the first check value; false when another process stored one first. */
export async function insertKeyCheck(ex: Executor, keyCheck: string): Promise<boolean> {
  const r = await q(ex)
    .insertInto("vault_master")
    .values({ id: 1, key_check: keyCheck })
    .onConflict((oc) => oc.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return r !== undefined;
}

export async function replaceKeyCheck(ex: Executor, keyCheck: string, at: Date): Promise<void> {
  await q(ex).updateTable("vault_master").set({ key_check: keyCheck, rotated_at: at }).execute();
}

export async function vaultClient(
  ex: Executor,
  s: Scope,
  options: { lock?: boolean } = {},
): Promise<VaultClientRow | undefined> {
  let query = q(ex)
    .selectFrom("vault_clients")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertVaultClient(ex: Executor, row: Insertable<VaultClientsTable>): Promise<void> {
  await q(ex)
    .insertInto("vault_clients")
    .values(row)
    .onConflict((oc) => oc.column("client_id").doNothing())
    .execute();
}

export async function updateVaultClient(
  ex: Executor,
  s: Scope,
  patch: Updateable<VaultClientsTable>,
): Promise<void> {
  await q(ex)
    .updateTable("vault_clients")
    .set(patch)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .execute();
}

/** Every wrapped key of every firm, for a master key rotation (run by the owner, outside tenants). */
export async function allWrappedKeys(
  ex: Executor,
): Promise<Array<{ firm_id: string; client_id: string; wrapped_key: string }>> {
  return q(ex)
    .selectFrom("vault_clients")
    .select(["firm_id", "client_id", "wrapped_key"])
    .orderBy("client_id")
    .forUpdate()
    .execute();
}

export async function rewrapKey(ex: Executor, clientId: string, wrapped: string): Promise<void> {
  await q(ex)
    .updateTable("vault_clients")
    .set({ wrapped_key: wrapped })
    .where("client_id", "=", clientId)
    .execute();
}

export interface EntryFilter {
  /** Words found in the site, address, nickname or a tag (all of them, any case). */
  q?: string | undefined;
  tag?: string | undefined;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, "\\$&");

export async function listEntries(ex: Executor, s: Scope, filter: EntryFilter = {}): Promise<EntryRow[]> {
  let query = q(ex)
    .selectFrom("vault_entries")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId);
  for (const word of (filter.q ?? "").split(/\s+/).filter(Boolean)) {
    const pattern = `%${likeEscape(word)}%`;
    query = query.where(
      sql<boolean>`(site ilike ${pattern} or coalesce(url, '') ilike ${pattern} or nickname ilike ${pattern} or array_to_string(tags, ' ') ilike ${pattern})`,
    );
  }
  if (filter.tag) query = query.where(sql<boolean>`${filter.tag} = any (tags)`);
  return query
    .orderBy(sql`lower(site)`)
    .orderBy("created_at")
    .execute();
}

export async function entryById(
  ex: Executor,
  s: Scope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<EntryRow | undefined> {
  let query = q(ex)
    .selectFrom("vault_entries")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function entryForRequest(ex: Executor, s: Scope, taskId: string): Promise<EntryRow | undefined> {
  return q(ex)
    .selectFrom("vault_entries")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("request_task_id", "=", taskId)
    .executeTakeFirst();
}

export async function insertEntry(ex: Executor, e: NewEntry): Promise<EntryRow> {
  return q(ex)
    .insertInto("vault_entries")
    .values({ ...e, tags: textArrayLiteral(e.tags) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateEntry(ex: Executor, s: Scope, id: string, patch: EntryPatch): Promise<EntryRow> {
  const { tags, ...rest } = patch;
  return q(ex)
    .updateTable("vault_entries")
    .set({ ...rest, ...(tags ? { tags: textArrayLiteral(tags) } : {}) })
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteEntry(ex: Executor, s: Scope, id: string): Promise<void> {
  await q(ex)
    .deleteFrom("vault_entries")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .execute();
}
