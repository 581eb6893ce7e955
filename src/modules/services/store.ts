// SQL of the services module: the firm's catalogue, clients' scopes, and per client and month the
// checklist sign-offs and required information arrivals. Every query names its firm (and client).
import type { Insertable, Selectable, Updateable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type {
  ClientServicesTable,
  CloseChecklistSignoffsTable,
  RequiredInfoItemsTable,
  ServiceCatalogueTable,
  ServicesTables,
} from "./tables.ts";

const q = (ex: Executor) => withTables<ServicesTables>(ex);

export interface Scope {
  firmId: string;
  clientId: string;
}

export type ServiceRow = Selectable<ServiceCatalogueTable>;
export type ClientServiceRow = Selectable<ClientServicesTable>;
export type SignoffRow = Selectable<CloseChecklistSignoffsTable>;
export type InfoRow = Selectable<RequiredInfoItemsTable>;

// ── catalogue ───────────────────────────────────────────────────────────────────────────────────

export async function catalogue(ex: Executor, firmId: string): Promise<ServiceRow[]> {
  return q(ex)
    .selectFrom("service_catalogue")
    .selectAll()
    .where("firm_id", "=", firmId)
    .orderBy("tier", "desc")
    .orderBy("name")
    .execute();
}

export async function serviceByCode(
  ex: Executor,
  firmId: string,
  code: string,
  options: { lock?: boolean } = {},
): Promise<ServiceRow | undefined> {
  let query = q(ex)
    .selectFrom("service_catalogue")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("code", "=", code);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Inserts the services a firm does not have yet (by code); a second seeding adds nothing. */
export async function insertServices(
  ex: Executor,
  rows: ReadonlyArray<Insertable<ServiceCatalogueTable>>,
): Promise<void> {
  if (!rows.length) return;
  await q(ex)
    .insertInto("service_catalogue")
    .values([...rows])
    .onConflict((oc) => oc.columns(["firm_id", "code"]).doNothing())
    .execute();
}

export async function updateService(
  ex: Executor,
  firmId: string,
  id: string,
  patch: Updateable<ServiceCatalogueTable>,
): Promise<ServiceRow> {
  return q(ex)
    .updateTable("service_catalogue")
    .set(patch)
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── client scope ────────────────────────────────────────────────────────────────────────────────

export async function scopeOf(ex: Executor, s: Scope): Promise<ClientServiceRow[]> {
  return q(ex)
    .selectFrom("client_services")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .execute();
}

/** The clients that have a service on (not switched off), with the month it starts. */
export async function clientsWithService(
  ex: Executor,
  firmId: string,
  serviceId: string,
): Promise<ClientServiceRow[]> {
  return q(ex)
    .selectFrom("client_services")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("service_id", "=", serviceId)
    .where("until_month", "is", null)
    .execute();
}

/** The scope rows of these clients (the board's set query). */
export async function scopeOfClients(
  ex: Executor,
  firmId: string,
  clientIds: readonly string[],
): Promise<ClientServiceRow[]> {
  if (!clientIds.length) return [];
  return q(ex)
    .selectFrom("client_services")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("client_id", "in", clientIds)
    .execute();
}

export async function upsertScope(ex: Executor, row: Insertable<ClientServicesTable>): Promise<void> {
  await q(ex)
    .insertInto("client_services")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["client_id", "service_id"]).doUpdateSet({
        from_month: row.from_month,
        until_month: row.until_month ?? null,
        changed_by: row.changed_by,
        changed_at: row.changed_at,
      }),
    )
    .execute();
}

export async function deleteScope(ex: Executor, s: Scope, serviceId: string): Promise<void> {
  await q(ex)
    .deleteFrom("client_services")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("service_id", "=", serviceId)
    .execute();
}

// ── checklist sign-offs ─────────────────────────────────────────────────────────────────────────

export async function signoffsOf(ex: Executor, s: Scope, month: string): Promise<SignoffRow[]> {
  return q(ex)
    .selectFrom("close_checklist_signoffs")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("month", "=", month)
    .execute();
}

export async function signoffOf(
  ex: Executor,
  s: Scope,
  month: string,
  key: string,
): Promise<SignoffRow | undefined> {
  return q(ex)
    .selectFrom("close_checklist_signoffs")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("month", "=", month)
    .where("item_key", "=", key)
    .forUpdate()
    .executeTakeFirst();
}

export async function putSignoff(
  ex: Executor,
  row: Insertable<CloseChecklistSignoffsTable>,
): Promise<SignoffRow> {
  return q(ex)
    .insertInto("close_checklist_signoffs")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["client_id", "month", "item_key"]).doUpdateSet({
        text: row.text,
        prepared_by: row.prepared_by ?? null,
        prepared_by_name: row.prepared_by_name ?? null,
        prepared_at: row.prepared_at ?? null,
        reviewed_by: row.reviewed_by ?? null,
        reviewed_by_name: row.reviewed_by_name ?? null,
        reviewed_at: row.reviewed_at ?? null,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── required information ────────────────────────────────────────────────────────────────────────

export async function infoOf(ex: Executor, s: Scope, month: string): Promise<InfoRow[]> {
  return q(ex)
    .selectFrom("required_info_items")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("month", "=", month)
    .execute();
}

/** The checklist items these clients' months have reviewed (the board's set query). */
export async function reviewedOfClients(
  ex: Executor,
  firmId: string,
  clientIds: readonly string[],
  months: readonly string[],
): Promise<Array<{ client_id: string; month: string; item_key: string }>> {
  if (!clientIds.length || !months.length) return [];
  return q(ex)
    .selectFrom("close_checklist_signoffs")
    .select(["client_id", "month", "item_key"])
    .where("firm_id", "=", firmId)
    .where("client_id", "in", clientIds)
    .where("month", "in", months)
    .where("reviewed_at", "is not", null)
    .execute();
}

/** Required items of these clients and months (the board's set query). */
export async function infoOfClients(
  ex: Executor,
  firmId: string,
  clientIds: readonly string[],
  months: readonly string[],
): Promise<InfoRow[]> {
  if (!clientIds.length || !months.length) return [];
  return q(ex)
    .selectFrom("required_info_items")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("client_id", "in", clientIds)
    .where("month", "in", months)
    .execute();
}

export async function infoByTask(ex: Executor, s: Scope, taskId: string): Promise<InfoRow | undefined> {
  return q(ex)
    .selectFrom("required_info_items")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("request_task_id", "=", taskId)
    .executeTakeFirst();
}

export async function putInfo(ex: Executor, row: Insertable<RequiredInfoItemsTable>): Promise<InfoRow> {
  return q(ex)
    .insertInto("required_info_items")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["client_id", "month", "item_key"]).doUpdateSet({
        name: row.name,
        request_task_id: row.request_task_id ?? null,
        received_on: row.received_on ?? null,
        received_via: row.received_via ?? null,
        document_id: row.document_id ?? null,
        import_id: row.import_id ?? null,
        received_by: row.received_by ?? null,
        received_by_name: row.received_by_name ?? null,
        received_at: row.received_at ?? null,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
