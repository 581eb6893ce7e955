// Resolves the client an actor names into the scope every Transaction Manager query carries, after
// checking the kind of work. The Transaction Manager reuses the ledger's permissions: whoever reads
// a client's books sees its transactions; whoever posts to them reviews, edits and pushes;
// whoever may shape its chart sets the automation of its bank accounts.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";

export type { Scope, ClientScope } from "../access/index.ts";

export const TRANSACTION_PERMISSIONS = {
  read: "ledger.read",
  review: "ledger.post",
  automation: "ledger.chart.edit",
} as const satisfies Record<string, Permission>;

export type TransactionWork = keyof typeof TRANSACTION_PERMISSIONS;

export function clientScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: TransactionWork,
): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, TRANSACTION_PERMISSIONS[work]);
}
