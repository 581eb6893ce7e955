// SQL for firms, clients, memberships and firm branding. Every client and membership query is
// scoped by firm.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import { UUID } from "../../platform/ids.ts";
import type { AccessTables, ClientsTable, FirmAssetsTable, FirmsTable, MembershipsTable } from "./tables.ts";

export type Firm = Selectable<FirmsTable>;
export type Client = Selectable<ClientsTable>;
export type Membership = Selectable<MembershipsTable>;
export type FirmAsset = Selectable<FirmAssetsTable>;

const q = (ex: Executor) => withTables<AccessTables>(ex);

// ── firms ───────────────────────────────────────────────────────────────────────────────────────

export async function insertFirm(
  ex: Executor,
  firm: { id: string; slug: string; name: string },
): Promise<Firm> {
  return q(ex).insertInto("firms").values(firm).returningAll().executeTakeFirstOrThrow();
}

export async function firmBySlug(ex: Executor, slug: string): Promise<Firm | undefined> {
  return q(ex).selectFrom("firms").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function firmById(ex: Executor, id: string): Promise<Firm | undefined> {
  return q(ex).selectFrom("firms").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function oldestFirm(ex: Executor): Promise<Firm | undefined> {
  return q(ex)
    .selectFrom("firms")
    .selectAll()
    .orderBy("created_at")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
}

/** Every firm's id (background work that visits each firm; run as the owner, outside a tenant). */
export async function allFirmIds(ex: Executor): Promise<string[]> {
  const rows = await q(ex).selectFrom("firms").select("id").orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => r.id);
}

export type FirmPatch = Partial<
  Pick<
    Firm,
    | "name"
    | "legal_name"
    | "address"
    | "phone"
    | "website"
    | "support_email"
    | "licences_paid"
    | "brand_color"
  >
>;

export async function updateFirm(ex: Executor, id: string, patch: FirmPatch): Promise<Firm> {
  return q(ex)
    .updateTable("firms")
    .set({ ...patch, updated_at: new Date() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function firmAsset(
  ex: Executor,
  firmId: string,
  kind: FirmAsset["kind"],
): Promise<FirmAsset | undefined> {
  return q(ex)
    .selectFrom("firm_assets")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("kind", "=", kind)
    .executeTakeFirst();
}

/** The content hash of each branding image of a firm (for cache-busting URLs). */
export async function firmAssetVersions(
  ex: Executor,
  firmId: string,
): Promise<Map<FirmAsset["kind"], string>> {
  const rows = await q(ex)
    .selectFrom("firm_assets")
    .select(["kind", "sha256"])
    .where("firm_id", "=", firmId)
    .execute();
  return new Map(rows.map((r) => [r.kind, r.sha256]));
}

export async function putFirmAsset(ex: Executor, asset: Omit<FirmAsset, "updated_at">): Promise<void> {
  await q(ex)
    .insertInto("firm_assets")
    .values(asset)
    .onConflict((oc) =>
      oc.columns(["firm_id", "kind"]).doUpdateSet({
        content_type: asset.content_type,
        bytes: asset.bytes,
        sha256: asset.sha256,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export async function deleteFirmAsset(
  ex: Executor,
  firmId: string,
  kind: FirmAsset["kind"],
): Promise<boolean> {
  const r = await q(ex)
    .deleteFrom("firm_assets")
    .where("firm_id", "=", firmId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return (r.numDeletedRows ?? 0n) > 0n;
}

// ── clients ─────────────────────────────────────────────────────────────────────────────────────

export type NewClient = { id: string; firm_id: string; slug: string; name: string } & Partial<
  Omit<
    Client,
    "id" | "firm_id" | "slug" | "name" | "point_of_contact" | "bank_statement_contact" | "onboarding"
  >
> & {
    point_of_contact?: string | null;
    bank_statement_contact?: string | null;
    onboarding?: string;
  };

export async function insertClient(ex: Executor, client: NewClient): Promise<Client> {
  return q(ex).insertInto("clients").values(client).returningAll().executeTakeFirstOrThrow();
}

/** A client of the firm by id or slug. */
export async function clientByRef(ex: Executor, firmId: string, ref: string): Promise<Client | undefined> {
  let query = q(ex).selectFrom("clients").selectAll().where("firm_id", "=", firmId);
  query = UUID.test(ref) ? query.where("id", "=", ref) : query.where("slug", "=", ref);
  return query.executeTakeFirst();
}

export async function listClients(
  ex: Executor,
  firmId: string,
  ids: "all" | readonly string[],
  status?: Client["status"],
): Promise<Client[]> {
  let query = q(ex).selectFrom("clients").selectAll().where("firm_id", "=", firmId);
  if (ids !== "all") {
    if (ids.length === 0) return [];
    query = query.where("id", "in", [...ids]);
  }
  if (status) query = query.where("status", "=", status);
  return query.orderBy("name").execute();
}

export async function firmClientIds(ex: Executor, firmId: string): Promise<string[]> {
  return (await q(ex).selectFrom("clients").select("id").where("firm_id", "=", firmId).execute()).map(
    (r) => r.id,
  );
}

export type ClientPatch = Partial<
  Omit<Client, "id" | "firm_id" | "created_at" | "point_of_contact" | "bank_statement_contact" | "onboarding">
> & {
  point_of_contact?: string | null;
  bank_statement_contact?: string | null;
  onboarding?: string;
};

export async function updateClient(
  ex: Executor,
  firmId: string,
  id: string,
  patch: ClientPatch,
): Promise<Client> {
  return q(ex)
    .updateTable("clients")
    .set({ ...patch, updated_at: new Date() })
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Terminated clients whose retention period is over, across firms (the purge job runs as the system). */
export async function clientsDueForPurge(ex: Executor, now: Date): Promise<Client[]> {
  return q(ex)
    .selectFrom("clients")
    .selectAll()
    .where("status", "=", "terminated")
    .where("purge_after", "<=", now)
    .orderBy("purge_after")
    .execute();
}

// ── memberships ─────────────────────────────────────────────────────────────────────────────────

export async function insertMembership(
  ex: Executor,
  m: {
    user_id: string;
    firm_id: string;
    role: Membership["role"];
    client_access: Membership["client_access"];
  },
  clientIds: readonly string[],
): Promise<Membership> {
  const row = await q(ex).insertInto("memberships").values(m).returningAll().executeTakeFirstOrThrow();
  await setMembershipClients(ex, m.firm_id, m.user_id, clientIds);
  return row;
}

export async function updateMembership(
  ex: Executor,
  firmId: string,
  userId: string,
  set: { role: Membership["role"]; client_access: Membership["client_access"] },
  clientIds: readonly string[],
): Promise<Membership> {
  const row = await q(ex)
    .updateTable("memberships")
    .set({ ...set, updated_at: new Date() })
    .where("firm_id", "=", firmId)
    .where("user_id", "=", userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await setMembershipClients(ex, firmId, userId, clientIds);
  return row;
}

async function setMembershipClients(
  ex: Executor,
  firmId: string,
  userId: string,
  clientIds: readonly string[],
): Promise<void> {
  await q(ex)
    .deleteFrom("membership_clients")
    .where("firm_id", "=", firmId)
    .where("user_id", "=", userId)
    .execute();
  if (clientIds.length === 0) return;
  await q(ex)
    .insertInto("membership_clients")
    .values(clientIds.map((client_id) => ({ user_id: userId, firm_id: firmId, client_id })))
    .execute();
}

export async function membershipOf(
  ex: Executor,
  firmId: string,
  userId: string,
): Promise<Membership | undefined> {
  return q(ex)
    .selectFrom("memberships")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function membershipsOf(
  ex: Executor,
  firmId: string,
  userIds?: readonly string[],
): Promise<Membership[]> {
  let query = q(ex).selectFrom("memberships").selectAll().where("firm_id", "=", firmId);
  if (userIds) {
    if (userIds.length === 0) return [];
    query = query.where("user_id", "in", [...userIds]);
  }
  return query.execute();
}

/** The listed clients of each user (users with "all" access have none listed). */
export async function membershipClientIds(
  ex: Executor,
  firmId: string,
  userIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await q(ex)
    .selectFrom("membership_clients")
    .select(["user_id", "client_id"])
    .where("firm_id", "=", firmId)
    .where("user_id", "in", [...userIds])
    .execute();
  for (const r of rows) out.get(r.user_id)?.push(r.client_id);
  return out;
}

/** Users whose listed clients include this one. */
export async function usersOfClient(ex: Executor, firmId: string, clientId: string): Promise<string[]> {
  const rows = await q(ex)
    .selectFrom("membership_clients")
    .select("user_id")
    .where("firm_id", "=", firmId)
    .where("client_id", "=", clientId)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function countRole(
  ex: Executor,
  firmId: string,
  role: Membership["role"],
  userIds: readonly string[],
): Promise<number> {
  if (userIds.length === 0) return 0;
  const row = await q(ex)
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<bigint>().as("n"))
    .where("firm_id", "=", firmId)
    .where("role", "=", role)
    .where("user_id", "in", [...userIds])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
