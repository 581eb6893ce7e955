// What a person decides during a reconciliation: accept or reject a proposed match, set a ledger
// line aside as not on this statement (outstanding), and create the missing ledger entry of a
// statement line — the bot's coding of that bank line, posted by the Transaction Manager. Each
// change locks the reconciliation's row, checks the version the person saw, and is audited.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, ruleViolation } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import { formatMinor, isoScale } from "../../platform/money.ts";
import * as transactions from "../transactions/index.ts";
import * as store from "./reconciliation-store.ts";
import type { ReconciliationRow, Scope } from "./reconciliation-store.ts";
import { clientScope } from "./scope.ts";
import { stateOf, type ReconciliationState } from "./state.ts";
import { startReconciliation } from "./start-service.ts";

/** The reconciliation, locked, in progress, at the version the caller saw (when it says). */
export async function lockInProgress(
  tx: Executor,
  s: Scope,
  id: string,
  version: number | undefined,
): Promise<ReconciliationRow> {
  const row = UUID.test(id) ? await store.reconciliationById(tx, s, id, { lock: true }) : undefined;
  if (!row) throw notFound("reconcile/not-found", `no reconciliation ${id}`);
  if (row.status !== "in_progress")
    throw conflict(
      "reconcile/not-in-progress",
      `the reconciliation of ${row.period_from} – ${row.period_to} is ${row.status.replace("_", " ")}`,
    );
  if (version !== undefined && version !== row.version)
    throw conflict(
      "reconcile/stale-version",
      `the reconciliation changed since you loaded it (version ${row.version}, not ${version}); reload it`,
      { field: "version" },
    );
  return row;
}

export async function decideMatch(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  reconciliationId: string,
  matchId: string,
  decision: { status: "accepted" | "rejected"; version?: number | undefined },
): Promise<ReconciliationState> {
  const row = await inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "reconcile");
    const rec = await lockInProgress(tx, s, reconciliationId, decision.version);
    const match = (await store.matchesOf(tx, s, rec.id)).find((m) => m.id === matchId);
    if (!match) throw notFound("reconcile/match-not-found", `no match ${matchId} in this reconciliation`);
    await store.decideMatch(tx, s, match.id, decision.status, actor.id);
    await recordAudit(tx, actor, {
      action: `reconcile.match.${decision.status}`,
      clientId: s.clientId,
      subjectType: "reconciliation",
      subjectId: rec.id,
      before: { matchId: match.id, status: match.status },
      after: {
        matchId: match.id,
        status: decision.status,
        class: match.class,
        statement: match.bank_line_ids,
        ledger: match.ledger_line_ids,
      },
    });
    return store.updateReconciliation(tx, s, rec.id, {});
  });
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return stateOf(ctx, actor, clientRef, s, row);
}

/**
 * Accepts every match still proposed (what `closebook reconcile` does: its JSON is the proposal,
 * and whoever runs it with --complete takes it as a whole).
 */
export async function acceptProposed(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  reconciliationId: string,
): Promise<ReconciliationState> {
  const row = await inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "reconcile");
    const rec = await lockInProgress(tx, s, reconciliationId, undefined);
    const proposed = (await store.matchesOf(tx, s, rec.id)).filter((m) => m.status === "proposed");
    if (proposed.length === 0) return rec;
    for (const m of proposed) await store.decideMatch(tx, s, m.id, "accepted", actor.id);
    await recordAudit(tx, actor, {
      action: "reconcile.match.accepted",
      clientId: s.clientId,
      subjectType: "reconciliation",
      subjectId: rec.id,
      after: { matches: proposed.map((m) => m.id), status: "accepted" },
    });
    return store.updateReconciliation(tx, s, rec.id, {});
  });
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return stateOf(ctx, actor, clientRef, s, row);
}

/**
 * Sets a ledger line aside as not on this statement (or takes it back): it stays outstanding, and
 * any match it was in is rejected so that its statement lines are free again.
 */
export async function setOutstanding(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  reconciliationId: string,
  ledgerLineId: string,
  change: { outstanding: boolean; version?: number | undefined },
): Promise<ReconciliationState> {
  const row = await inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "reconcile");
    const rec = await lockInProgress(tx, s, reconciliationId, change.version);
    if (!/^[0-9a-f-]{36}:\d{1,9}$/i.test(ledgerLineId))
      throw notFound(
        "reconcile/ledger-line-not-found",
        `no ledger line ${ledgerLineId} (expected entryId:lineNo)`,
      );
    const set = new Set(rec.outstanding);
    if (change.outstanding) {
      set.add(ledgerLineId);
      for (const m of await store.matchesOf(tx, s, rec.id))
        if (m.status !== "rejected" && m.ledger_line_ids.includes(ledgerLineId))
          await store.decideMatch(tx, s, m.id, "rejected", actor.id);
    } else set.delete(ledgerLineId);
    await recordAudit(tx, actor, {
      action: change.outstanding ? "reconcile.line.outstanding" : "reconcile.line.back",
      clientId: s.clientId,
      subjectType: "reconciliation",
      subjectId: rec.id,
      after: { ledgerLine: ledgerLineId },
    });
    return store.updateReconciliation(tx, s, rec.id, { outstanding: [...set] });
  });
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return stateOf(ctx, actor, clientRef, s, row);
}

/**
 * Creates the missing ledger entry of a statement line: its transaction (the bot's prediction for
 * the bank line) is reviewed, which posts it with that coding; then the reconciliation is refreshed
 * so the new entry is matched to the line.
 */
export async function createEntryFromLine(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  reconciliationId: string,
  bankLineId: string,
): Promise<ReconciliationState> {
  const s = await clientScope(ctx.db, actor, clientRef, "reconcile");
  const rec = UUID.test(reconciliationId)
    ? await store.reconciliationById(ctx.db, s, reconciliationId)
    : undefined;
  if (!rec) throw notFound("reconcile/not-found", `no reconciliation ${reconciliationId}`);
  if (rec.status !== "in_progress")
    throw conflict(
      "reconcile/not-in-progress",
      `the reconciliation of ${rec.period_from} – ${rec.period_to} is ${rec.status.replace("_", " ")}`,
    );
  const found = (await transactions.transactionsOfBankLines(ctx, actor, clientRef, [bankLineId])).get(
    bankLineId,
  );
  if (!found)
    throw ruleViolation(
      "reconcile/no-transaction",
      "this statement line has no transaction yet (the bot has not coded it): wait for the import to be processed",
      { field: "bankLineId" },
    );
  if (found.entryId)
    throw conflict(
      "reconcile/already-posted",
      "this statement line's transaction is already posted: refresh the reconciliation",
    );
  await transactions.reviewTransactions(ctx, actor, clientRef, [found.id]);
  return (
    await startReconciliation(ctx, actor, clientRef, {
      bankAccount: rec.bank_account_id,
      from: rec.period_from,
      to: rec.period_to,
      // The balances it has, whether typed or from the statement.
      opening: formatMinor(rec.opening, isoScale(rec.currency)),
      closing: formatMinor(rec.closing, isoScale(rec.currency)),
      ...(rec.statement_id ? { statementId: rec.statement_id } : {}),
    })
  ).state;
}
