// Who may do what with the Close Tracker: seeing the board and a month (close.view), planning and
// closing (close.manage), reopening a closed month (close.reopen: Partner Admin only).
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";

export const CLOSE_PERMISSIONS = {
  view: "close.view",
  manage: "close.manage",
  reopen: "close.reopen",
} as const satisfies Record<string, Permission>;

export type CloseWork = keyof typeof CLOSE_PERMISSIONS;

/** The client named, if the actor may do this work on its close (403, then 404). */
export function closeScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: CloseWork,
): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, CLOSE_PERMISSIONS[work]);
}
