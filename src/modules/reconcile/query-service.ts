// Reading reconciliations: one with its matches and both sides, and per bank account the last
// reconciled period and balance with the difference of the one in progress.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import { formatMinor, isoScale } from "../../platform/money.ts";
import * as banking from "../banking/index.ts";
import * as store from "./reconciliation-store.ts";
import { clientScope } from "./scope.ts";
import { settingsRows } from "./settings-service.ts";
import { stateOf, type ReconciliationState } from "./state.ts";

export async function getReconciliation(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<ReconciliationState> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const row = UUID.test(id) ? await store.reconciliationById(ctx.db, s, id) : undefined;
  if (!row) throw notFound("reconcile/not-found", `no reconciliation ${id}`);
  return stateOf(ctx, actor, clientRef, s, row);
}

export interface AccountReconciliation {
  bankAccount: { id: string; shortName: string; name: string; kind: string; currency: string };
  ledgerAccount: { id: string; name: string; number: string | null };
  lastReconciled: { id: string; to: string; closing: string; completedAt: string } | null;
  inProgress: { id: string; from: string; to: string; difference: string; startedBy: string } | null;
  reconciliations: Array<{ id: string; from: string; to: string; status: string; closing: string }>;
  /** Closebook reconciles each arriving statement of the account by itself. */
  auto: boolean;
  /** Never reconciled by Closebook (investment, FX, merchant clearing accounts). */
  excluded: boolean;
}

/** Every bank account of the client (or one) with where its reconciliations stand. */
export async function listReconciliations(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  filter: { bankAccount?: string | undefined } = {},
): Promise<AccountReconciliation[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const accounts = filter.bankAccount
    ? [await banking.getBankAccount(ctx, actor, clientRef, filter.bankAccount)]
    : (await banking.bankOverview(ctx, actor, clientRef)).bankAccounts;
  const rows = await store.listOf(ctx.db, s);
  const settings = new Map((await settingsRows(ctx.db, s)).map((r) => [r.bank_account_id, r]));
  const out: AccountReconciliation[] = [];
  for (const a of accounts) {
    const mine = rows.filter((r) => r.bank_account_id === a.id);
    const scale = isoScale(a.currency);
    const last = mine.find((r) => r.status === "completed");
    const current = mine.find((r) => r.status === "in_progress");
    const live = current ? (await stateOf(ctx, actor, clientRef, s, current)).balances.difference : null;
    out.push({
      bankAccount: { id: a.id, shortName: a.shortName, name: a.name, kind: a.kind, currency: a.currency },
      ledgerAccount: a.ledgerAccount,
      lastReconciled: last
        ? {
            id: last.id,
            to: last.period_to,
            closing: formatMinor(last.closing, scale),
            completedAt: last.completed_at!.toISOString(),
          }
        : null,
      inProgress:
        current && live !== null
          ? {
              id: current.id,
              from: current.period_from,
              to: current.period_to,
              difference: formatMinor(live, scale),
              startedBy: current.started_by_name,
            }
          : null,
      reconciliations: mine.map((r) => ({
        id: r.id,
        from: r.period_from,
        to: r.period_to,
        status: r.status,
        closing: formatMinor(r.closing, scale),
      })),
      auto: settings.get(a.id)?.auto ?? false,
      excluded: settings.get(a.id)?.excluded ?? false,
    });
  }
  return out;
}
