// Resolves the client an actor names into the scope every categorization query carries, after
// checking the kind of work. Like banking, categorization reuses the ledger's permissions: whoever
// reads a client's books sees its rules and settings; whoever codes its books writes rules; whoever
// may shape its chart changes its AI settings. Training the firm-wide model is partner work.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { forbidden } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";

export type { Scope, ClientScope } from "../access/index.ts";

export const CATEGORIZE_PERMISSIONS = {
  read: "ledger.read",
  rules: "ledger.post",
  settings: "ledger.chart.edit",
} as const satisfies Record<string, Permission>;

export type CategorizeWork = keyof typeof CATEGORIZE_PERMISSIONS;

export function clientScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: CategorizeWork,
): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, CATEGORIZE_PERMISSIONS[work]);
}

/** The firm-wide model learns from every client: only the firm's own people may retrain it. */
export function requireFirmTraining(actor: Actor): void {
  access.requirePermission(actor, CATEGORIZE_PERMISSIONS.settings);
  if (actor.type !== "system" && access.sideOf(actor.role) !== "partner") {
    throw forbidden("categorize/firm-training", "only the firm's people may retrain the firm-wide model");
  }
}
