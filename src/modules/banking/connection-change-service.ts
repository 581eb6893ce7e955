// Changing a connection that exists: disconnect it, choose the bank accounts it feeds, or remove it
// (owner or Partner Admin). Each change is one transaction with its history and audit events.
import type { Actor } from "../../platform/actor.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { BankingCtx } from "./banking-ctx.ts";
import { requireMayRemove } from "./connection-model.ts";
import * as cstore from "./connection-store.ts";
import { linkAccounts, requireConnection } from "./connection-support.ts";
import { moveTo } from "./connection-transition.ts";
import { getConnection, type ConnectionView } from "./connection-view-service.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";

export async function disconnect(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  reason?: string | null,
): Promise<ConnectionView> {
  await moveTo(bctx, actor, clientRef, id, "disconnect", reason?.trim() || null);
  return getConnection(bctx, actor, clientRef, id);
}

/** Which bank accounts the connection feeds (the rest of the client's accounts are left alone). */
export async function linkBankAccounts(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  bankAccountIds: readonly string[],
): Promise<ConnectionView> {
  await inTransaction(bctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "connect");
    const row = await requireConnection(tx, s, id, true);
    const before = (await store.listBankAccounts(tx, s, { includeInactive: true }))
      .filter((a) => a.connection_id === row.id)
      .map((a) => a.id);
    await linkAccounts(tx, s, row.id, bankAccountIds);
    await recordAudit(tx, actor, {
      action: "banking.connection.accounts_linked",
      clientId: s.clientId,
      subjectType: "connection",
      subjectId: row.id,
      before: { bankAccountIds: before },
      after: { bankAccountIds },
    });
  });
  return getConnection(bctx, actor, clientRef, id);
}

/** Removes a connection (owner or Partner Admin): its accounts stay, fed by nothing; its history stays. */
export async function removeConnection(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<void> {
  const removed = await inTransaction(bctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "connect");
    const row = await requireConnection(tx, s, id, true);
    requireMayRemove(actor, row);
    const now = bctx.clock.now();
    await store.detachConnection(tx, s, row.id);
    await cstore.closeRequests(tx, s, row.id, "cancelled", now);
    const after = await cstore.updateConnection(tx, s, row.id, { removed_at: now, removed_by: actor.id });
    await cstore.insertEvent(tx, s, {
      connectionId: row.id,
      event: "removed",
      from: row.state,
      to: null,
      actorId: actor.id,
      actorName: actor.displayName,
      reason: null,
    });
    await recordAudit(tx, actor, {
      action: "banking.connection.removed",
      clientId: s.clientId,
      subjectType: "connection",
      subjectId: row.id,
      before: row,
      after,
    });
    return after;
  });
  await bctx
    .onConnectionChanged?.({
      firmId: removed.firm_id,
      clientId: removed.client_id,
      connectionId: removed.id,
      state: "removed",
    })
    .catch(() => undefined);
}
