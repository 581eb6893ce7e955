// Auto-reconcile per bank account: opt-in (Closebook reconciles each arriving statement by itself),
// or excluded (investment, FX, merchant clearing accounts: never reconciled by Closebook, shown as
// excluded), and who gets the task when a period needs a person. No row means neither.
import type { Selectable } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { ruleViolation, validationError } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import * as banking from "../banking/index.ts";
import { q, type Scope } from "./reconciliation-store.ts";
import { clientScope } from "./scope.ts";
import type { ReconcileSettingsTable } from "./tables.ts";

export type SettingsRow = Selectable<ReconcileSettingsTable>;

export interface ReconcileSettingsView {
  bankAccountId: string;
  auto: boolean;
  excluded: boolean;
  excludedReason: string | null;
  assigneeId: string | null;
  lastUpdated: { by: string; name: string; at: string } | null;
}

export interface SettingsChange {
  auto?: boolean | undefined;
  excluded?: boolean | undefined;
  excludedReason?: string | null | undefined;
  assigneeId?: string | null | undefined;
}

export function settingsView(bankAccountId: string, row: SettingsRow | undefined): ReconcileSettingsView {
  return {
    bankAccountId,
    auto: row?.auto ?? false,
    excluded: row?.excluded ?? false,
    excludedReason: row?.excluded_reason ?? null,
    assigneeId: row?.assignee_id ?? null,
    lastUpdated: row
      ? { by: row.updated_by, name: row.updated_by_name, at: row.updated_at.toISOString() }
      : null,
  };
}

export async function settingsRows(ex: Executor, s: Scope, bankAccountId?: string): Promise<SettingsRow[]> {
  let query = q(ex).selectFrom("reconcile_settings").selectAll().where("client_id", "=", s.clientId);
  if (bankAccountId) query = query.where("bank_account_id", "=", bankAccountId);
  return query.execute();
}

export async function getReconcileSettings(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountRef: string,
): Promise<ReconcileSettingsView> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const account = await banking.getBankAccount(ctx, actor, clientRef, bankAccountRef);
  const [row] = await settingsRows(ctx.db, s, account.id);
  return settingsView(account.id, row);
}

/** Changes what is given; turning auto on for an excluded account (or both at once) is refused. */
export async function updateReconcileSettings(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountRef: string,
  change: SettingsChange,
): Promise<ReconcileSettingsView> {
  const account = await banking.getBankAccount(ctx, actor, clientRef, bankAccountRef);
  if (Object.values(change).every((v) => v === undefined)) {
    // Nothing to change: the settings as they are (whoever may change them may ask).
    await clientScope(ctx.db, actor, clientRef, "reconcile");
    return getReconcileSettings(ctx, actor, clientRef, account.id);
  }
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "reconcile");
    const [before] = await settingsRows(tx, s, account.id);
    const now = settingsView(account.id, before);
    const next = {
      auto: change.auto ?? now.auto,
      excluded: change.excluded ?? now.excluded,
      excluded_reason: change.excludedReason !== undefined ? change.excludedReason : now.excludedReason,
      assignee_id: change.assigneeId !== undefined ? change.assigneeId : now.assigneeId,
    };
    // Excluding an account turns auto off unless the same request asks for both.
    if (change.excluded === true && change.auto === undefined) next.auto = false;
    if (next.auto && next.excluded)
      throw ruleViolation(
        "reconcile/excluded-account",
        `${account.name} is excluded from reconciliation: include it again (excluded: false) to reconcile it automatically`,
        { field: "auto" },
      );
    if (!next.excluded) next.excluded_reason = null;
    if (next.assignee_id !== null && change.assigneeId !== undefined) {
      const m = /^[0-9a-f-]{36}$/i.test(next.assignee_id)
        ? await access.membershipView(tx, s.firmId, next.assignee_id)
        : undefined;
      const sees = m !== undefined && (m.mode !== "list" || m.clientIds.includes(s.clientId));
      if (!sees || access.sideOf(m.role) !== "partner")
        throw validationError(
          "reconcile/unknown-assignee",
          "the assignee must be a person of the firm who works on this client",
          { field: "assigneeId" },
        );
    }
    const row = await q(tx)
      .insertInto("reconcile_settings")
      .values({
        firm_id: s.firmId,
        client_id: s.clientId,
        bank_account_id: account.id,
        ...next,
        updated_by: actor.id,
        updated_by_name: actor.displayName,
      })
      .onConflict((oc) =>
        oc.columns(["client_id", "bank_account_id"]).doUpdateSet({
          ...next,
          updated_by: actor.id,
          updated_by_name: actor.displayName,
          updated_at: new Date(),
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: "reconcile.settings.updated",
      clientId: s.clientId,
      subjectType: "bank_account",
      subjectId: account.id,
      before: {
        auto: now.auto,
        excluded: now.excluded,
        excludedReason: now.excludedReason,
        assigneeId: now.assigneeId,
      },
      after: {
        auto: row.auto,
        excluded: row.excluded,
        excludedReason: row.excluded_reason,
        assigneeId: row.assignee_id,
      },
    });
    return settingsView(account.id, row);
  });
}
