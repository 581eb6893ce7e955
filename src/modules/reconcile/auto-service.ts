// Closebook reconciling by itself: for the statements that arrived in a bank account (an import,
// or a write-up batch), in order, it starts the reconciliation of each period (confident matches
// are accepted as they are proposed), completes it when the difference is zero and nothing waits
// for a decision, and otherwise leaves it open, saying why. It acts as the system actor, so every
// step is audited as "Closebook". Tasks for what it leaves are opened by the caller (app/), since
// this module does not call work.
import { systemActor, type Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { formatMinor } from "../../platform/money.ts";
import * as banking from "../banking/index.ts";
import { inOrder, overlaps, verdict, type AutoOutcome } from "./auto-model.ts";
import { completeReconciliation } from "./completion-service.ts";
import * as store from "./reconciliation-store.ts";
import { clientScope } from "./scope.ts";
import { settingsRows, settingsView, type ReconcileSettingsView } from "./settings-service.ts";
import { startReconciliation } from "./start-service.ts";

export interface AutoTarget {
  firmId: string;
  clientId: string;
  bankAccountId: string;
}

export interface AutoRun {
  bankAccount: { id: string; shortName: string; name: string };
  settings: ReconcileSettingsView;
  outcomes: AutoOutcome[];
}

/** The job an import into an auto-reconciled account queues (data: AutoReconcileJob). */
export const AUTO_RECONCILE_JOB = "reconcile.auto";
export interface AutoReconcileJob extends AutoTarget {
  importId: string;
}

/** The statements of one import (its file), for the job above; [] when the import is gone. */
export async function statementsOfImport(ctx: Ctx, job: AutoReconcileJob): Promise<string[]> {
  const actor = systemActor(job.firmId);
  const imports = await banking.listImports(ctx, actor, job.clientId, {
    bankAccountRef: job.bankAccountId,
    limit: 500,
  });
  const run = imports.find((i) => i.id === job.importId);
  if (!run) return [];
  return (await banking.listStatements(ctx, actor, job.clientId, job.bankAccountId))
    .filter((st) => st.statement_file_id === run.statement_file_id)
    .map((st) => st.id);
}

/**
 * Reconciles the given statements of an account (or those starting after `after`), oldest first. Without `writeUp`, only an account with auto on is touched; an excluded
 * account never is. A period a person is reconciling, or has undone, is left alone.
 */
export async function autoReconcile(
  ctx: Ctx,
  target: AutoTarget,
  options: {
    statementIds?: readonly string[] | undefined;
    /** Without ids: only the statements starting after this day (the months after a completed one). */
    after?: string | undefined;
    writeUp?: boolean;
    /** Told after each period (a write-up batch shows its progress with it). */
    onOutcome?: (done: readonly AutoOutcome[], total: number) => Promise<void>;
  } = {},
): Promise<AutoRun> {
  const actor = systemActor(target.firmId);
  const s = await clientScope(ctx.db, actor, target.clientId, "reconcile");
  const account = await banking.getBankAccount(ctx, actor, target.clientId, target.bankAccountId);
  const [row] = await settingsRows(ctx.db, s, account.id);
  const settings = settingsView(account.id, row);
  const run: AutoRun = {
    bankAccount: { id: account.id, shortName: account.shortName, name: account.name },
    settings,
    outcomes: [],
  };
  const all = await banking.listStatements(ctx, actor, target.clientId, account.id);
  const wanted = options.statementIds ? new Set(options.statementIds) : null;
  const statements = inOrder(
    all
      .filter((st) => wanted === null || wanted.has(st.id))
      .map((st) => ({
        id: st.id,
        from: st.start_date ?? st.first_line_date,
        to: st.end_date ?? st.last_line_date,
      })),
  ).filter((st) => wanted !== null || options.after === undefined || st.from > options.after);
  if (settings.excluded) {
    run.outcomes = statements.map((st) =>
      outcome(st, "skipped", null, `${account.name} is excluded from reconciliation`),
    );
    await options.onOutcome?.(run.outcomes, statements.length);
    return run;
  }
  if (!settings.auto && !options.writeUp) return run;
  for (const st of statements) {
    run.outcomes.push(await reconcileOne(ctx, actor, target, account.id, st));
    await options.onOutcome?.(run.outcomes, statements.length);
  }
  // Statements already reconciled before this run say nothing new.
  if (!wanted) run.outcomes = run.outcomes.filter((o) => o.result !== "skipped");
  return run;
}

async function reconcileOne(
  ctx: Ctx,
  actor: Actor,
  target: AutoTarget,
  bankAccountId: string,
  st: { id: string; from: string; to: string },
): Promise<AutoOutcome> {
  const s = { firmId: target.firmId, clientId: target.clientId };
  const existing = await store.listOf(ctx.db, s, bankAccountId);
  const done = existing.find(
    (r) => r.status === "completed" && overlaps(st, { from: r.period_from, to: r.period_to }),
  );
  if (done)
    return outcome(st, "skipped", done.id, `already reconciled (${done.period_from} – ${done.period_to})`);
  const undone = existing.find(
    (r) => r.status === "unreconciled" && r.period_from === st.from && r.period_to === st.to,
  );
  if (undone)
    return outcome(
      st,
      "skipped",
      undone.id,
      "a person undid this period's reconciliation; Closebook leaves it to them",
    );
  const open = existing.find((r) => r.status === "in_progress");
  if (open && open.started_by !== actor.id)
    return outcome(
      st,
      "skipped",
      open.id,
      `${open.started_by_name} is reconciling ${open.period_from} – ${open.period_to}`,
    );
  if (open && (open.period_from !== st.from || open.period_to !== st.to))
    return outcome(
      st,
      "waiting",
      null,
      `waits for ${open.period_from} – ${open.period_to}, which needs a person first (one period at a time)`,
    );
  let started;
  try {
    started = await startReconciliation(ctx, actor, target.clientId, {
      bankAccount: bankAccountId,
      statementId: st.id,
    });
  } catch (error) {
    if (error instanceof AppError) return outcome(st, "needs-person", null, error.detail);
    throw error;
  }
  const state = started.state;
  const possible = state.matches.filter((m) => m.status === "proposed").length;
  const differenceText = formatMinor(state.balances.difference, state.scale);
  const v = verdict({
    difference: state.balances.difference,
    differenceText,
    possible,
    unmatchedStatement: state.unmatched.statement.length,
  });
  if (!v.complete)
    return { ...outcome(st, "needs-person", state.row.id, v.reason), difference: differenceText, possible };
  try {
    await completeReconciliation(ctx, actor, target.clientId, state.row.id, { version: state.row.version });
  } catch (error) {
    if (error instanceof AppError)
      return {
        ...outcome(st, "needs-person", state.row.id, error.detail),
        difference: differenceText,
        possible,
      };
    throw error;
  }
  return { ...outcome(st, "completed", state.row.id, null), difference: differenceText, possible: 0 };
}

function outcome(
  st: { id: string; from: string; to: string },
  result: AutoOutcome["result"],
  reconciliationId: string | null,
  reason: string | null,
): AutoOutcome {
  return {
    statementId: st.id,
    period: { from: st.from, to: st.to },
    result,
    reconciliationId,
    reason,
    difference: null,
    possible: 0,
  };
}
