// "Upload the statement" tasks, wired here because documents (which knows what is missing) may not
// call work: one document upload request per bank account and missing month (key
// "documents.statement:<account>:<YYYY-MM>"), asked of the client as a whole, landing in the
// account's year folder. Opened by a firm user's "Request" on a missing month or by the hourly check
// for the last AUTO_REQUEST_MONTHS months (older gaps are catch-up work the firm asks for itself);
// closed by the same check once the month's statement is filed.
import type { Actor } from "../platform/actor.ts";
import { systemActor } from "../platform/actor.ts";
import type { Ctx } from "../platform/context.ts";
import { addDays, monthInWords } from "../platform/dates.ts";
import { forbidden, ruleViolation } from "../platform/errors.ts";
import * as access from "../modules/access/index.ts";
import * as documents from "../modules/documents/index.ts";
import type { DocumentsCtx, MissingStatementsView } from "../modules/documents/index.ts";
import * as work from "../modules/work/index.ts";

export const STATEMENT_TASK_KEY = "documents.statement:";
/** The hourly check asks for the statements of this many months back (last month included). */
export const AUTO_REQUEST_MONTHS = 3;
/** A statement request is due this many days after it is made. */
export const STATEMENT_DUE_DAYS = 7;

export const statementKey = (accountId: string, month: string) =>
  `${STATEMENT_TASK_KEY}${accountId}:${month}`;

/** The bank account and month a statement task's key names, or null for any other key. */
export function parseStatementKey(key: string | null): { accountId: string; month: string } | null {
  const m = /^documents\.statement:([0-9a-f-]{36}):(\d{4}-\d{2})$/.exec(key ?? "");
  return m ? { accountId: m[1]!, month: m[2]! } : null;
}

/** Months before `month`: "2026-03" minus 2 is "2026-01". */
function monthsBack(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

async function openRequest(
  ctx: Ctx,
  s: { firmId: string; clientId: string },
  account: MissingStatementsView,
  month: string,
  by?: Actor,
): Promise<{ id: string; created: boolean }> {
  const year = month.slice(0, 4);
  const folder = account.yearFolders[year] ?? account.folderId;
  return work.createSystemTask(ctx, {
    firmId: s.firmId,
    clientId: s.clientId,
    key: statementKey(account.accountId, month),
    type: "document_upload_request",
    title: `Upload the ${monthInWords(month)} statement of ${account.accountName}`.slice(0, 200),
    description:
      `Upload the bank statement of ${account.accountName} for ${monthInWords(month)}: the PDF, or the ` +
      `bank's export (OFX, QFX, QIF, CSV, CAMT.053, MT940, BAI2). It is filed in Bank statements / ` +
      `${account.accountName} / ${year}, and this task closes when it arrives.`,
    folder,
    dueDate: addDays(ctx.clock.today(), STATEMENT_DUE_DAYS),
    assignee: { kind: "client" },
    ...(by ? { by } : {}),
  });
}

/** A firm user asks the client for one missing month's statement (the same task if asked before). */
export async function requestStatement(
  ctx: Ctx,
  dctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  input: { bankAccountId: string; month: string },
): Promise<{ taskId: string; created: boolean }> {
  if (access.sideOf(actor.role) !== "partner")
    throw forbidden("work/firm-only", "only the firm's users may request statements");
  return openStatementRequest(ctx, dctx, actor, clientRef, input, actor);
}

/** The request for one missing month, asked by `by` (the system when absent). */
export async function openStatementRequest(
  ctx: Ctx,
  dctx: DocumentsCtx,
  actor: Actor,
  clientRef: string,
  input: { bankAccountId: string; month: string },
  by?: Actor,
): Promise<{ taskId: string; created: boolean }> {
  const s = await access.clientScopeFor(ctx.db, actor, clientRef, "client.edit");
  const accounts = await documents.listMissingStatements(dctx, actor, clientRef);
  const account = accounts.find((a) => a.accountId === input.bankAccountId);
  if (!account)
    throw ruleViolation(
      "documents/unknown-bank-account",
      "no active bank account of this client by that id",
      {
        field: "bankAccountId",
      },
    );
  if (!account.missing.includes(input.month))
    throw ruleViolation(
      "documents/statement-not-missing",
      `the ${monthInWords(input.month)} statement of ${account.accountName} is not missing`,
      { field: "month" },
    );
  const r = await openRequest(ctx, s, account, input.month, by);
  return { taskId: r.id, created: r.created };
}

/**
 * For every active client (or the ones named): opens the statement requests of the recent missing
 * months and closes those whose statement has arrived. A client whose check fails is left for the
 * next round.
 */
export async function syncStatementTasks(
  ctx: Ctx,
  dctx: DocumentsCtx,
  only?: { firmId: string; clientIds: readonly string[] },
): Promise<{ opened: number; closed: number }> {
  let opened = 0;
  let closed = 0;
  const from = monthsBack(ctx.clock.today().slice(0, 7), AUTO_REQUEST_MONTHS);
  for (const firmId of only ? [only.firmId] : await access.allFirmIds(ctx.db)) {
    const actor = systemActor(firmId);
    const clients = (await access.listClients(ctx.db, actor, "active")).filter(
      (c) => !only || only.clientIds.includes(c.id),
    );
    for (const c of clients) {
      const s = { firmId, clientId: c.id };
      const accounts = await documents.listMissingStatements(dctx, actor, c.slug).catch(() => null);
      if (!accounts) continue;
      const missing = new Set(accounts.flatMap((a) => a.missing.map((m) => statementKey(a.accountId, m))));
      for (const a of accounts)
        for (const month of a.missing.filter((m) => m >= from))
          if ((await openRequest(ctx, s, a, month)).created) opened++;
      for (const key of await work.openSystemTaskKeys(ctx, { ...s, prefix: STATEMENT_TASK_KEY }))
        if (!missing.has(key))
          closed += await work.closeSystemTask(ctx, { ...s, key, reason: "the statement is filed" });
    }
  }
  return { opened, closed };
}
