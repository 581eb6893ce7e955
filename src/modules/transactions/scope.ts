// Resolves the client an actor names into the scope every Transaction Manager query carries, after
// checking the kind of work. The Transaction Manager reuses the ledger's permissions: whoever reads
// a client's books sees its transactions; whoever posts to them reviews, edits and pushes;
// whoever may shape its chart sets the automation of its bank accounts.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import type { Permission } from "../access/index.ts";

export const TRANSACTION_PERMISSIONS = {
  read: "ledger.read",
  review: "ledger.post",
  automation: "ledger.chart.edit",
} as const satisfies Record<string, Permission>;

export type TransactionWork = keyof typeof TRANSACTION_PERMISSIONS;

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
  work: TransactionWork,
): Promise<ClientScope> {
  access.requirePermission(actor, TRANSACTION_PERMISSIONS[work]);
  const client = await access.requireClient(ex, actor, clientRef);
  return {
    firmId: client.firm_id,
    clientId: client.id,
    clientSlug: client.slug,
    homeCurrency: client.home_currency,
  };
}
