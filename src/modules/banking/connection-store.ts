// SQL for connections, their history (append-only events) and the requests (tasks) they create.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import type { ConnectionState } from "./connection-model.ts";
import type { Scope } from "./scope.ts";
import { isUuid, q } from "./store.ts";
import type { ConnectionEventsTable, ConnectionRequestsTable, ConnectionsTable } from "./tables.ts";

export type ConnectionRow = Selectable<ConnectionsTable>;
export type ConnectionEventRow = Selectable<ConnectionEventsTable>;
export type ConnectionRequestRow = Selectable<ConnectionRequestsTable>;

export interface NewConnection {
  id: string;
  institutionId: string;
  provider: string | null;
  state: ConnectionState;
  ownerId: string;
  ownerName: string;
  createdBy: string;
}

export async function insertConnection(ex: Executor, s: Scope, c: NewConnection): Promise<ConnectionRow> {
  return q(ex)
    .insertInto("connections")
    .values({
      id: c.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      institution_id: c.institutionId,
      provider: c.provider,
      state: c.state,
      owner_id: c.ownerId,
      owner_name: c.ownerName,
      created_by: c.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A connection that has not been removed; locked for the transaction when asked. */
export async function connectionById(
  ex: Executor,
  s: Scope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ConnectionRow | undefined> {
  if (!isUuid(id)) return undefined;
  let query = q(ex)
    .selectFrom("connections")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .where("removed_at", "is", null);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listConnections(ex: Executor, s: Scope): Promise<ConnectionRow[]> {
  return q(ex)
    .selectFrom("connections")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("removed_at", "is", null)
    .orderBy("created_at")
    .execute();
}

export type ConnectionPatch = Partial<
  Pick<
    ConnectionRow,
    | "state"
    | "provider"
    | "last_error"
    | "last_synced_at"
    | "removed_at"
    | "removed_by"
    | "owner_id"
    | "owner_name"
  > & {
    details: Record<string, unknown>;
  }
>;

export async function updateConnection(
  ex: Executor,
  s: Scope,
  id: string,
  patch: ConnectionPatch,
): Promise<ConnectionRow> {
  const { details, ...rest } = patch;
  return q(ex)
    .updateTable("connections")
    .set({ ...rest, ...(details ? { details: toJson(details) } : {}), updated_at: new Date() })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertEvent(
  ex: Executor,
  s: Scope,
  e: {
    connectionId: string;
    event: string;
    from: string | null;
    to: string | null;
    actorId: string;
    actorName: string;
    reason: string | null;
  },
): Promise<void> {
  await q(ex)
    .insertInto("connection_events")
    .values({
      firm_id: s.firmId,
      client_id: s.clientId,
      connection_id: e.connectionId,
      event: e.event,
      from_state: e.from,
      to_state: e.to,
      actor_id: e.actorId,
      actor_name: e.actorName,
      reason: e.reason?.slice(0, 4000) ?? null,
    })
    .execute();
}

export async function eventsOf(
  ex: Executor,
  s: Scope,
  connectionIds: readonly string[],
): Promise<ConnectionEventRow[]> {
  if (connectionIds.length === 0) return [];
  return q(ex)
    .selectFrom("connection_events")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("connection_id", "in", [...connectionIds])
    .orderBy("id")
    .execute();
}

export async function insertRequest(
  ex: Executor,
  s: Scope,
  r: {
    id: string;
    connectionId: string;
    kind: "connect" | "reconnect";
    requestedBy: string;
    assigneeId: string | null;
    message: string | null;
  },
): Promise<ConnectionRequestRow> {
  return q(ex)
    .insertInto("connection_requests")
    .values({
      id: r.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      connection_id: r.connectionId,
      kind: r.kind,
      requested_by: r.requestedBy,
      assignee_id: r.assigneeId,
      message: r.message,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Closes the connection's open requests (done when it works, cancelled when it is removed). */
export async function closeRequests(
  ex: Executor,
  s: Scope,
  connectionId: string,
  status: "done" | "cancelled",
  at: Date,
): Promise<number> {
  const rows = await q(ex)
    .updateTable("connection_requests")
    .set({ status, closed_at: at })
    .where("client_id", "=", s.clientId)
    .where("connection_id", "=", connectionId)
    .where("status", "=", "open")
    .returning("id")
    .execute();
  return rows.length;
}

export async function requestsOf(
  ex: Executor,
  s: Scope,
  connectionIds: readonly string[],
): Promise<ConnectionRequestRow[]> {
  if (connectionIds.length === 0) return [];
  return q(ex)
    .selectFrom("connection_requests")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("connection_id", "in", [...connectionIds])
    .orderBy("created_at")
    .execute();
}

/** Connected connections of a provider across every firm (for the background poller, run as the owner). */
export async function connectedOfProvider(ex: Executor, provider: string): Promise<ConnectionRow[]> {
  return q(ex)
    .selectFrom("connections")
    .selectAll()
    .where("provider", "=", provider)
    .where("state", "=", "connected")
    .where("removed_at", "is", null)
    .orderBy("created_at")
    .execute();
}
