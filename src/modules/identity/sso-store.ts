// SQL for per-firm single sign-on: the identity provider settings, the e-mail domains that route
// to it, and sign-ins in flight.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { q } from "./store.ts";
import type { SsoConfigsTable, SsoLoginsTable } from "./tables.ts";

export type SsoConfig = Selectable<SsoConfigsTable>;
export type SsoLogin = Selectable<SsoLoginsTable>;

export async function ssoConfig(ex: Executor, firmId: string): Promise<SsoConfig | undefined> {
  return q(ex).selectFrom("sso_configs").selectAll().where("firm_id", "=", firmId).executeTakeFirst();
}

export async function ssoDomains(ex: Executor, firmId: string): Promise<string[]> {
  return (
    await q(ex)
      .selectFrom("sso_domains")
      .select("domain")
      .where("firm_id", "=", firmId)
      .orderBy("domain")
      .execute()
  ).map((r) => r.domain);
}

export async function firmForDomain(ex: Executor, domain: string): Promise<string | undefined> {
  return (
    await q(ex).selectFrom("sso_domains").select("firm_id").where("domain", "=", domain).executeTakeFirst()
  )?.firm_id;
}

export async function saveSsoConfig(
  ex: Executor,
  config: SsoConfig,
  domains: readonly string[],
): Promise<void> {
  const { firm_id, ...rest } = config;
  await q(ex)
    .insertInto("sso_configs")
    .values(config)
    .onConflict((oc) => oc.column("firm_id").doUpdateSet(rest))
    .execute();
  await q(ex).deleteFrom("sso_domains").where("firm_id", "=", firm_id).execute();
  if (domains.length)
    await q(ex)
      .insertInto("sso_domains")
      .values(domains.map((domain) => ({ domain, firm_id })))
      .execute();
}

export async function deleteSsoConfig(ex: Executor, firmId: string): Promise<boolean> {
  await q(ex).deleteFrom("sso_domains").where("firm_id", "=", firmId).execute();
  const r = await q(ex).deleteFrom("sso_configs").where("firm_id", "=", firmId).executeTakeFirst();
  return (r.numDeletedRows ?? 0n) > 0n;
}

export async function insertSsoLogin(ex: Executor, login: Omit<SsoLogin, "consumed_at">): Promise<void> {
  await q(ex)
    .insertInto("sso_logins")
    .values({ ...login, consumed_at: null })
    .execute();
}

/** Takes the sign-in in flight for this state: returns it and marks it used, once. */
export async function takeSsoLogin(
  ex: Executor,
  stateHash: string,
  now: Date,
): Promise<SsoLogin | undefined> {
  return q(ex)
    .updateTable("sso_logins")
    .set({ consumed_at: now })
    .where("state_hash", "=", stateHash)
    .where("consumed_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}
