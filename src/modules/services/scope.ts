// Who may do what with service procedures: everyone reads the catalogue and a client's scope
// (services.view); the firm edits them (services.manage). A client's month checklist and required
// information follow the Close Tracker's rights: the firm sees (close.view), signs and ticks (close.manage).
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";

export const SERVICES_PERMISSIONS = {
  view: "services.view",
  manage: "services.manage",
  monthView: "close.view",
  monthManage: "close.manage",
} as const satisfies Record<string, Permission>;

export type ServicesWork = keyof typeof SERVICES_PERMISSIONS;

/** The client named, if the actor may do this work on it (403, then 404). */
export function servicesScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: ServicesWork,
): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, SERVICES_PERMISSIONS[work]);
}
