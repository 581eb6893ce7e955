// Resolves the client an actor names into the scope every banking query carries, after checking the
// actor's role may do the kind of work asked. Banking reuses the ledger's permissions: whoever may
// read a client's books may read its bank data, whoever may import into them may import statements.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { Permission } from "../access/index.ts";

export const BANKING_PERMISSIONS = {
  read: "ledger.read",
  /** Bank accounts, institutions, saved CSV mappings. */
  manage: "ledger.chart.edit",
  import: "ledger.import",
  /** Requesting, setting up, reconnecting and syncing connections (Client Self Service included). */
  connect: "ledger.chart.edit",
} as const satisfies Record<string, Permission>;

export type BankingWork = keyof typeof BANKING_PERMISSIONS;

export interface Scope {
  firmId: string;
  clientId: string;
}

export interface ClientScope extends Scope {
  clientSlug: string;
  homeCurrency: string;
}

export async function clientScope(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  work: BankingWork,
): Promise<ClientScope> {
  access.requirePermission(actor, BANKING_PERMISSIONS[work]);
  const client = await access.requireClient(ex, actor, clientRef);
  return {
    firmId: client.firm_id,
    clientId: client.id,
    clientSlug: client.slug,
    homeCurrency: client.home_currency,
  };
}
