// What the Close Tracker asks of reconciliation, for many clients at once: the last day each bank
// account is reconciled through (the latest end of a completed reconciliation).
import { sql } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";

export async function reconciledThrough(
  ex: Executor,
  actor: Actor,
  clientIds: readonly string[],
): Promise<Array<{ clientId: string; bankAccountId: string; through: string }>> {
  access.requirePermission(actor, "ledger.read");
  const ids = clientIds.filter((id) => actor.clients === "all" || actor.clients.includes(id));
  if (!ids.length) return [];
  const r = await sql<{ client_id: string; bank_account_id: string; through: string }>`
    select client_id, bank_account_id, max(period_to)::text as through
    from reconciliations
    where firm_id = ${actor.firmId}::uuid and client_id = any(${ids}::uuid[]) and status = 'completed'
    group by 1, 2`.execute(ex);
  return r.rows.map((x) => ({ clientId: x.client_id, bankAccountId: x.bank_account_id, through: x.through }));
}
