// What the Close Tracker asks of the Transaction Manager, for many clients at once: per client and
// month, the bank lines dated in it that still wait in Needs Review (held ones included).
import { sql } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";
import { TRANSACTION_PERMISSIONS } from "./scope.ts";

/** Rows of (client, "YYYY-MM", count) for months from `from` to `to` ("YYYY-MM"), the actor's clients only. */
export async function needsReviewByMonth(
  ex: Executor,
  actor: Actor,
  clientIds: readonly string[],
  months: { from: string; to: string },
): Promise<Array<{ clientId: string; month: string; count: number }>> {
  access.requirePermission(actor, TRANSACTION_PERMISSIONS.read);
  const ids = clientIds.filter((id) => actor.clients === "all" || actor.clients.includes(id));
  if (!ids.length) return [];
  const r = await sql<{ client_id: string; month: string; n: number }>`
    select client_id, to_char(date, 'YYYY-MM') as month, count(*)::int as n
    from transactions
    where firm_id = ${actor.firmId}::uuid and client_id = any(${ids}::uuid[])
      and status in ('needs_review', 'held')
      and date >= ${`${months.from}-01`}::date and date < (${`${months.to}-01`}::date + interval '1 month')
    group by 1, 2`.execute(ex);
  return r.rows.map((x) => ({ clientId: x.client_id, month: x.month, count: Number(x.n) }));
}
