// Who may do what with a client's vault: the permission each kind of work needs, and for
// client-side users the client's own setting (off unless the firm switches it on).
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { forbidden } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { ClientScope, Permission } from "../access/index.ts";
import * as store from "./store.ts";

export const VAULT_PERMISSIONS = {
  read: "vault.read",
  reveal: "vault.reveal",
  edit: "vault.edit",
  request: "vault.request",
  settings: "vault.settings",
} as const satisfies Record<string, Permission>;

export type VaultWork = keyof typeof VAULT_PERMISSIONS;

export const isFirmSide = (actor: Pick<Actor, "role">) => access.sideOf(actor.role) === "partner";

/** The client's scope for the work; a client-side user also needs the firm to allow the vault. */
export async function vaultScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: VaultWork,
): Promise<ClientScope> {
  const s = await access.clientScopeFor(ex, actor, clientRef, VAULT_PERMISSIONS[work]);
  if (!isFirmSide(actor) && !(await store.vaultClient(ex, s))?.client_access)
    throw forbidden(
      "vault/client-access-off",
      "your firm keeps this client's logins; ask them if you need one (you can still answer their credential requests)",
    );
  return s;
}

/** The client's scope for answering a credential request: any user who sees the client. */
export function answerScope(ex: Executor, actor: Actor, clientRef: string): Promise<ClientScope> {
  return access.clientScopeFor(ex, actor, clientRef, "client.read");
}
