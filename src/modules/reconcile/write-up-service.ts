// Write-up batches ("rapid write-up"): many statement files of one bank account uploaded at once.
// The request reads each file (refusing one it cannot read, naming it), settles what happens to
// lines dated before the account's automation start date (moved back, kept, or asked), and queues
// the batch; the write-up job imports, posts and reconciles it month by month (write-up-job.ts).
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, isUniqueViolation } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { AppError, conflict, notFound, validationError } from "../../platform/errors.ts";
import { newId, UUID } from "../../platform/ids.ts";
import { toJson } from "../../platform/json.ts";
import * as banking from "../banking/index.ts";
import * as transactions from "../transactions/index.ts";
import * as store from "./reconciliation-store.ts";
import { clientScope } from "./scope.ts";
import { batchJson, type WriteUpJson, type WriteUpFileResult } from "./write-up-view.ts";
import * as batches from "./write-up-store.ts";

/** The job that works a batch (data: WriteUpJob). */
export const WRITE_UP_JOB = "reconcile.write-up";
export interface WriteUpJob {
  firmId: string;
  clientId: string;
  batchId: string;
}

export const MAX_WRITE_UP_FILES = 60;

export interface WriteUpInput {
  bankAccount: string;
  startDate?: "move-back" | "keep" | undefined;
  files: ReadonlyArray<{ name: string; bytes: Uint8Array }>;
}

export async function createWriteUp(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: WriteUpInput,
): Promise<WriteUpJson> {
  await clientScope(ctx.db, actor, clientRef, "writeUp");
  await clientScope(ctx.db, actor, clientRef, "reconcile");
  const account = await banking.getBankAccount(ctx, actor, clientRef, input.bankAccount);
  if (input.files.length === 0)
    throw validationError("reconcile/no-files", "send the statements as multipart fields `files`", {
      field: "files",
    });
  if (input.files.length > MAX_WRITE_UP_FILES)
    throw validationError(
      "reconcile/too-many-files",
      `a batch takes at most ${MAX_WRITE_UP_FILES} files (${input.files.length} sent)`,
      { field: "files" },
    );
  // Every file is read now, so that a batch is never queued with a file it cannot import.
  const firstDates: Array<{ name: string; first: string | null }> = [];
  for (const [i, f] of input.files.entries()) {
    let preview;
    try {
      preview = await banking.previewStatementFile(
        ctx,
        actor,
        clientRef,
        { bytes: f.bytes, fileName: f.name, bankAccountRef: account.id },
        100_000,
      );
    } catch (error) {
      if (error instanceof AppError)
        throw new AppError(error.kind, error.code, `${f.name}: ${error.detail}`, {
          field: `files[${i}]`,
          line: error.line,
          extra: { file: f.name },
        });
      throw error;
    }
    if (preview.blocked)
      throw validationError(preview.blocked.code, `${f.name}: ${preview.blocked.detail}`, {
        field: `files[${i}]`,
        extra: { file: f.name },
      });
    const chosen = preview.statements.filter((st) => st.chosen).map((st) => st.position);
    const dates = [
      ...preview.statements.filter((st) => st.chosen && st.start).map((st) => st.start!),
      ...preview.lines.filter((l) => chosen.includes(l.statement)).map((l) => l.date),
    ].sort();
    firstDates.push({ name: f.name, first: dates[0] ?? null });
  }
  const automation = await transactions.getAutomation(ctx, actor, clientRef, account.id);
  const startDate = automation.startDate;
  const earlier = firstDates.filter((f) => f.first !== null && startDate !== null && f.first < startDate);
  const first =
    firstDates
      .map((f) => f.first)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null;
  if (earlier.length > 0 && input.startDate === undefined)
    throw conflict(
      "reconcile/write-up-start-date",
      `the statements start ${first}, before the automation start date of ${account.name} (${startDate}): their lines dated before it would land in Excluded. Send startDate "move-back" to move the start date back to ${first}, or "keep" to keep it (those lines stay in Excluded)`,
      {
        field: "startDate",
        extra: {
          automationStartDate: startDate,
          firstStatementDate: first,
          earlierFiles: earlier.map((f) => ({ name: f.name, firstDate: f.first })),
          choices: ["move-back", "keep"],
        },
      },
    );
  const choice = earlier.length > 0 ? input.startDate! : "not-needed";
  const id = newId();
  await inTransaction(ctx.db, async (tx) => {
    const ts = await clientScope(tx, actor, clientRef, "reconcile");
    const active = await batches.activeBatchOf(tx, ts, account.id);
    if (active)
      throw conflict(
        "reconcile/write-up-running",
        `${active.requested_by_name}'s write-up batch of ${account.name} is not finished yet; wait until it is done`,
      );
    const open = await store.inProgressOf(tx, ts, account.id);
    if (open && open.started_by !== "system")
      throw conflict(
        "reconcile/in-progress",
        `${open.started_by_name} is reconciling ${account.name} (${open.period_from} – ${open.period_to}); a batch waits until it is completed`,
      );
    if (choice === "move-back")
      await transactions.setAutomation({ ...ctx, db: tx }, actor, clientRef, account.id, {
        mode: automation.mode,
        startDate: first,
      });
    try {
      await batches.insertBatch(
        tx,
        ts,
        {
          id,
          bank_account_id: account.id,
          start_date: choice,
          requested_by: actor.id,
          requested_by_name: actor.displayName,
          files_total: input.files.length,
        },
        input.files,
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(
          "reconcile/write-up-running",
          `another write-up batch of ${account.name} has just started`,
        );
      throw error;
    }
    const files: WriteUpFileResult[] = input.files.map((f, position) => ({
      position,
      name: f.name,
      status: "waiting",
      fileId: null,
      statements: 0,
      newLines: 0,
      duplicateLines: 0,
      posted: 0,
      needsReview: 0,
      excluded: 0,
      period: null,
      error: null,
    }));
    await batches.updateBatch(tx, ts, id, { files: toJson(files) });
    await recordAudit(tx, actor, {
      action: "reconcile.write_up.requested",
      clientId: ts.clientId,
      subjectType: "bank_account",
      subjectId: account.id,
      after: {
        batchId: id,
        files: input.files.map((f) => f.name),
        startDate: choice,
        automationStartDate: { before: startDate, after: choice === "move-back" ? first : startDate },
      },
    });
    const job: WriteUpJob = { firmId: ts.firmId, clientId: ts.clientId, batchId: id };
    await ctx.jobs.send(WRITE_UP_JOB, job, tx);
  });
  return getWriteUp(ctx, actor, clientRef, id);
}

export async function getWriteUp(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<WriteUpJson> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const row = UUID.test(id) ? await batches.batchById(ctx.db, s, id) : undefined;
  if (!row) throw notFound("reconcile/write-up-not-found", `no write-up batch ${id}`);
  const account = await banking.getBankAccount(ctx, actor, clientRef, row.bank_account_id);
  return batchJson(row, account);
}

export async function listWriteUps(ctx: Ctx, actor: Actor, clientRef: string): Promise<WriteUpJson[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const rows = await batches.batchesOf(ctx.db, s, 50);
  const accounts = new Map(
    (await banking.bankOverview(ctx, actor, clientRef)).bankAccounts.map((a) => [a.id, a]),
  );
  return rows.flatMap((r) => {
    const a = accounts.get(r.bank_account_id);
    return a ? [batchJson(r, a)] : [];
  });
}
