// The write-up job: a batch's files imported one by one into the bank account (idempotent: a file
// already imported adds nothing), their new lines categorized and posted per the account's
// automation (the Transaction Manager's processImport, as the import's own job would), then each
// statement month reconciled in order by Closebook. Progress is written on the batch row after
// every file and every month; the outcome, success or failure, is recorded there, never thrown.
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { toJson } from "../../platform/json.ts";
import * as banking from "../banking/index.ts";
import * as transactions from "../transactions/index.ts";
import { recordAudit } from "../../platform/audit.ts";
import { autoReconcile, type AutoRun } from "./auto-service.ts";
import type { WriteUpJob } from "./write-up-service.ts";
import * as batches from "./write-up-store.ts";
import type { WriteUpFileResult } from "./write-up-view.ts";

export interface WriteUpHooks {
  /** Told what Closebook did with the months (app/ opens and closes the tasks). */
  reconciled?: (run: AutoRun) => Promise<void>;
}

export async function runWriteUp(ctx: Ctx, job: WriteUpJob, hooks: WriteUpHooks = {}): Promise<void> {
  const s = { firmId: job.firmId, clientId: job.clientId };
  const batch = await batches.batchById(ctx.db, s, job.batchId);
  // Queued outside the request's transaction (pg-boss): not visible yet, so try again.
  if (!batch) throw new Error(`write-up batch ${job.batchId} is not visible yet`);
  if (batch.status === "done" || batch.status === "failed") return;
  const actor = systemActor(job.firmId);
  await batches.updateBatch(ctx.db, s, batch.id, { status: "running", started_at: ctx.clock.now() });
  try {
    const results = [...((batch.files ?? []) as WriteUpFileResult[])];
    const files = await batches.filesOf(ctx.db, s, batch.id);
    let linesImported = 0;
    for (const f of files) {
      const result = results[f.position]!;
      if (f.bytes !== null) {
        Object.assign(result, await importOne(ctx, job, batch.bank_account_id, f.name, f.bytes));
        await batches.dropFileBytes(ctx.db, s, batch.id, f.position);
      }
      linesImported += result.newLines;
      await batches.updateBatch(ctx.db, s, batch.id, {
        files: toJson(results),
        files_read: f.position + 1,
        lines_imported: linesImported,
      });
    }
    const fileIds = new Set(results.map((r) => r.fileId).filter((id): id is string => id !== null));
    const statementIds = (await banking.listStatements(ctx, actor, job.clientId, batch.bank_account_id))
      .filter((st) => fileIds.has(st.statement_file_id))
      .map((st) => st.id);
    const run = await autoReconcile(
      ctx,
      { firmId: job.firmId, clientId: job.clientId, bankAccountId: batch.bank_account_id },
      {
        statementIds,
        writeUp: true,
        onOutcome: async (done, total) => {
          await batches.updateBatch(ctx.db, s, batch.id, {
            months: toJson(done),
            months_total: total,
            months_reconciled: done.filter((o) => o.result === "completed" || o.reason?.startsWith("already"))
              .length,
            months_needing_person: done.filter((o) => o.result === "needs-person" || o.result === "waiting")
              .length,
          });
        },
      },
    );
    await hooks.reconciled?.(run).catch(() => undefined);
    await batches.updateBatch(ctx.db, s, batch.id, { status: "done", finished_at: ctx.clock.now() });
    await recordAudit(ctx.db, actor, {
      action: "reconcile.write_up.finished",
      clientId: job.clientId,
      subjectType: "bank_account",
      subjectId: batch.bank_account_id,
      after: {
        batchId: batch.id,
        files: results.map((r) => ({ name: r.name, status: r.status, newLines: r.newLines })),
        months: run.outcomes.map((o) => ({ period: o.period, result: o.result })),
      },
    });
  } catch (error) {
    await batches.updateBatch(ctx.db, s, batch.id, {
      status: "failed",
      finished_at: ctx.clock.now(),
      error: String(error instanceof AppError ? error.detail : ((error as Error)?.message ?? error)).slice(
        0,
        2000,
      ),
    });
  }
}

/** One file: imported, then its new lines through the Transaction Manager; a refusal is the file's result. */
async function importOne(
  ctx: Ctx,
  job: WriteUpJob,
  bankAccountId: string,
  name: string,
  bytes: Uint8Array,
): Promise<Partial<WriteUpFileResult>> {
  const actor = systemActor(job.firmId);
  try {
    const summary = await banking.importStatementFile(ctx, actor, job.clientId, bankAccountId, {
      bytes,
      fileName: name,
      source: "upload",
    });
    const base: Partial<WriteUpFileResult> = {
      status: "imported",
      fileId: summary.file.id,
      statements: summary.statements,
      newLines: summary.newLines,
      duplicateLines: summary.duplicateLines,
      period: summary.period,
      error: null,
    };
    if (summary.newLines === 0) return base;
    // The import's own job would do this later; the months cannot be reconciled before it.
    const ingest = await transactions.processImport(ctx, {
      firmId: job.firmId,
      clientId: job.clientId,
      bankAccountId,
      importId: summary.importId,
      newLines: summary.newLines,
    });
    return {
      ...base,
      posted: ingest.posted,
      needsReview: ingest.needsReview + ingest.held,
      excluded: ingest.excluded,
    };
  } catch (error) {
    if (error instanceof AppError) return { status: "failed", error: error.detail };
    throw error;
  }
}
