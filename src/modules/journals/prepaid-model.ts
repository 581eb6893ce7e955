// Prepaid expense amortization: a paid-in-advance amount expensed straight over N months, or over
// amounts the preparer typed (which must total the prepaid amount exactly).
import { validationError } from "../../platform/errors.ts";
import { absorbInLast, addMonths, assertTotals, isMonth } from "./schedule-math.ts";

export interface PrepaidTerms {
  total: bigint;
  startMonth: string;
  months: number;
  /** Amounts per month typed by the preparer instead of the straight split. */
  amounts?: readonly bigint[] | null | undefined;
}

export interface PrepaidRow {
  month: string;
  amount: bigint;
  /** What is still prepaid after this month's expense. */
  remaining: bigint;
}

export const MAX_SCHEDULE_MONTHS = 600;

export function checkMonths(months: number, field: string): void {
  if (!Number.isInteger(months) || months < 1 || months > MAX_SCHEDULE_MONTHS)
    throw validationError(
      "journals/bad-months",
      `the number of months must be a whole number from 1 to ${MAX_SCHEDULE_MONTHS}`,
      { field },
    );
}

export function checkStartMonth(month: string, field: string): void {
  if (!isMonth(month))
    throw validationError("journals/bad-month", `"${month}" is not a month (YYYY-MM)`, { field });
}

export function prepaidTable(terms: PrepaidTerms): PrepaidRow[] {
  if (terms.total <= 0n)
    throw validationError("journals/bad-amount", "the prepaid amount must be more than zero", {
      field: "amount",
    });
  checkMonths(terms.months, "months");
  checkStartMonth(terms.startMonth, "startMonth");
  let amounts: bigint[];
  if (terms.amounts) {
    if (terms.amounts.length !== terms.months)
      throw validationError(
        "journals/amounts-count",
        `${terms.amounts.length} amounts were given for ${terms.months} months`,
        { field: "amounts" },
      );
    if (terms.amounts.some((a) => a < 0n))
      throw validationError("journals/bad-amount", "a month's amount cannot be negative", {
        field: "amounts",
      });
    amounts = [...terms.amounts];
  } else {
    amounts = absorbInLast(
      Array.from({ length: terms.months }, () => terms.total),
      BigInt(terms.months),
      terms.total,
    );
  }
  assertTotals(amounts, terms.total, "amounts");
  let remaining = terms.total;
  return amounts.map((amount, i) => {
    remaining -= amount;
    return { month: addMonths(terms.startMonth, i), amount, remaining };
  });
}
