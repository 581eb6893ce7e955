// Which bank line paid each period of a loan schedule: a line of the loan's bank account that took
// out exactly the period's payment, dated in the period's month or within a week either side (a
// payment due on the 1st often leaves on the last business day before, or a few days late). Each
// bank line pays one period at most; periods are matched in order, each to its earliest line.
import { addDays, endOfMonth } from "../../platform/dates.ts";

export const MATCH_WINDOW_DAYS = 7;

export interface LoanPeriod {
  /** YYYY-MM */
  month: string;
  payment: bigint;
}

export interface BankLineFact {
  id: string;
  bankAccountId: string;
  date: string;
  /** Signed, in minor units: a payment out is negative. */
  amount: bigint;
}

/** The dates a period's payment is looked for in. */
export function paymentWindow(month: string): { from: string; to: string } {
  return {
    from: addDays(`${month}-01`, -MATCH_WINDOW_DAYS),
    to: addDays(endOfMonth(`${month}-01`), MATCH_WINDOW_DAYS),
  };
}

/** Per period's month, the bank line that paid it (periods with none are left out). */
export function matchLoanPayments(
  periods: readonly LoanPeriod[],
  lines: readonly BankLineFact[],
): Map<string, BankLineFact> {
  const sorted = [...lines].sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id));
  const used = new Set<string>();
  const out = new Map<string, BankLineFact>();
  for (const p of [...periods].sort((x, y) => x.month.localeCompare(y.month))) {
    if (p.payment <= 0n) continue;
    const w = paymentWindow(p.month);
    const hit = sorted.find(
      (l) => !used.has(l.id) && l.amount === -p.payment && l.date >= w.from && l.date <= w.to,
    );
    if (hit) {
      used.add(hit.id);
      out.set(p.month, hit);
    }
  }
  return out;
}
