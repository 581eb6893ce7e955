// Which permission each kind of receipts work needs: whoever works a client reads its receipts and
// files new ones (as with its documents); choosing a receipt's transaction or dismissing it is
// review of the client's books (the Transaction Manager's permission).
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";

export const RECEIPT_PERMISSIONS = {
  read: "client.read",
  upload: "client.edit",
  match: "ledger.post",
} as const satisfies Record<string, Permission>;

export function clientScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: keyof typeof RECEIPT_PERMISSIONS,
): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, RECEIPT_PERMISSIONS[work]);
}
