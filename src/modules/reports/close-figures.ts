// What the Close Tracker asks of the report packages, for many clients at once: per client and
// month, the status of the month's latest package version.
import { sql } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import * as access from "../access/index.ts";

export async function latestPackagesByMonth(
  ex: Executor,
  actor: Actor,
  clientIds: readonly string[],
  months: { from: string; to: string },
): Promise<Array<{ clientId: string; month: string; status: "queued" | "running" | "done" | "failed" }>> {
  access.requirePermission(actor, "ledger.read");
  const ids = clientIds.filter((id) => actor.clients === "all" || actor.clients.includes(id));
  if (!ids.length) return [];
  const r = await sql<{ client_id: string; month: string; status: "queued" | "running" | "done" | "failed" }>`
    select distinct on (client_id, month) client_id, to_char(month, 'YYYY-MM') as month, status
    from report_packages
    where firm_id = ${actor.firmId}::uuid and client_id = any(${ids}::uuid[])
      and month >= ${`${months.from}-01`}::date and month <= ${`${months.to}-01`}::date
    order by client_id, month, version desc`.execute(ex);
  return r.rows.map((x) => ({ clientId: x.client_id, month: x.month, status: x.status }));
}
