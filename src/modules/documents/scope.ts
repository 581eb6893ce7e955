// Which permission each kind of documents work needs. Everyone who works a client may read and file
// its documents (PRODUCT.md gives no role less); which client is theirs is access's check.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";

export type { ClientScope } from "../access/index.ts";

export const DOCUMENT_PERMISSIONS = {
  read: "client.read",
  change: "client.edit",
} as const satisfies Record<string, Permission>;

export function clientScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: keyof typeof DOCUMENT_PERMISSIONS,
): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, DOCUMENT_PERMISSIONS[work]);
}
