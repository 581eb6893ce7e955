// Who may do what with work. Seeing a client's tasks needs what seeing the client needs; the
// firm's side (Partner Admin, Partner Ops) creates, edits, assigns and plans the work; client-side
// users see only their client's tasks assigned to them or to the client as a whole, and answer
// them (status, checklist, attachments). Deleting follows access's "task.delete" row.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { forbidden } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { ClientScope } from "../access/index.ts";

export const WORK_PERMISSIONS = {
  read: "client.read",
  delete: "task.delete",
} as const satisfies Record<string, access.Permission>;

export const isFirmSide = (actor: Pick<Actor, "role">) => access.sideOf(actor.role) === "partner";

/** Refuses (403) a client-side user what only the firm does. */
export function requireFirmSide(actor: Actor, what: string): void {
  if (!isFirmSide(actor)) throw forbidden("work/firm-only", `only the firm's users may ${what}`);
}

/** The client named, if the actor may see its work (404 otherwise). */
export function workScope(ex: Executor, actor: Actor, clientRef: string): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, WORK_PERMISSIONS.read);
}

/** What limits the tasks an actor sees: its firm, its clients and, client side, whose tasks. */
export interface Viewer {
  firmId: string;
  clients: "all" | readonly string[];
  /** Client side: only tasks assigned to this user or to the client. Null on the firm's side. */
  onlyFor: string | null;
}

export function viewerOf(actor: Actor): Viewer {
  access.requirePermission(actor, WORK_PERMISSIONS.read);
  return { firmId: actor.firmId, clients: actor.clients, onlyFor: isFirmSide(actor) ? null : actor.id };
}

/** Whether a viewer sees a task row (the same rule as the list query's where clause). */
export function sees(
  v: Viewer,
  t: { client_id: string; assignee_kind: string; assignee_user_id: string | null },
): boolean {
  if (v.clients !== "all" && !v.clients.includes(t.client_id)) return false;
  if (v.onlyFor === null) return true;
  return t.assignee_kind === "client" || t.assignee_user_id === v.onlyFor;
}
