// One state change of a connection, shared by setting up, reconnecting, disconnecting and syncing:
// the move is checked against the state machine (connection-model.ts) and written in one transaction
// with its history event, its effects (requests closed, a reconnect task) and its audit event; the
// notices go out only after that transaction commits.
import type { Actor } from "../../platform/actor.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { newId } from "../../platform/ids.ts";
import type { BankingCtx } from "./banking-ctx.ts";
import { effectsOf, nextState, type ConnectionEvent } from "./connection-model.ts";
import * as cstore from "./connection-store.ts";
import type { ConnectionRow } from "./connection-store.ts";
import { bankingLink, requireConnection, sendNotices, type Notice } from "./connection-support.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";

// An owner may be no person (the system actor of the background poll, id "system"): such an owner
// gets an unassigned reconnect task and no notice.
const isUserId = (id: string) => store.isUuid(id);

/** One state change: the event, its effects (requests closed, a reconnect task), the audit; then the notices. */
export async function moveTo(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
  event: ConnectionEvent,
  reason: string | null,
  alsoInTransaction?: (tx: Executor, s: ClientScope, row: ConnectionRow) => Promise<void>,
  details?: Record<string, unknown>,
): Promise<ConnectionRow> {
  const notices: Notice[] = [];
  const after = await inTransaction(bctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "connect");
    const row = await requireConnection(tx, s, id, true);
    const to = nextState(row.state, event);
    await alsoInTransaction?.(tx, s, row);
    const updated = await cstore.updateConnection(tx, s, row.id, {
      state: to,
      last_error: to === "disconnected" ? reason : to === "connected" ? null : row.last_error,
      ...(details ? { details } : {}),
    });
    await cstore.insertEvent(tx, s, {
      connectionId: row.id,
      event,
      from: row.state,
      to,
      actorId: actor.id,
      actorName: actor.displayName,
      reason,
    });
    const now = bctx.clock.now();
    const effects = effectsOf(to, event, { actorId: actor.id, ownerId: updated.owner_id });
    if (effects.closeRequests) await cstore.closeRequests(tx, s, row.id, "done", now);
    if (effects.reconnectTask) {
      await cstore.closeRequests(tx, s, row.id, "cancelled", now);
      await cstore.insertRequest(tx, s, {
        id: newId(),
        connectionId: row.id,
        kind: "reconnect",
        requestedBy: actor.id,
        assigneeId: isUserId(updated.owner_id) ? updated.owner_id : null,
        message: reason,
      });
      const institution = await store.institutionById(tx, s, row.institution_id);
      if (isUserId(updated.owner_id)) {
        notices.push({
          firmId: s.firmId,
          clientId: s.clientId,
          userIds: [updated.owner_id],
          title: `Reconnect ${institution?.name ?? "a bank"}`,
          body: `The connection to ${institution?.name ?? "the bank"} is disconnected${reason ? ` (${reason})` : ""}. Reconnect it so that transactions keep arriving.`,
          link: bankingLink(s.clientSlug),
        });
      }
    }
    await recordAudit(tx, actor, {
      action: `banking.connection.${event}`,
      clientId: s.clientId,
      subjectType: "connection",
      subjectId: row.id,
      before: { state: row.state },
      after: { state: to, reason },
    });
    return updated;
  });
  await sendNotices(bctx, notices);
  // Whoever listens (the app's "reconnect the bank" task) must not undo a change already made.
  await bctx
    .onConnectionChanged?.({
      firmId: after.firm_id,
      clientId: after.client_id,
      connectionId: after.id,
      state: after.state,
    })
    .catch(() => undefined);
  return after;
}
