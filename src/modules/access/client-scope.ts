// The scope every client-level query carries — firm and client — resolved from the client an actor
// names, once the actor's role is known to allow the work. Modules keep their own table of which
// permission each kind of their work needs and resolve through this one function.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { requirePermission, type Permission } from "./model.ts";
import { requireClient } from "./service.ts";

export interface Scope {
  firmId: string;
  clientId: string;
}

export interface ClientScope extends Scope {
  clientSlug: string;
  homeCurrency: string;
}

/** Refuses (403) a role without the permission, then (404) a client the actor may not see. */
export async function clientScopeFor(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  permission: Permission,
): Promise<ClientScope> {
  requirePermission(actor, permission);
  const client = await requireClient(ex, actor, clientRef);
  return {
    firmId: client.firm_id,
    clientId: client.id,
    clientSlug: client.slug,
    homeCurrency: client.home_currency,
  };
}
