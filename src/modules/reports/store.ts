// SQL for the reports module's own tables: each client's report settings.
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type { ReportsTables } from "./tables.ts";

export const q = (ex: Executor) => withTables<ReportsTables>(ex);

export interface Scope {
  firmId: string;
  clientId: string;
}

export async function settingsOf(
  ex: Executor,
  s: Scope,
): Promise<{ fiscal_year_start: number; updated_by: string; updated_at: Date } | undefined> {
  return q(ex)
    .selectFrom("report_settings")
    .select(["fiscal_year_start", "updated_by", "updated_at"])
    .where("client_id", "=", s.clientId)
    .executeTakeFirst();
}

export async function saveSettings(
  ex: Executor,
  s: Scope,
  values: { fiscal_year_start: number; updated_by: string },
): Promise<void> {
  await q(ex)
    .insertInto("report_settings")
    .values({ client_id: s.clientId, firm_id: s.firmId, ...values })
    .onConflict((oc) => oc.column("client_id").doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}
