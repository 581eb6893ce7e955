// SQL for sessions: created at sign-in, found by the hash of the cookie's token, revoked at
// sign-out (one, or every session of a user).
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { q } from "./store.ts";
import type { SessionsTable } from "./tables.ts";

export type Session = Selectable<SessionsTable>;

export async function insertSession(
  ex: Executor,
  s: Omit<Session, "stepped_up_until" | "revoked_at" | "factor_verified_at"> & {
    factor_verified_at?: Date | null;
  },
): Promise<Session> {
  return q(ex)
    .insertInto("sessions")
    .values({ factor_verified_at: null, ...s, stepped_up_until: null, revoked_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function sessionByTokenHash(ex: Executor, tokenHash: string): Promise<Session | undefined> {
  return q(ex).selectFrom("sessions").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export async function sessionById(ex: Executor, firmId: string, id: string): Promise<Session | undefined> {
  return q(ex)
    .selectFrom("sessions")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function touchSession(ex: Executor, id: string, now: Date): Promise<void> {
  await q(ex).updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
}

export async function stepUp(ex: Executor, id: string, until: Date | null): Promise<void> {
  await q(ex).updateTable("sessions").set({ stepped_up_until: until }).where("id", "=", id).execute();
}

/** Records that the session has just proven its second factor again. */
export async function factorVerified(ex: Executor, id: string, at: Date): Promise<void> {
  await q(ex).updateTable("sessions").set({ factor_verified_at: at }).where("id", "=", id).execute();
}

export async function revokeSession(ex: Executor, id: string, now: Date): Promise<void> {
  await q(ex)
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
}

/** Revokes every open session of the user, but `except`; returns how many. */
export async function revokeUserSessions(
  ex: Executor,
  userId: string,
  now: Date,
  except?: string,
): Promise<number> {
  let query = q(ex)
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (except) query = query.where("id", "<>", except);
  const r = await query.executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0n);
}

export async function openSessions(
  ex: Executor,
  firmId: string,
  userId: string,
  now: Date,
): Promise<Session[]> {
  return q(ex)
    .selectFrom("sessions")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .execute();
}
