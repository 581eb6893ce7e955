// SQL for users and their recovery codes. Lookups by e-mail or id span firms only where the firm
// is not known yet (sign-in); everything else names the firm.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type { IdentityTables, UsersTable } from "./tables.ts";

export type User = Selectable<UsersTable>;

export const q = (ex: Executor) => withTables<IdentityTables>(ex);

export async function userByEmail(ex: Executor, email: string): Promise<User | undefined> {
  return q(ex).selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function userById(ex: Executor, id: string): Promise<User | undefined> {
  return q(ex).selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function firmUser(ex: Executor, firmId: string, id: string): Promise<User | undefined> {
  return q(ex)
    .selectFrom("users")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function userBySsoSubject(
  ex: Executor,
  firmId: string,
  subject: string,
): Promise<User | undefined> {
  return q(ex)
    .selectFrom("users")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("sso_subject", "=", subject)
    .executeTakeFirst();
}

export async function firmUsers(ex: Executor, firmId: string, ids?: readonly string[]): Promise<User[]> {
  let query = q(ex).selectFrom("users").selectAll().where("firm_id", "=", firmId);
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where("id", "in", [...ids]);
  }
  return query.orderBy("name").orderBy("email").execute();
}

export async function activeUserIds(ex: Executor, firmId: string): Promise<string[]> {
  return (
    await q(ex)
      .selectFrom("users")
      .select("id")
      .where("firm_id", "=", firmId)
      .where("status", "=", "active")
      .execute()
  ).map((r) => r.id);
}

/** Users holding a licence: invited or active. */
export async function countLicensed(ex: Executor, firmId: string): Promise<number> {
  const row = await q(ex)
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<bigint>().as("n"))
    .where("firm_id", "=", firmId)
    .where("status", "in", ["invited", "active"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  ex: Executor,
  user: {
    id: string;
    firm_id: string;
    email: string;
    name: string;
    status: User["status"];
    sso_subject?: string | null;
  },
): Promise<User> {
  return q(ex).insertInto("users").values(user).returningAll().executeTakeFirstOrThrow();
}

export type UserPatch = Partial<Omit<User, "id" | "firm_id" | "email" | "created_at" | "updated_at">>;

export async function updateUser(ex: Executor, firmId: string, id: string, patch: UserPatch): Promise<User> {
  return q(ex)
    .updateTable("users")
    .set({ ...patch, updated_at: new Date() })
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Moves the user's last accepted TOTP step forward; false when `step` is not later than it (the
 * code was already used), so two requests racing with one code cannot both win.
 */
export async function advanceTotpStep(ex: Executor, userId: string, step: bigint): Promise<boolean> {
  const r = await q(ex)
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return (r.numUpdatedRows ?? 0n) > 0n;
}

// ── recovery codes ──────────────────────────────────────────────────────────────────────────────

export async function replaceRecoveryCodes(
  ex: Executor,
  firmId: string,
  userId: string,
  hashes: readonly string[],
): Promise<void> {
  await q(ex).deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  if (hashes.length === 0) return;
  await q(ex)
    .insertInto("recovery_codes")
    .values(hashes.map((code_hash) => ({ user_id: userId, firm_id: firmId, code_hash, used_at: null })))
    .execute();
}

/** Marks a recovery code used; false when it is unknown or already used. */
export async function useRecoveryCode(
  ex: Executor,
  userId: string,
  hash: string,
  now: Date,
): Promise<boolean> {
  const r = await q(ex)
    .updateTable("recovery_codes")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return (r.numUpdatedRows ?? 0n) > 0n;
}

export async function recoveryCodesLeft(ex: Executor, userId: string): Promise<number> {
  const row = await q(ex)
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<bigint>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
