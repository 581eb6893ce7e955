// SQL for sign-in challenges: the state between a first factor and a second one (or a change of
// method while signed in), found by the hash of the cb_challenge cookie or by its session.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { q } from "./store.ts";
import type { AuthChallengesTable } from "./tables.ts";

export type Challenge = Selectable<AuthChallengesTable>;

export async function insertChallenge(
  ex: Executor,
  c: Omit<Challenge, "attempts" | "sends" | "consumed_at">,
): Promise<Challenge> {
  return q(ex).insertInto("auth_challenges").values(c).returningAll().executeTakeFirstOrThrow();
}

/** The challenge of a cookie, locked for this transaction (two verifications cannot race). */
export async function challengeByTokenHash(ex: Executor, tokenHash: string): Promise<Challenge | undefined> {
  return q(ex)
    .selectFrom("auth_challenges")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function sessionChallenge(
  ex: Executor,
  sessionId: string,
  purpose: Challenge["purpose"],
): Promise<Challenge | undefined> {
  return q(ex)
    .selectFrom("auth_challenges")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("purpose", "=", purpose)
    .where("consumed_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateChallenge(
  ex: Executor,
  id: string,
  patch: Partial<Omit<Challenge, "id" | "firm_id" | "user_id">>,
): Promise<Challenge> {
  return q(ex)
    .updateTable("auth_challenges")
    .set(patch)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Ends every open challenge of a session for a purpose (a new one replaces them). */
export async function consumeSessionChallenges(
  ex: Executor,
  sessionId: string,
  purpose: Challenge["purpose"],
  now: Date,
): Promise<void> {
  await q(ex)
    .updateTable("auth_challenges")
    .set({ consumed_at: now })
    .where("session_id", "=", sessionId)
    .where("purpose", "=", purpose)
    .where("consumed_at", "is", null)
    .execute();
}

/** Ends every open challenge of a user (a 2FA reset or a new password makes them moot). */
export async function consumeUserChallenges(ex: Executor, userId: string, now: Date): Promise<void> {
  await q(ex)
    .updateTable("auth_challenges")
    .set({ consumed_at: now })
    .where("user_id", "=", userId)
    .where("consumed_at", "is", null)
    .execute();
}
