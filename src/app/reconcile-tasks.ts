// Auto-reconcile's reactions, wired here because reconcile may not call work (nor categorize): a
// statement imported into an auto account is reconciled by Closebook (job reconcile.auto); a period
// it cannot complete waits as a task "Reconcile <account> <period>" for the account's assignee
// (else the client's default assignee), keyed "reconcile.period:<bank account>:<from>:<to>"; the
// task closes itself when that period is completed (job reconcile.completed), and the months after
// it of an auto account are then tried in turn.
import type { Ctx } from "../platform/context.ts";
import { systemActor } from "../platform/actor.ts";
import * as categorize from "../modules/categorize/index.ts";
import * as reconcile from "../modules/reconcile/index.ts";
import * as work from "../modules/work/index.ts";

export const RECONCILE_TASK_KEY = "reconcile.period:";

export const reconcileTaskKey = (bankAccountId: string, period: { from: string; to: string }): string =>
  `${RECONCILE_TASK_KEY}${bankAccountId}:${period.from}:${period.to}`;

async function assigneeOf(
  ctx: Ctx,
  target: { firmId: string; clientId: string },
  run: reconcile.AutoRun,
): Promise<work.Assignee> {
  if (run.settings.assigneeId) return { kind: "user", userId: run.settings.assigneeId };
  const actor = systemActor(target.firmId);
  const fallback = (await categorize.getSettings(ctx, actor, target.clientId)).settings.defaultAssigneeId;
  return fallback ? { kind: "user", userId: fallback } : { kind: "none" };
}

/** Opens a task for each period that needs a person; closes the tasks of the periods completed. */
export async function syncReconcileTasks(
  ctx: Ctx,
  target: { firmId: string; clientId: string },
  run: reconcile.AutoRun,
): Promise<{ opened: number; closed: number }> {
  let opened = 0;
  let closed = 0;
  let assignee: work.Assignee | undefined;
  for (const o of run.outcomes) {
    const key = reconcileTaskKey(run.bankAccount.id, o.period);
    if (o.result === "completed")
      closed += await work.closeSystemTask(ctx, { ...target, key, reason: "reconciled by Closebook" });
    if (o.result !== "needs-person") continue;
    assignee ??= await assigneeOf(ctx, target, run);
    const r = await work.createSystemTask(ctx, {
      ...target,
      key,
      type: "custom",
      title: `Reconcile ${run.bankAccount.name} ${o.period.from} – ${o.period.to}`,
      description: `Closebook could not complete this reconciliation by itself: ${o.reason ?? "it needs a person"}. This task closes itself when the period is reconciled.`,
      assignee,
    });
    if (r.created) opened++;
  }
  return { opened, closed };
}

/** A completed period: its task is done, and an auto account's following months are tried. */
export async function afterCompletion(ctx: Ctx, done: reconcile.ReconciliationCompleted): Promise<void> {
  const target = { firmId: done.firmId, clientId: done.clientId };
  await work.closeSystemTask(ctx, {
    ...target,
    key: reconcileTaskKey(done.bankAccountId, done.period),
    reason: "the period is reconciled",
  });
  const run = await reconcile.autoReconcile(
    ctx,
    { ...target, bankAccountId: done.bankAccountId },
    {
      after: done.period.to,
    },
  );
  await syncReconcileTasks(ctx, target, run);
}
