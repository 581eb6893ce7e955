// Resolves the client an actor names into the scope every ledger query carries.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { Permission } from "../access/index.ts";
import type { Scope } from "./store.ts";

export interface ClientScope extends Scope {
  clientSlug: string;
  homeCurrency: string;
}

export async function clientScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  permission: Permission,
): Promise<ClientScope> {
  access.requirePermission(actor, permission);
  const client = await access.requireClient(ex, actor, clientRef);
  return {
    firmId: client.firm_id,
    clientId: client.id,
    clientSlug: client.slug,
    homeCurrency: client.home_currency,
  };
}
