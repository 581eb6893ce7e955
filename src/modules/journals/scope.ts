// Which permission each kind of JE Automation work needs (access's table: journals.view,
// journals.manage, journals.approve). Posting and reversing go through the ledger, which checks
// ledger.post as well.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";

export const JOURNAL_PERMISSIONS = {
  view: "journals.view",
  manage: "journals.manage",
  approve: "journals.approve",
} as const satisfies Record<string, Permission>;

export function journalsScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: keyof typeof JOURNAL_PERMISSIONS,
): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, JOURNAL_PERMISSIONS[work]);
}
