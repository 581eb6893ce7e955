// SQL for firms and clients. Every client query is scoped by firm.
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type { AccessTables, ClientsTable, FirmsTable } from "./tables.ts";
import type { Selectable } from "kysely";
import { UUID } from "../../platform/ids.ts";

export type Firm = Selectable<FirmsTable>;
export type Client = Selectable<ClientsTable>;

const q = (ex: Executor) => withTables<AccessTables>(ex);

export async function insertFirm(ex: Executor, firm: { id: string; slug: string; name: string }): Promise<Firm> {
  return q(ex).insertInto("firms").values(firm).returningAll().executeTakeFirstOrThrow();
}

export async function firmBySlug(ex: Executor, slug: string): Promise<Firm | undefined> {
  return q(ex).selectFrom("firms").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function firmById(ex: Executor, id: string): Promise<Firm | undefined> {
  return q(ex).selectFrom("firms").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function oldestFirm(ex: Executor): Promise<Firm | undefined> {
  return q(ex).selectFrom("firms").selectAll().orderBy("created_at").orderBy("id").limit(1).executeTakeFirst();
}

export async function insertClient(ex: Executor, client: { id: string; firm_id: string; slug: string; name: string }): Promise<Client> {
  return q(ex).insertInto("clients").values(client).returningAll().executeTakeFirstOrThrow();
}

/** A client of the firm by id or slug. */
export async function clientByRef(ex: Executor, firmId: string, ref: string): Promise<Client | undefined> {
  let query = q(ex).selectFrom("clients").selectAll().where("firm_id", "=", firmId);
  query = UUID.test(ref) ? query.where("id", "=", ref) : query.where("slug", "=", ref);
  return query.executeTakeFirst();
}

export async function listClients(ex: Executor, firmId: string, ids: "all" | readonly string[]): Promise<Client[]> {
  let query = q(ex).selectFrom("clients").selectAll().where("firm_id", "=", firmId);
  if (ids !== "all") {
    if (ids.length === 0) return [];
    query = query.where("id", "in", [...ids]);
  }
  return query.orderBy("name").execute();
}
