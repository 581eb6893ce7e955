// SQL for the firm overview: the Transaction Manager's figures of many clients at once, one grouped
// query per figure (never a query per client), each served by the transactions_tab index.
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";

export interface ClientsOf {
  firmId: string;
  clientIds: readonly string[];
}

/** Per client: lines waiting in Needs Review (held ones included, as the tab shows them) and the oldest date. */
export async function waitingByClient(
  ex: Executor,
  c: ClientsOf,
): Promise<Array<{ client_id: string; n: bigint; oldest: string }>> {
  if (c.clientIds.length === 0) return [];
  const r = await sql<{ client_id: string; n: bigint; oldest: string }>`
    select client_id, count(*)::int8 as n, min(date)::text as oldest
    from transactions
    where firm_id = ${c.firmId}::uuid and client_id = any(${[...c.clientIds]}::uuid[])
      and status in ('needs_review', 'held')
    group by client_id`.execute(ex);
  return r.rows;
}

/**
 * Per client: lines dated in [from, to] that automation posted to Processed with no person's hand
 * (never reviewed, never edited) — what AutoPush did by itself; the Processed tab filtered to
 * untouched lines of those dates shows the same.
 */
export async function autoPostedByClient(
  ex: Executor,
  c: ClientsOf,
  range: { from: string; to: string },
): Promise<Array<{ client_id: string; n: bigint }>> {
  if (c.clientIds.length === 0) return [];
  const r = await sql<{ client_id: string; n: bigint }>`
    select client_id, count(*)::int8 as n
    from transactions
    where firm_id = ${c.firmId}::uuid and client_id = any(${[...c.clientIds]}::uuid[])
      and status = 'processed' and date between ${range.from}::date and ${range.to}::date
      and reviewed_at is null and edited_at is null
    group by client_id`.execute(ex);
  return r.rows;
}
