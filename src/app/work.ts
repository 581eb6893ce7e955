// The background work of a Closebook process: which module answers which job. Registered when the
// server is composed; the runner (in-process on PGlite, pg-boss on PostgreSQL) starts with it.
import type { Ctx } from "../platform/context.ts";
import type { Pacing } from "../platform/pacing.ts";
import { runUnscoped } from "../platform/tenant-scope.ts";
import { BANK_LINES_IMPORTED, type BankLinesImported } from "../modules/banking/index.ts";
import * as categorize from "../modules/categorize/index.ts";
import { LEDGER_HISTORY_IMPORTED, type LedgerHistoryImported } from "../modules/ledger/index.ts";
import * as notifications from "../modules/notifications/index.ts";
import * as transactions from "../modules/transactions/index.ts";
import * as reports from "../modules/reports/index.ts";
import { packageSources } from "./report-package.ts";
import { statementImported } from "./required-info.ts";
import * as close from "../modules/close/index.ts";
import { closeCtx } from "./close-blockers.ts";
import { syncReviewTasks } from "./review-tasks.ts";
import * as reconcile from "../modules/reconcile/index.ts";
import { afterCompletion, syncReconcileTasks } from "./reconcile-tasks.ts";
import { payrollEntryMatcher } from "./payroll-match.ts";

export interface WorkOptions {
  /** Tells people what the work left for them (the server's; absent in scripts and some tests). */
  notify?: notifications.NotifyCtx | undefined;
  /** Where what the work did is logged, a line at a time (default: stderr). */
  log?: ((line: string) => void) | undefined;
  /** How an import's job paces its batches (tests hold it between two). */
  importPacing?: Pacing | undefined;
}

export async function registerWork(ctx: Ctx, options: WorkOptions = {}): Promise<void> {
  // Jobs act as the system actor of their firm, outside any request's tenant scope or transaction.
  await ctx.jobs.work(BANK_LINES_IMPORTED, (data, signal) =>
    runUnscoped(async () => {
      const job = data as BankLinesImported;
      // In batches; when the runner stops, between two of them (the rest is done after the restart).
      const result = await transactions.processImport(
        ctx,
        job,
        { ...options.importPacing, signal },
        payrollEntryMatcher,
      );
      // The statement's months: the account's required statement items are in (a failure leaves them to tick).
      await statementImported(ctx, job).catch(() => undefined);
      const notice = transactions.reviewWaitingNotice(job.firmId, result);
      // The transactions are in; a notification that cannot be written must not make the job retry.
      if (notice && options.notify) await notifications.notify(options.notify, notice).catch(() => undefined);
      // Lines now wait in Needs Review: this week's "review transactions" task (a failure waits for the hourly upkeep).
      if (result.needsReview + result.held > 0)
        await syncReviewTasks(ctx, { firmId: job.firmId, clientIds: [job.clientId] }).catch(() => undefined);
      // The statement's period, when its account reconciles itself (the job checks the setting).
      const auto: reconcile.AutoReconcileJob = {
        firmId: job.firmId,
        clientId: job.clientId,
        bankAccountId: job.bankAccountId,
        importId: job.importId,
      };
      await ctx.jobs.send(reconcile.AUTO_RECONCILE_JOB, auto);
    }),
  );
  // Auto-reconcile: the statements of an import, then tasks for what needs a person (app/reconcile-tasks.ts).
  await ctx.jobs.work(reconcile.AUTO_RECONCILE_JOB, (data) =>
    runUnscoped(async () => {
      const job = data as reconcile.AutoReconcileJob;
      const statementIds = await reconcile.statementsOfImport(ctx, job);
      if (statementIds.length === 0) return;
      const run = await reconcile.autoReconcile(ctx, job, { statementIds });
      await syncReconcileTasks(ctx, job, run);
    }),
  );
  await ctx.jobs.work(reconcile.RECONCILIATION_COMPLETED, (data) =>
    runUnscoped(() => afterCompletion(ctx, data as reconcile.ReconciliationCompleted)),
  );
  // A write-up batch: its progress and outcome are recorded on its row, never thrown.
  await ctx.jobs.work(reconcile.WRITE_UP_JOB, (data) =>
    runUnscoped(async () => {
      const job = data as reconcile.WriteUpJob;
      await reconcile.runWriteUp(ctx, job, {
        reconciled: (run) => syncReconcileTasks(ctx, job, run).then(() => undefined),
      });
    }),
  );
  // A history import teaches the bot: one retraining per client (coalesced), told when it ends.
  const report = async (outcome: categorize.HistoryOutcome) => {
    (options.log ?? ((line: string) => process.stderr.write(`${line}\n`)))(outcome.log);
    if (outcome.notice && options.notify)
      await notifications.notify(options.notify, outcome.notice).catch(() => undefined);
  };
  await ctx.jobs.work(LEDGER_HISTORY_IMPORTED, (data) =>
    runUnscoped(async () =>
      report(await categorize.queueHistoryTraining(ctx, data as LedgerHistoryImported)),
    ),
  );
  await ctx.jobs.work(categorize.TRAIN_HISTORY_JOB, (data) =>
    runUnscoped(async () =>
      report(
        await categorize.runHistoryTraining(
          ctx,
          data as { firmId: string; clientId: string; userId: string | null },
          transactions.trainingHistory,
        ),
      ),
    ),
  );
  // A monthly report package: its progress and outcome are recorded on its row, never thrown.
  // Once made, a package a closed month waits for goes to the client's contacts (a failure is
  // recorded on the month, where the closer sends it again; it never fails the job).
  await ctx.jobs.work(reports.PACKAGE_JOB, (data) =>
    runUnscoped(async () => {
      const job = data as reports.PackageJob;
      await reports.runPackageJob(ctx, job, packageSources);
      await close.deliverClosePackage(closeCtx(ctx, options.notify), job).catch(() => undefined);
    }),
  );
  for (const name of [categorize.TRAIN_CLIENT_JOB, categorize.TRAIN_FIRM_JOB]) {
    await ctx.jobs.work(name, (data) =>
      runUnscoped(() =>
        categorize.runTrainingJob(ctx, name, data as categorize.TrainingJob, transactions.trainingHistory),
      ),
    );
  }
}

/**
 * Queues again the import jobs that were lost: imports with bank lines that have no transaction
 * and no job waiting for them. Run at server start-up, after the server listens and before the
 * job runner starts; the job skips lines that already have a transaction, so a job queued twice
 * does no harm.
 */
export async function requeueLostImports(ctx: Ctx): Promise<number> {
  // Imports whose job waits are left out of the scan: a 200,000-line import queued before a
  // restart is in hand, and its lines need not be looked at.
  const waiting = await waitingImportIds(ctx);
  const orphaned = await runUnscoped(() => transactions.orphanedImports(ctx.db, [...waiting]));
  if (orphaned.length === 0) return 0;
  let queued = 0;
  for (const o of orphaned) {
    if (waiting.has(o.importId)) continue;
    const job: BankLinesImported = {
      firmId: o.firmId,
      clientId: o.clientId,
      bankAccountId: o.bankAccountId,
      importId: o.importId,
      newLines: o.lines,
    };
    await ctx.jobs.send(BANK_LINES_IMPORTED, job);
    queued++;
  }
  return queued;
}

/** Imports whose job is still to be done (waiting, due for a retry, or running). */
async function waitingImportIds(ctx: Ctx): Promise<Set<string>> {
  const jobs = (await ctx.jobs.pending(BANK_LINES_IMPORTED)) as Array<Partial<BankLinesImported>>;
  return new Set(jobs.flatMap((j) => (j?.importId ? [j.importId] : [])));
}
