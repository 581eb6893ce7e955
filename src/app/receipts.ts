// Receipts' background work: each receipt is read and matched by a job, as the system actor of its
// firm, outside any request's tenant scope.
import { runUnscoped } from "../platform/tenant-scope.ts";
import type { DocumentsCtx } from "../modules/documents/index.ts";
import { READ_RECEIPT_JOB, runReadJob, type ReadReceiptJob } from "../modules/receipts/index.ts";

export async function registerReceiptWork(ctx: DocumentsCtx): Promise<void> {
  await ctx.jobs.work(READ_RECEIPT_JOB, (data) => runUnscoped(() => runReadJob(ctx, data as ReadReceiptJob)));
}
