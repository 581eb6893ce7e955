// SQL for notifications and notification settings. Every query names the user (and firm) it is for,
// except the digest sweep, which runs as the system across firms.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type { Choice } from "./model.ts";
import type { NotificationTables, NotificationsTable } from "./tables.ts";

export type Notification = Selectable<NotificationsTable>;

const q = (ex: Executor) => withTables<NotificationTables>(ex);

export async function insertNotifications(
  ex: Executor,
  rows: Array<Omit<Notification, "read_at" | "digested_at" | "body"> & { body: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await q(ex)
    .insertInto("notifications")
    .values(rows.map((r) => ({ ...r, read_at: null, digested_at: null })))
    .execute();
}

export async function listFor(
  ex: Executor,
  firmId: string,
  userId: string,
  options: { unread: boolean; limit: number },
): Promise<Notification[]> {
  let query = q(ex)
    .selectFrom("notifications")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("user_id", "=", userId)
    .where("in_app", "=", true);
  if (options.unread) query = query.where("read_at", "is", null);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(options.limit).execute();
}

/** Unread notifications in the bell (not those kept only for an e-mail digest). */
export async function unreadCount(ex: Executor, firmId: string, userId: string): Promise<number> {
  const row = await q(ex)
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<bigint>().as("n"))
    .where("firm_id", "=", firmId)
    .where("user_id", "=", userId)
    .where("in_app", "=", true)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(
  ex: Executor,
  firmId: string,
  userId: string,
  id: string | null,
  now: Date,
): Promise<number> {
  let query = q(ex)
    .updateTable("notifications")
    .set({ read_at: now })
    .where("firm_id", "=", firmId)
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (id) query = query.where("id", "=", id);
  const r = await query.executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0n);
}

export async function exists(ex: Executor, firmId: string, userId: string, id: string): Promise<boolean> {
  return (
    (await q(ex)
      .selectFrom("notifications")
      .select("id")
      .where("firm_id", "=", firmId)
      .where("user_id", "=", userId)
      .where("id", "=", id)
      .executeTakeFirst()) !== undefined
  );
}

export async function savedChoices(
  ex: Executor,
  firmId: string,
  userIds: readonly string[],
): Promise<Map<string, Map<string, Choice>>> {
  const out = new Map<string, Map<string, Choice>>(userIds.map((id) => [id, new Map()]));
  if (userIds.length === 0) return out;
  const rows = await q(ex)
    .selectFrom("notification_settings")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("user_id", "in", [...userIds])
    .execute();
  for (const r of rows) out.get(r.user_id)?.set(r.event, { inApp: r.in_app, email: r.email });
  return out;
}

export async function saveChoices(
  ex: Executor,
  firmId: string,
  userId: string,
  choices: ReadonlyArray<{ event: string } & Choice>,
  now: Date,
): Promise<void> {
  for (const c of choices) {
    await q(ex)
      .insertInto("notification_settings")
      .values({
        user_id: userId,
        firm_id: firmId,
        event: c.event,
        in_app: c.inApp,
        email: c.email,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["user_id", "event"]).doUpdateSet({ in_app: c.inApp, email: c.email, updated_at: now }),
      )
      .execute();
  }
}

/** Rows waiting for a digest created before `cutoff`, oldest first. */
export async function pendingDigest(
  ex: Executor,
  kind: "daily" | "weekly",
  cutoff: Date,
): Promise<Notification[]> {
  return q(ex)
    .selectFrom("notifications")
    .selectAll()
    .where("digest", "=", kind)
    .where("digested_at", "is", null)
    .where("created_at", "<", cutoff)
    .orderBy("user_id")
    .orderBy("created_at")
    .execute();
}

export async function markDigested(ex: Executor, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await q(ex)
    .updateTable("notifications")
    .set({ digested_at: now })
    .where("id", "in", [...ids])
    .execute();
}
