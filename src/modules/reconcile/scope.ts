// Resolves the client an actor names into the scope every reconcile query carries, after checking
// the kind of work. Reconciling is bookkeeping on the client's books (whoever posts to them may);
// undoing a completed reconciliation unlocks cleared lines, so it takes what unlocking a period does.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";

export type { ClientScope } from "../access/index.ts";

export const RECONCILE_PERMISSIONS = {
  read: "ledger.read",
  reconcile: "ledger.post",
  unreconcile: "ledger.period.lock",
  // A write-up batch imports statements into the account (what an import takes) before reconciling.
  writeUp: "ledger.import",
} as const satisfies Record<string, Permission>;

export type ReconcileWork = keyof typeof RECONCILE_PERMISSIONS;

export function clientScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: ReconcileWork,
): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, RECONCILE_PERMISSIONS[work]);
}
