// Completing a reconciliation (only at a zero difference: the cleared ledger lines are then locked,
// so the books stay as reconciled) and its explicit, audited undoing, which unlocks them.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, ruleViolation } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import { formatMinor, isoScale } from "../../platform/money.ts";
import * as ledger from "../ledger/index.ts";
import * as store from "./reconciliation-store.ts";
import { clientScope } from "./scope.ts";
import { assemble, sidesOf, stateOf, type ReconciliationState } from "./state.ts";
import { lockInProgress } from "./decision-service.ts";
import { refuseLockedMonths } from "./start-service.ts";

/** The job a completion queues (data: ReconciliationCompleted); app/ closes the period's task. */
export const RECONCILIATION_COMPLETED = "reconcile.completed";
export interface ReconciliationCompleted {
  firmId: string;
  clientId: string;
  bankAccountId: string;
  reconciliationId: string;
  period: { from: string; to: string };
}

export async function completeReconciliation(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  reconciliationId: string,
  options: { version?: number | undefined } = {},
): Promise<ReconciliationState> {
  const s = await clientScope(ctx.db, actor, clientRef, "reconcile");
  const found = UUID.test(reconciliationId)
    ? await store.reconciliationById(ctx.db, s, reconciliationId)
    : undefined;
  if (!found) throw notFound("reconcile/not-found", `no reconciliation ${reconciliationId}`);
  await refuseLockedMonths(ctx, actor, clientRef, { from: found.period_from, to: found.period_to });
  // The lines are read before the transaction (through the modules that own them); the row lock and
  // the version keep a decision made meanwhile from slipping through.
  const [sides, scales] = await Promise.all([
    sidesOf(ctx, actor, clientRef, s, found),
    ledger.currencyScalesFor(ctx, actor, clientRef),
  ]);
  const scale = scales.get(found.currency) ?? isoScale(found.currency);
  const row = await inTransaction(ctx.db, async (tx) => {
    const ts = await clientScope(tx, actor, clientRef, "reconcile");
    const rec = await lockInProgress(tx, ts, reconciliationId, options.version);
    if (rec.version !== found.version)
      throw conflict(
        "reconcile/stale-version",
        "the reconciliation changed while it was being completed; try again",
      );
    const state = assemble(rec, sides, await store.matchesOf(tx, ts, rec.id), scale);
    const { difference, clearedBalance } = state.balances;
    if (difference !== 0n)
      throw ruleViolation(
        "reconcile/difference-not-zero",
        `the difference is ${formatMinor(difference, scale)} (closing ${formatMinor(rec.closing, scale)} − cleared balance ${formatMinor(clearedBalance, scale)}): a reconciliation completes only at zero`,
        { extra: { difference: formatMinor(difference, scale) } },
      );
    await store.insertCleared(
      tx,
      ts,
      rec.id,
      state.cleared.map((l) => ({ entryId: l.entryId, lineNo: l.lineNo, date: l.date, amount: l.amount })),
    );
    const done = await store.updateReconciliation(tx, ts, rec.id, {
      status: "completed",
      completed_by: actor.id,
      completed_by_name: actor.displayName,
      completed_at: ctx.clock.now(),
      cleared_balance: clearedBalance,
    });
    await recordAudit(tx, actor, {
      action: "reconcile.reconciliation.completed",
      clientId: ts.clientId,
      subjectType: "reconciliation",
      subjectId: rec.id,
      after: {
        period: { from: rec.period_from, to: rec.period_to },
        closing: rec.closing,
        clearedBalance,
        clearedLines: state.cleared.length,
        outstanding: state.unmatched.ledger.length,
      },
    });
    // Whatever waits on the period (the "reconcile" task, the next months of an auto account) hears it.
    const completed: ReconciliationCompleted = {
      firmId: ts.firmId,
      clientId: ts.clientId,
      bankAccountId: rec.bank_account_id,
      reconciliationId: rec.id,
      period: { from: rec.period_from, to: rec.period_to },
    };
    await ctx.jobs.send(RECONCILIATION_COMPLETED, completed, tx);
    return done;
  });
  return stateOf(ctx, actor, clientRef, s, row);
}

/**
 * Undoes a completed reconciliation: its cleared lines are unlocked (their entries may be changed
 * again) and it is kept, marked unreconciled, with who, when and why. Only the account's latest
 * completed reconciliation can be undone, so that the reconciled months stay a chain without gaps.
 */
export async function unreconcile(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  reconciliationId: string,
  input: { reason: string },
): Promise<ReconciliationState> {
  const row = await inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "unreconcile");
    const rec = UUID.test(reconciliationId)
      ? await store.reconciliationById(tx, s, reconciliationId, { lock: true })
      : undefined;
    if (!rec) throw notFound("reconcile/not-found", `no reconciliation ${reconciliationId}`);
    if (rec.status !== "completed")
      throw conflict(
        "reconcile/not-completed",
        `the reconciliation of ${rec.period_from} – ${rec.period_to} is not completed`,
      );
    const later = (await store.listOf(tx, s, rec.bank_account_id)).find(
      (r) => r.status === "completed" && r.period_from > rec.period_to,
    );
    if (later)
      throw conflict(
        "reconcile/later-reconciled",
        `${later.period_from} – ${later.period_to} is reconciled after it: unreconcile that one first`,
      );
    const cleared = await store.deleteCleared(tx, s, rec.id);
    const after = await store.updateReconciliation(tx, s, rec.id, {
      status: "unreconciled",
      unreconciled_by: actor.id,
      unreconciled_at: ctx.clock.now(),
      unreconcile_reason: input.reason,
    });
    await recordAudit(tx, actor, {
      action: "reconcile.reconciliation.unreconciled",
      clientId: s.clientId,
      subjectType: "reconciliation",
      subjectId: rec.id,
      before: {
        status: "completed",
        completedBy: rec.completed_by,
        completedAt: rec.completed_at,
        clearedLines: cleared,
      },
      after: { status: "unreconciled", reason: input.reason },
    });
    return after;
  });
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return stateOf(ctx, actor, clientRef, s, row);
}
