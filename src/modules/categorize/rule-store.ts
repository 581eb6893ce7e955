// SQL for a client's rules. Conditions and actions are stored as the engine's data (rules.ts).
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import type { Condition, Rule, RuleActions } from "./engine/rules.ts";
import type { Scope } from "./scope.ts";
import { q } from "./settings-store.ts";
import type { CategorizeRulesTable } from "./tables.ts";

export type RuleRow = Selectable<CategorizeRulesTable>;

/** A stored rule: the engine's rule plus where it came from and who last changed it. */
export interface StoredRule extends Rule {
  clientId: string;
  name: string;
  enabled: boolean;
  version: number;
  createdAt: string;
  origin: "manual" | "correction";
  sourceTransactionId: string | null;
  createdBy: { id: string; name: string };
  updatedBy: { id: string; name: string };
  updatedAt: string;
}

export function ruleOfRow(row: RuleRow): StoredRule {
  return {
    id: row.id,
    name: row.name,
    scope: "client",
    clientId: row.client_id,
    match: row.match,
    conditions: row.conditions as Condition[],
    actions: row.actions as RuleActions,
    enabled: row.enabled,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    origin: row.origin,
    sourceTransactionId: row.source_transaction_id,
    createdBy: { id: row.created_by, name: row.created_by_name },
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listRules(ex: Executor, s: Scope): Promise<StoredRule[]> {
  const rows = await q(ex)
    .selectFrom("categorize_rules")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(ruleOfRow);
}

export async function ruleById(
  ex: Executor,
  s: Scope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StoredRule | undefined> {
  let query = q(ex)
    .selectFrom("categorize_rules")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? ruleOfRow(row) : undefined;
}

export interface NewRule {
  id: string;
  name: string;
  match: "all" | "any";
  conditions: Condition[];
  actions: RuleActions;
  enabled: boolean;
  origin: "manual" | "correction";
  sourceTransactionId: string | null;
}

export async function insertRule(
  ex: Executor,
  s: Scope,
  r: NewRule,
  who: { id: string; name: string },
): Promise<StoredRule> {
  const row = await q(ex)
    .insertInto("categorize_rules")
    .values({
      id: r.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      name: r.name,
      match: r.match,
      conditions: toJson(r.conditions),
      actions: toJson(r.actions),
      enabled: r.enabled,
      origin: r.origin,
      source_transaction_id: r.sourceTransactionId,
      created_by: who.id,
      created_by_name: who.name,
      updated_by: who.id,
      updated_by_name: who.name,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return ruleOfRow(row);
}

export async function updateRule(
  ex: Executor,
  s: Scope,
  id: string,
  r: Pick<NewRule, "name" | "match" | "conditions" | "actions" | "enabled">,
  version: number,
  who: { id: string; name: string },
): Promise<StoredRule> {
  const row = await q(ex)
    .updateTable("categorize_rules")
    .set({
      name: r.name,
      match: r.match,
      conditions: toJson(r.conditions),
      actions: toJson(r.actions),
      enabled: r.enabled,
      version,
      updated_by: who.id,
      updated_by_name: who.name,
      updated_at: new Date(),
    })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return ruleOfRow(row);
}

export async function deleteRule(ex: Executor, s: Scope, id: string): Promise<void> {
  await q(ex)
    .deleteFrom("categorize_rules")
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .execute();
}
