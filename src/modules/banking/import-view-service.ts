// Reading back what imports left: the raw bank lines (filtered, amounts in the account's currency),
// the statements, the import runs, and each statement file exactly as it was received.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { notFound, validationError } from "../../platform/errors.ts";
import { isoScale, parseDecimal } from "../../platform/money.ts";
import { requireAccount } from "./import-support.ts";
import * as lines from "./line-store.ts";
import * as statements from "./statement-store.ts";
import type { BankLineRow, LineFilter } from "./line-store.ts";
import type { BankImportRow, StatementRow } from "./statement-store.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";

export interface LineQuery extends Omit<LineFilter, "bankAccountId" | "minAmount" | "maxAmount"> {
  bankAccountRef?: string | undefined;
  /** Decimal strings in the bank account's currency (amount filters need a bank account). */
  minAmount?: string | undefined;
  maxAmount?: string | undefined;
}

export async function listBankLines(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  query: LineQuery,
): Promise<{ lines: BankLineRow[]; total: number }> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const account = query.bankAccountRef ? await requireAccount(ctx.db, s, query.bankAccountRef) : null;
  const bound = (text: string | undefined, field: string) => {
    if (text === undefined) return undefined;
    if (!account)
      throw validationError(
        "banking/amount-filter-needs-account",
        "choose a bank account to filter by amount (amounts are compared in its currency)",
        { field },
      );
    return parseDecimal(text, isoScale(account.currency), field);
  };
  const { rows, total } = await lines.listLines(ctx.db, s, {
    ...query,
    bankAccountId: account?.id,
    minAmount: bound(query.minAmount, "minAmount"),
    maxAmount: bound(query.maxAmount, "maxAmount"),
  });
  return { lines: rows, total };
}

/** How many lines an import has (its job checks they are all visible before it starts). */
export async function importLineCount(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  importId: string,
): Promise<number> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return lines.importLineCount(ctx.db, s, importId);
}

/**
 * The next batch of an import's lines after the last one seen (by date, then id), for its job to
 * work through a batch at a time (see transactions' processImport).
 */
export async function importLinesAfter(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  where: { bankAccountId: string; importId: string },
  after: { date: string; id: string } | null,
  limit: number,
): Promise<BankLineRow[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return lines.importLinesAfter(ctx.db, s, where, after, limit);
}

export async function listStatements(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountRef: string,
): Promise<Array<StatementRow & { file_name: string }>> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const account = await requireAccount(ctx.db, s, bankAccountRef);
  return statements.listStatements(ctx.db, s, account.id);
}

export async function listImports(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  filter: { bankAccountRef?: string | undefined; limit: number },
): Promise<Array<BankImportRow & { file_name: string; format: string }>> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const account = filter.bankAccountRef ? await requireAccount(ctx.db, s, filter.bankAccountRef) : null;
  return statements.listImports(ctx.db, s, { bankAccountId: account?.id, limit: filter.limit });
}

/** The file exactly as it was received (the source every raw line points back to). */
export async function statementFile(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  fileId: string,
): Promise<{ name: string; format: string; bytes: Uint8Array }> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const file = store.isUuid(fileId) ? await statements.fileWithBytes(ctx.db, s, fileId) : undefined;
  if (!file) throw notFound("banking/statement-file-not-found", `no statement file ${fileId}`);
  return { name: file.name, format: file.format, bytes: file.bytes };
}
