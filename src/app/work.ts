// The background work of a Closebook process: which module answers which job. Registered when the
// server is composed; the runner (in-process on PGlite, pg-boss on PostgreSQL) starts with it.
import type { Ctx } from "../platform/context.ts";
import { runUnscoped } from "../platform/tenant-scope.ts";
import { BANK_LINES_IMPORTED, type BankLinesImported } from "../modules/banking/index.ts";
import * as categorize from "../modules/categorize/index.ts";
import * as transactions from "../modules/transactions/index.ts";

export async function registerWork(ctx: Ctx): Promise<void> {
  // Jobs act as the system actor of their firm, outside any request's tenant scope or transaction.
  await ctx.jobs.work(BANK_LINES_IMPORTED, (data) =>
    runUnscoped(async () => {
      await transactions.processImport(ctx, data as BankLinesImported);
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
