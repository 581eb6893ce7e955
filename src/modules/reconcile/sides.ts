// The two sides of a reconciliation, read through the modules that own them: the statement (the
// bank account's bank lines in the period) and the linked ledger account's journal lines around it
// that no completed reconciliation has cleared, each with the bank line its entry was posted from.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { addDays } from "../../platform/dates.ts";
import * as banking from "../banking/index.ts";
import * as ledger from "../ledger/index.ts";
import * as transactions from "../transactions/index.ts";
import { addBusinessDays, type LedgerLine, type StatementLine } from "./matching/index.ts";

/** Most lines a side may have (a 50,000-line statement is the benchmark's). */
export const MAX_LINES = 100_000;

export interface SideLedgerLine extends LedgerLine {
  lineNo: number;
}

/** The key of a journal line on the ledger side: "entryId:lineNo". */
export const ledgerKey = (entryId: string, lineNo: number) => `${entryId}:${lineNo}`;

/** The bank lines of the account in the period, in date order (the statement's lines). */
export async function statementLines(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountId: string,
  period: { from: string; to: string },
): Promise<StatementLine[]> {
  const { lines } = await banking.listBankLines(ctx, actor, clientRef, {
    bankAccountRef: bankAccountId,
    from: period.from,
    to: period.to,
    limit: MAX_LINES,
    offset: 0,
  });
  return lines
    .map((l) => ({
      id: l.id,
      // The bank's own id when the file has one (OFX FITID, camt reference), else the import's key.
      externalId: l.bank_transaction_id ?? l.idem_key,
      date: l.date,
      amount: l.amount,
      description: describe(l.payee, l.description),
      checkNumber: checkNumberOf(l.reference),
      bankLineId: l.id,
      sourceLine: l.source_line ?? 0,
    }))
    .sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.sourceLine - b.sourceLine || (a.id < b.id ? -1 : 1),
    )
    .map(({ sourceLine: _, ...line }) => line);
}

/** The bank's description, with the payee in front when the description does not already say it. */
function describe(payee: string | null, description: string): string {
  if (!payee || description.toLowerCase().includes(payee.toLowerCase())) return description;
  return description ? `${payee} ${description}` : payee;
}

function checkNumberOf(reference: string | null): string | null {
  return reference && /^\d{1,10}$/.test(reference.trim()) ? reference.trim() : null;
}

/**
 * The ledger account's lines from `lookBack` days before the period (outstanding checks of earlier
 * months) to a week after it (entries booked late), in the account's currency.
 */
export async function ledgerLines(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  account: { ledgerAccountId: string; currency: string },
  period: { from: string; to: string },
  lookBack: number,
): Promise<SideLedgerLine[]> {
  const register = await ledger.accountRegister(ctx, actor, clientRef, account.ledgerAccountId, {
    from: addDays(period.from, -lookBack),
    to: addBusinessDays(period.to, 5),
    limit: MAX_LINES,
    offset: 0,
  });
  const lines = register.lines.filter((l) => l.currency === account.currency);
  const fromBank = await transactions.bankLinesOfEntries(
    ctx,
    actor,
    clientRef,
    lines.map((l) => l.entryId),
  );
  return lines.map((l) => ({
    id: ledgerKey(l.entryId, l.lineNo),
    entryId: l.entryId,
    lineNo: l.lineNo,
    reference: l.reference,
    date: l.date,
    amount: l.amount,
    description: l.memo ? `${l.description} ${l.memo}`.trim() : l.description,
    payee: l.contact,
    checkNumber: l.reference && /^\d{1,10}$/.test(l.reference.trim()) ? l.reference.trim() : null,
    fromBankLineId: fromBank.get(l.entryId) ?? null,
  }));
}
