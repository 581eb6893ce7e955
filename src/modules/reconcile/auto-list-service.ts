// "Reconciled by Closebook": the periods Closebook completed by itself (and those a person has
// since undone), with the accounts excluded from reconciliation; and undo, which is the audited
// unreconcile of that period (its cleared lines are unlocked).
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import { formatMinor, isoScale } from "../../platform/money.ts";
import * as banking from "../banking/index.ts";
import { unreconcile } from "./completion-service.ts";
import * as store from "./reconciliation-store.ts";
import { clientScope } from "./scope.ts";
import { settingsRows } from "./settings-service.ts";
import { reconciliationJson, type ReconciliationJson } from "./view.ts";

export interface AutoReconciledJson {
  reconciliations: Array<{
    id: string;
    bankAccount: { id: string; shortName: string; name: string };
    period: { from: string; to: string };
    status: "completed" | "unreconciled";
    closing: string;
    clearedBalance: string | null;
    completedAt: string;
    undone: { by: string; at: string; reason: string | null } | null;
    /** Undo is offered for the account's latest completed period only (the chain stays whole). */
    canUndo: boolean;
  }>;
  excluded: Array<{ id: string; shortName: string; name: string; reason: string | null }>;
  auto: Array<{ id: string; shortName: string; name: string }>;
}

export async function listAutoReconciled(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  filter: { bankAccount?: string | undefined } = {},
): Promise<AutoReconciledJson> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const accounts = (await banking.bankOverview(ctx, actor, clientRef)).bankAccounts;
  const only = filter.bankAccount
    ? (await banking.getBankAccount(ctx, actor, clientRef, filter.bankAccount)).id
    : undefined;
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const rows = await store.listOf(ctx.db, s, only);
  const latestCompleted = new Map<string, string>();
  for (const r of rows)
    if (r.status === "completed" && !latestCompleted.has(r.bank_account_id))
      latestCompleted.set(r.bank_account_id, r.id);
  const settings = await settingsRows(ctx.db, s);
  const name = (id: string) => {
    const a = byId.get(id)!;
    return { id: a.id, shortName: a.shortName, name: a.name };
  };
  return {
    reconciliations: rows
      .filter((r) => r.completed_by === "system" && r.status !== "in_progress" && byId.has(r.bank_account_id))
      .map((r) => {
        const scale = isoScale(r.currency);
        return {
          id: r.id,
          bankAccount: name(r.bank_account_id),
          period: { from: r.period_from, to: r.period_to },
          status: r.status as "completed" | "unreconciled",
          closing: formatMinor(r.closing, scale),
          clearedBalance: r.cleared_balance === null ? null : formatMinor(r.cleared_balance, scale),
          completedAt: r.completed_at!.toISOString(),
          undone: r.unreconciled_at
            ? {
                by: r.unreconciled_by ?? "",
                at: r.unreconciled_at.toISOString(),
                reason: r.unreconcile_reason,
              }
            : null,
          canUndo: latestCompleted.get(r.bank_account_id) === r.id,
        };
      }),
    excluded: settings
      .filter((x) => x.excluded && byId.has(x.bank_account_id) && (!only || x.bank_account_id === only))
      .map((x) => ({ ...name(x.bank_account_id), reason: x.excluded_reason })),
    auto: settings
      .filter((x) => x.auto && byId.has(x.bank_account_id) && (!only || x.bank_account_id === only))
      .map((x) => name(x.bank_account_id)),
  };
}

/** Undoes a period Closebook completed: the existing unreconcile, audited as the person's. */
export async function undoAutoReconciled(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  input: { reason?: string | undefined },
): Promise<ReconciliationJson> {
  const s = await clientScope(ctx.db, actor, clientRef, "unreconcile");
  const row = UUID.test(id) ? await store.reconciliationById(ctx.db, s, id) : undefined;
  if (!row) throw notFound("reconcile/not-found", `no reconciliation ${id}`);
  if (row.completed_by !== "system")
    throw conflict(
      "reconcile/not-auto",
      `the reconciliation of ${row.period_from} – ${row.period_to} was completed by ${row.completed_by_name ?? "a person"}, not by Closebook: unreconcile it instead`,
    );
  const state = await unreconcile(ctx, actor, clientRef, id, {
    reason: input.reason?.trim() || "Undone from Reconciled by Closebook",
  });
  return reconciliationJson(state);
}
