// What the Close Tracker asks of Work, for many clients at once: per client and month, the tasks
// still open in the projects of that monthly period (the month's close project).
import { sql } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { WORK_PERMISSIONS, isFirmSide } from "./scope.ts";
import * as access from "../access/index.ts";

/** Rows of (client, "YYYY-MM", count); only the firm's side sees every task of a project. */
export async function openProjectTasksByMonth(
  ex: Executor,
  actor: Actor,
  clientIds: readonly string[],
  months: readonly string[],
): Promise<Array<{ clientId: string; month: string; count: number }>> {
  access.requirePermission(actor, WORK_PERMISSIONS.read);
  if (!isFirmSide(actor)) return [];
  const ids = clientIds.filter((id) => actor.clients === "all" || actor.clients.includes(id));
  if (!ids.length || !months.length) return [];
  const r = await sql<{ client_id: string; month: string; n: number }>`
    select t.client_id, p.period as month, count(*)::int as n
    from tasks t join projects p on p.id = t.project_id and p.client_id = t.client_id
    where t.firm_id = ${actor.firmId}::uuid and t.client_id = any(${ids}::uuid[])
      and p.period = any(${[...months]}::text[])
      and t.status in ('to_do', 'in_progress') and t.deleted_at is null
    group by 1, 2`.execute(ex);
  return r.rows.map((x) => ({ clientId: x.client_id, month: x.month, count: Number(x.n) }));
}
