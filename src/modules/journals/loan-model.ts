// Loan amortization: the level payment from the principal, the annual rate and the term, and each
// payment split into interest (on the balance at the rate for a month) and principal. The last
// payment repays whatever balance is left, so the principal column totals the loan exactly.
import { validationError } from "../../platform/errors.ts";
import { addMonths, assertTotals, roundDiv, scaledDecimal } from "./schedule-math.ts";
import { checkMonths, checkStartMonth } from "./prepaid-model.ts";

export interface LoanTerms {
  principal: bigint;
  /** Annual nominal rate in percent as a decimal string ("6.5"). */
  annualRate: string;
  termMonths: number;
  firstPaymentMonth: string;
}

export interface LoanRow {
  month: string;
  payment: bigint;
  interest: bigint;
  principal: bigint;
  balance: bigint;
}

const RATE_SCALE = 6;
// A month's rate is annualRate / 100 / 12: as a fraction R / D with R the scaled percentage.
const RATE_DENOMINATOR = 100n * 12n * 10n ** BigInt(RATE_SCALE);

function monthlyRate(text: string): bigint {
  const rate = scaledDecimal(text, RATE_SCALE);
  if (rate === null || rate > 100n * 10n ** BigInt(RATE_SCALE))
    throw validationError("journals/bad-rate", "the interest rate must be a percentage from 0 to 100", {
      field: "annualRate",
    });
  return rate;
}

/** The level payment P·r / (1 − (1 + r)^−n), rounded half-up, computed exactly in integers. */
export function levelPayment(principal: bigint, annualRate: string, termMonths: number): bigint {
  const r = monthlyRate(annualRate);
  const n = BigInt(termMonths);
  if (r === 0n) return roundDiv(principal, n);
  const grown = (RATE_DENOMINATOR + r) ** n;
  const base = RATE_DENOMINATOR ** n;
  return roundDiv(principal * r * grown, RATE_DENOMINATOR * (grown - base));
}

export function loanTable(terms: LoanTerms): LoanRow[] {
  if (terms.principal <= 0n)
    throw validationError("journals/bad-amount", "the loan amount must be more than zero", {
      field: "principal",
    });
  checkMonths(terms.termMonths, "termMonths");
  checkStartMonth(terms.firstPaymentMonth, "firstPaymentMonth");
  const r = monthlyRate(terms.annualRate);
  const payment = levelPayment(terms.principal, terms.annualRate, terms.termMonths);
  let balance = terms.principal;
  const rows: LoanRow[] = [];
  for (let i = 0; i < terms.termMonths; i++) {
    const interest = roundDiv(balance * r, RATE_DENOMINATOR);
    const last = i === terms.termMonths - 1;
    // Rounding can make the level payment repay the loan a little early: never below zero.
    const principal = last ? balance : payment - interest > balance ? balance : payment - interest;
    balance -= principal;
    rows.push({
      month: addMonths(terms.firstPaymentMonth, i),
      payment: interest + principal,
      interest,
      principal,
      balance,
    });
  }
  assertTotals(
    rows.map((row) => row.principal),
    terms.principal,
    "principal",
  );
  return rows;
}
