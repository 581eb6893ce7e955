// SQL for API tokens: stored as a keyed hash, found by it, listed per firm, revoked.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { q } from "./store.ts";
import type { ApiTokensTable } from "./tables.ts";

export type ApiToken = Selectable<ApiTokensTable>;

export async function insertToken(
  ex: Executor,
  t: Omit<ApiToken, "last_used_at" | "revoked_at">,
): Promise<ApiToken> {
  return q(ex)
    .insertInto("api_tokens")
    .values({ ...t, last_used_at: null, revoked_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function tokenByHash(ex: Executor, hash: string): Promise<ApiToken | undefined> {
  return q(ex).selectFrom("api_tokens").selectAll().where("token_hash", "=", hash).executeTakeFirst();
}

export async function firmTokens(ex: Executor, firmId: string): Promise<ApiToken[]> {
  return q(ex)
    .selectFrom("api_tokens")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

export async function tokenById(ex: Executor, firmId: string, id: string): Promise<ApiToken | undefined> {
  return q(ex)
    .selectFrom("api_tokens")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function revokeToken(ex: Executor, firmId: string, id: string, now: Date): Promise<void> {
  await q(ex)
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .execute();
}

export async function revokeUserTokens(
  ex: Executor,
  firmId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await q(ex)
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("firm_id", "=", firmId)
    .where("created_by", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}

export async function touchToken(ex: Executor, id: string, now: Date): Promise<void> {
  await q(ex).updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
}
