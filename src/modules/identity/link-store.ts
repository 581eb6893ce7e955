// SQL for the links sent by e-mail: invitations and password resets, found by the hash of their token.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { q } from "./store.ts";
import type { InvitationsTable, PasswordResetsTable } from "./tables.ts";

export type Invitation = Selectable<InvitationsTable>;
export type PasswordReset = Selectable<PasswordResetsTable>;

export async function insertInvitation(
  ex: Executor,
  i: Omit<Invitation, "accepted_at" | "revoked_at">,
): Promise<void> {
  await q(ex)
    .insertInto("invitations")
    .values({ ...i, accepted_at: null, revoked_at: null })
    .execute();
}

export async function invitationByTokenHash(
  ex: Executor,
  tokenHash: string,
): Promise<Invitation | undefined> {
  return q(ex).selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** The newest open invitation of each user. */
export async function openInvitations(
  ex: Executor,
  firmId: string,
  userIds: readonly string[],
): Promise<Map<string, Invitation>> {
  if (userIds.length === 0) return new Map();
  const rows = await q(ex)
    .selectFrom("invitations")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("user_id", "in", [...userIds])
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("created_at")
    .execute();
  return new Map(rows.map((r) => [r.user_id, r]));
}

export async function revokeInvitations(ex: Executor, userId: string, now: Date): Promise<void> {
  await q(ex)
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
}

export async function acceptInvitation(ex: Executor, id: string, now: Date): Promise<boolean> {
  const r = await q(ex)
    .updateTable("invitations")
    .set({ accepted_at: now })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return (r.numUpdatedRows ?? 0n) > 0n;
}

export async function insertPasswordReset(ex: Executor, r: Omit<PasswordReset, "used_at">): Promise<void> {
  await q(ex)
    .insertInto("password_resets")
    .values({ ...r, used_at: null })
    .execute();
}

export async function passwordResetByTokenHash(
  ex: Executor,
  tokenHash: string,
): Promise<PasswordReset | undefined> {
  return q(ex)
    .selectFrom("password_resets")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

/** Uses up every open reset link of the user (one was used, or the password changed otherwise). */
export async function usePasswordResets(ex: Executor, userId: string, now: Date): Promise<void> {
  await q(ex)
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}
