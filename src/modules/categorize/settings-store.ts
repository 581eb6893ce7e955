// SQL for each client's AI settings and the taxonomy category of its accounts.
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import { withTables } from "../../platform/tables.ts";
import type { AiSettings } from "./settings-model.ts";
import type { Scope } from "./scope.ts";
import type { AiSettingsTable, CategorizeTables } from "./tables.ts";

export const q = (ex: Executor) => withTables<CategorizeTables>(ex);

export type AiSettingsRow = Selectable<AiSettingsTable>;

export async function settingsRow(ex: Executor, s: Scope): Promise<AiSettingsRow | undefined> {
  return q(ex).selectFrom("ai_settings").selectAll().where("client_id", "=", s.clientId).executeTakeFirst();
}

export function settingsOfRow(row: AiSettingsRow): AiSettings {
  return {
    trainingWindow: { from: row.training_from, to: row.training_to },
    excludedAccountIds: (row.excluded_account_ids as string[] | null) ?? [],
    materiality: row.materiality,
    bands: { high: row.high_confidence, medium: row.medium_confidence },
    lowConfidence: row.low_confidence,
    defaultExpenseAccountId: row.default_expense_account_id,
    defaultIncomeAccountId: row.default_income_account_id,
    defaultPayeeContactId: row.default_payee_contact_id,
    defaultAssigneeId: row.default_assignee_id,
    updated: (row.updated as AiSettings["updated"] | null) ?? {},
  };
}

export async function saveSettings(
  ex: Executor,
  s: Scope,
  settings: AiSettings,
  who: { id: string; name: string },
): Promise<void> {
  const values = {
    training_from: settings.trainingWindow.from,
    training_to: settings.trainingWindow.to,
    excluded_account_ids: toJson(settings.excludedAccountIds),
    materiality: settings.materiality,
    high_confidence: settings.bands.high,
    medium_confidence: settings.bands.medium,
    low_confidence: settings.lowConfidence,
    default_expense_account_id: settings.defaultExpenseAccountId,
    default_income_account_id: settings.defaultIncomeAccountId,
    default_payee_contact_id: settings.defaultPayeeContactId,
    default_assignee_id: settings.defaultAssigneeId,
    updated: toJson(settings.updated),
    updated_by: who.id,
    updated_by_name: who.name,
  };
  await q(ex)
    .insertInto("ai_settings")
    .values({ client_id: s.clientId, firm_id: s.firmId, ...values })
    .onConflict((oc) => oc.column("client_id").doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

export async function explicitCategories(ex: Executor, s: Scope): Promise<Map<string, string | null>> {
  const rows = await q(ex)
    .selectFrom("account_categories")
    .select(["account_id", "category"])
    .where("client_id", "=", s.clientId)
    .execute();
  return new Map(rows.map((r) => [r.account_id, r.category]));
}

/** Explicit categories of every client of a firm (the firm-wide model learns across clients). */
export async function explicitCategoriesOfFirm(
  ex: Executor,
  firmId: string,
): Promise<Map<string, Map<string, string | null>>> {
  const rows = await q(ex)
    .selectFrom("account_categories")
    .select(["client_id", "account_id", "category"])
    .where("firm_id", "=", firmId)
    .execute();
  const out = new Map<string, Map<string, string | null>>();
  for (const r of rows) {
    let m = out.get(r.client_id);
    if (!m) out.set(r.client_id, (m = new Map()));
    m.set(r.account_id, r.category);
  }
  return out;
}

export async function setCategory(
  ex: Executor,
  s: Scope,
  accountId: string,
  category: string | null,
  who: { id: string; name: string },
): Promise<void> {
  await q(ex)
    .insertInto("account_categories")
    .values({
      firm_id: s.firmId,
      client_id: s.clientId,
      account_id: accountId,
      category,
      updated_by: who.id,
      updated_by_name: who.name,
    })
    .onConflict((oc) =>
      oc
        .columns(["client_id", "account_id"])
        .doUpdateSet({ category, updated_by: who.id, updated_by_name: who.name, updated_at: new Date() }),
    )
    .execute();
}

export async function clearCategory(ex: Executor, s: Scope, accountId: string): Promise<void> {
  await q(ex)
    .deleteFrom("account_categories")
    .where("client_id", "=", s.clientId)
    .where("account_id", "=", accountId)
    .execute();
}
