// Purges terminated clients whose retention period is over: every row of every table that carries
// the client's id (found in the catalog, so tables of later modules are included without a list to
// keep up to date), children before parents, then the client itself — in one transaction, leaving
// one firm-level audit event that says what was purged.
import { sql } from "kysely";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { duePurge } from "./client-model.ts";
import * as store from "./store.ts";

export const PURGE_JOB = "access.purge-terminated-clients";

/** Tables with a client_id column, ordered so that a table comes before every table it references. */
export async function clientTablesInDeleteOrder(
  ex: Executor,
): Promise<Array<{ table: string; type: string }>> {
  const columns = (
    await sql<{ table_name: string; udt_name: string }>`
      select c.table_name, c.udt_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema() and c.column_name = 'client_id' and c.table_name <> 'clients'`.execute(
      ex,
    )
  ).rows;
  const typeOf = new Map(columns.map((r) => [r.table_name, r.udt_name]));
  const tables = [...typeOf.keys()];
  const refs = (
    await sql<{ child: string; parent: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(
      ex,
    )
  ).rows;
  const set = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const r of refs)
    if (set.has(r.child) && set.has(r.parent) && r.child !== r.parent) parents.get(r.child)!.add(r.parent);
  // Depth-first: emit a table only after every table that references it.
  const referencedBy = new Map<string, string[]>(tables.map((t) => [t, []]));
  for (const [child, ps] of parents) for (const p of ps) referencedBy.get(p)!.push(child);
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const child of referencedBy.get(t)!.sort()) visit(child);
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t);
  // visit() appends a table after every table that references it: children come first.
  return order.map((table) => ({ table, type: typeOf.get(table)! }));
}

/** Purges one client now (the caller checked it is due). Returns rows deleted per table. */
export async function purgeClient(
  ex: Executor,
  firmId: string,
  clientId: string,
): Promise<Record<string, number>> {
  return inTransaction(ex, async (tx) => {
    const client = await store.clientByRef(tx, firmId, clientId);
    if (!client) return {};
    // The append-only triggers of the ledger and the audit trail let this one client's rows go.
    await sql`select set_config('closebook.purging_client', ${clientId}, true)`.execute(tx);
    const counts: Record<string, number> = {};
    for (const { table, type } of await clientTablesInDeleteOrder(tx)) {
      // Compare in the column's own type (uuid, or text in some tables) so its index is used.
      const r =
        await sql`delete from ${sql.table(table)} where client_id = cast(${clientId} as ${sql.raw(type === "uuid" ? "uuid" : "text")})`.execute(
          tx,
        );
      const n = Number(r.numAffectedRows ?? 0n);
      if (n > 0) counts[table] = n;
    }
    await sql`delete from clients where firm_id = ${firmId}::uuid and id = ${clientId}::uuid`.execute(tx);
    await sql`select set_config('closebook.purging_client', '', true)`.execute(tx);
    await recordAudit(tx, systemActor(firmId), {
      action: "client.purged",
      subjectType: "client",
      subjectId: clientId,
      before: {
        slug: client.slug,
        name: client.name,
        terminatedAt: client.terminated_at,
        purgeAfter: client.purge_after,
      },
      after: { rows: counts },
    });
    return counts;
  });
}

/**
 * What a purge removes outside the database, told by the app (documents' bytes in the blob store):
 * called before the client's rows go, it returns what to run once they are gone, so nothing outside
 * is deleted while a row can still reach it.
 */
export type PurgeCompanion = (firmId: string, clientId: string) => Promise<() => Promise<void>>;

/** Purges every client whose retention period is over; returns their ids. */
export async function purgeDueClients(ctx: Ctx, companion?: PurgeCompanion): Promise<string[]> {
  const now = ctx.clock.now();
  const due = (await store.clientsDueForPurge(ctx.db, now)).filter((c) =>
    duePurge({ status: c.status, purgeAfter: c.purge_after }, now),
  );
  for (const c of due) {
    const afterwards = await companion?.(c.firm_id, c.id);
    await purgeClient(ctx.db, c.firm_id, c.id);
    await afterwards?.();
  }
  return due.map((c) => c.id);
}
