// What the Close Tracker asks of banking, for many clients at once: the active bank and card
// accounts (each must be reconciled through a month's end before it closes).
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import * as access from "../access/index.ts";
import { BANKING_PERMISSIONS } from "./scope.ts";
import type { BankAccountKind } from "./model.ts";
import type { BankingTables } from "./tables.ts";

export async function activeBankAccounts(
  ex: Executor,
  actor: Actor,
  clientIds: readonly string[],
): Promise<
  Array<{
    clientId: string;
    id: string;
    name: string;
    shortName: string;
    kind: BankAccountKind;
    createdOn: string;
  }>
> {
  access.requirePermission(actor, BANKING_PERMISSIONS.read);
  const ids = clientIds.filter((id) => actor.clients === "all" || actor.clients.includes(id));
  if (!ids.length) return [];
  const rows = await withTables<BankingTables>(ex)
    .selectFrom("bank_accounts")
    .select(["client_id", "id", "name", "short_name", "kind", "created_at"])
    .where("firm_id", "=", actor.firmId)
    .where("client_id", "in", ids)
    .where("is_active", "=", true)
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    createdOn: r.created_at.toISOString().slice(0, 10),
  }));
}
