// Reading connections: the list of a client's connections and one connection, each with its
// institution, provider, linked bank accounts, open requests and history.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { BankingCtx } from "./banking-ctx.ts";
import { mayRemove, type ConnectionState } from "./connection-model.ts";
import * as cstore from "./connection-store.ts";
import type { ConnectionEventRow, ConnectionRequestRow, ConnectionRow } from "./connection-store.ts";
import { requireConnection } from "./connection-support.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";

export interface ConnectionView {
  id: string;
  institution: { id: string; name: string };
  provider: string | null;
  providerLabel: string | null;
  state: ConnectionState;
  owner: { id: string; name: string };
  createdBy: string;
  lastError: string | null;
  lastSyncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  bankAccountIds: string[];
  openRequests: Array<{
    id: string;
    kind: "connect" | "reconnect";
    assigneeId: string | null;
    message: string | null;
    createdAt: Date;
  }>;
  history: Array<{
    event: string;
    from: string | null;
    to: string | null;
    actorName: string;
    reason: string | null;
    at: Date;
  }>;
  /** The drop folder of a file-drop connection (shown to the firm's people only: it is a server path). */
  folder: string | null;
  canRemove: boolean;
}

export async function listConnections(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
): Promise<ConnectionView[]> {
  const s = await clientScope(bctx.db, actor, clientRef, "read");
  return viewsOf(bctx, bctx.db, s, actor, await cstore.listConnections(bctx.db, s));
}

export async function getConnection(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<ConnectionView> {
  const s = await clientScope(bctx.db, actor, clientRef, "read");
  return (await viewsOf(bctx, bctx.db, s, actor, [await requireConnection(bctx.db, s, id)]))[0]!;
}

async function viewsOf(
  bctx: BankingCtx,
  ex: Executor,
  s: ClientScope,
  actor: Actor,
  rows: readonly ConnectionRow[],
): Promise<ConnectionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [institutions, accounts, events, requests] = await Promise.all([
    store.listInstitutions(ex, s),
    store.listBankAccounts(ex, s, { includeInactive: true }),
    cstore.eventsOf(ex, s, ids),
    cstore.requestsOf(ex, s, ids),
  ]);
  const partner = access.sideOf(actor.role) === "partner";
  return rows.map((r) => {
    const details = (r.details ?? {}) as Record<string, unknown>;
    return {
      id: r.id,
      institution: {
        id: r.institution_id,
        name: institutions.find((i) => i.id === r.institution_id)?.name ?? "",
      },
      provider: r.provider,
      providerLabel: r.provider ? (bctx.providers.get(r.provider)?.label ?? r.provider) : null,
      state: r.state,
      owner: { id: r.owner_id, name: r.owner_name },
      createdBy: r.created_by,
      lastError: r.last_error,
      lastSyncedAt: r.last_synced_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      bankAccountIds: accounts.filter((a) => a.connection_id === r.id).map((a) => a.id),
      openRequests: requests
        .filter((q: ConnectionRequestRow) => q.connection_id === r.id && q.status === "open")
        .map((q) => ({
          id: q.id,
          kind: q.kind,
          assigneeId: q.assignee_id,
          message: q.message,
          createdAt: q.created_at,
        })),
      history: events
        .filter((e: ConnectionEventRow) => e.connection_id === r.id)
        .map((e) => ({
          event: e.event,
          from: e.from_state,
          to: e.to_state,
          actorName: e.actor_name,
          reason: e.reason,
          at: e.occurred_at,
        })),
      folder: partner && typeof details.folder === "string" ? details.folder : null,
      canRemove: mayRemove(actor, r),
    };
  });
}
