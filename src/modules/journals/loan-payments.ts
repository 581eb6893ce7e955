// A loan schedule's payments as they arrived at the bank: the bank lines of the loan's bank account
// (the bank or card account whose ledger account the schedule pays from) are read through the
// banking module, and each period is matched to the line that paid it (loan-match-model.ts). A
// read-only lookup: nothing is posted or linked, so the Transaction Manager is left alone.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { formatMinor, isoScale } from "../../platform/money.ts";
import * as banking from "../banking/index.ts";
import type { ClientScope } from "../access/index.ts";
import type { LoanRow } from "./loan-model.ts";
import { matchLoanPayments, paymentWindow, type BankLineFact } from "./loan-match-model.ts";

export interface LoanPayment {
  /** YYYY-MM of the period it paid. */
  month: string;
  bankLineId: string;
  bankAccount: string;
  date: string;
  description: string;
}

const PAGE = 1000;

export async function loanPayments(
  ctx: Ctx,
  actor: Actor,
  s: ClientScope,
  paymentAccountId: string | undefined,
  rows: readonly LoanRow[],
): Promise<LoanPayment[]> {
  if (!paymentAccountId || !rows.length) return [];
  const accounts = (
    await banking.bankOverview(ctx, actor, s.clientId, { includeInactive: true })
  ).bankAccounts
    .filter((a) => a.ledgerAccount.id === paymentAccountId && a.currency === s.homeCurrency)
    .map((a) => ({ id: a.id, name: a.name }));
  if (!accounts.length) return [];
  const scale = isoScale(s.homeCurrency);
  const payments = rows.map((r) => r.payment).filter((p) => p > 0n);
  if (!payments.length) return [];
  const most = payments.reduce((m, p) => (p > m ? p : m));
  const least = payments.reduce((m, p) => (p < m ? p : m));
  const from = paymentWindow(rows[0]!.month).from;
  const to = paymentWindow(rows[rows.length - 1]!.month).to;
  const lines: Array<BankLineFact & { description: string; account: string }> = [];
  for (const a of accounts)
    for (let offset = 0; ; offset += PAGE) {
      const page = await banking.listBankLines(ctx, actor, s.clientId, {
        bankAccountRef: a.id,
        from,
        to,
        minAmount: formatMinor(-most, scale),
        maxAmount: formatMinor(-least, scale),
        limit: PAGE,
        offset,
      });
      for (const l of page.lines)
        lines.push({
          id: l.id,
          bankAccountId: a.id,
          date: l.date,
          amount: BigInt(l.amount),
          description: l.payee ?? l.description,
          account: a.name,
        });
      if (page.lines.length < PAGE) break;
    }
  const byId = new Map(lines.map((l) => [l.id, l]));
  return [...matchLoanPayments(rows, lines)].map(([month, hit]) => {
    const l = byId.get(hit.id)!;
    return { month, bankLineId: l.id, bankAccount: l.account, date: l.date, description: l.description };
  });
}
