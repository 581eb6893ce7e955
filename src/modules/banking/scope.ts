// Resolves the client an actor names into the scope every banking query carries, after checking the
// actor's role may do the kind of work asked. Banking reuses the ledger's permissions: whoever may
// read a client's books may read its bank data, whoever may import into them may import statements.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";

export type { Scope, ClientScope } from "../access/index.ts";

export const BANKING_PERMISSIONS = {
  read: "ledger.read",
  /** Bank accounts, institutions, saved CSV mappings. */
  manage: "ledger.chart.edit",
  import: "ledger.import",
  /** Requesting, setting up, reconnecting and syncing connections (Client Self Service included). */
  connect: "ledger.chart.edit",
} as const satisfies Record<string, Permission>;

export type BankingWork = keyof typeof BANKING_PERMISSIONS;

export function clientScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: BankingWork,
): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, BANKING_PERMISSIONS[work]);
}
