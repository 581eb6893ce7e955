// "Reconnect the bank" system tasks, wired here because banking may not call work: one task per
// breakage of a connection (key "banking.reconnect:<connection>:<when it broke>"), for the
// connection's owner, closed when the connection is healthy again or removed. Run when banking tells
// of a connection change, and by the hourly upkeep (which also catches changes made by the CLI).
import { systemActor } from "../platform/actor.ts";
import type { Ctx } from "../platform/context.ts";
import { addDays } from "../platform/dates.ts";
import * as access from "../modules/access/index.ts";
import * as banking from "../modules/banking/index.ts";
import type { BankingCtx, ConnectionView } from "../modules/banking/index.ts";
import * as work from "../modules/work/index.ts";

export const RECONNECT_TASK_KEY = "banking.reconnect:";
/** A reconnect task is due this many days after the connection broke was noticed. */
export const RECONNECT_DUE_DAYS = 3;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of a disconnected connection's current breakage: its last move to "disconnected". */
export function reconnectKey(c: Pick<ConnectionView, "id" | "history" | "updatedAt">): string {
  const broke = c.history
    .filter((h) => h.to === "disconnected")
    .map((h) => h.at.toISOString())
    .sort()
    .at(-1);
  return `${RECONNECT_TASK_KEY}${c.id}:${broke ?? c.updatedAt.toISOString()}`;
}

export async function syncReconnectTasks(
  ctx: Ctx,
  bctx: BankingCtx,
  only?: { firmId: string; clientIds: readonly string[] },
): Promise<{ opened: number; closed: number }> {
  let opened = 0;
  let closed = 0;
  for (const firmId of only ? [only.firmId] : await access.allFirmIds(ctx.db)) {
    const actor = systemActor(firmId);
    const clients = (await access.listClients(ctx.db, actor, "active")).filter(
      (c) => !only || only.clientIds.includes(c.id),
    );
    for (const c of clients) {
      const s = { firmId, clientId: c.id };
      const connections = await banking.listConnections(bctx, actor, c.slug).catch(() => null);
      if (!connections) continue;
      const wanted = new Set<string>();
      for (const conn of connections.filter((x) => x.state === "disconnected")) {
        const key = reconnectKey(conn);
        wanted.add(key);
        const r = await work.createSystemTask(ctx, {
          firmId,
          clientId: c.id,
          key,
          type: "bank_connection_request",
          connectionId: conn.id,
          title: `Reconnect ${conn.institution.name}`.slice(0, 200),
          description:
            `The connection to ${conn.institution.name} is disconnected` +
            `${conn.lastError ? ` (${conn.lastError})` : ""}. Reconnect it in Smart Connect so that ` +
            `transactions keep arriving; this task closes itself when the connection works again.`,
          dueDate: addDays(ctx.clock.today(), RECONNECT_DUE_DAYS),
          priority: "high",
          assignee: UUID.test(conn.owner.id) ? { kind: "user", userId: conn.owner.id } : { kind: "client" },
        });
        if (r.created) opened++;
      }
      for (const key of await work.openSystemTaskKeys(ctx, { ...s, prefix: RECONNECT_TASK_KEY }))
        if (!wanted.has(key))
          closed += await work.closeSystemTask(ctx, {
            ...s,
            key,
            reason: "the connection works again (or was removed)",
          });
    }
  }
  return { opened, closed };
}
