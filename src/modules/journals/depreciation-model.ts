// Fixed-asset depreciation: straight line, declining balance (rate = factor ÷ life in years, with
// the switch to straight line when that is larger) and sum-of-years'-digits; full-month or
// mid-month convention; salvage value; disposal. Each asset month is two half-months so the
// mid-month convention (half a month at each end) and asset years that straddle calendar months
// come out of the same arithmetic.
import { validationError } from "../../platform/errors.ts";
import {
  absorbInLast,
  addMonths,
  assertTotals,
  monthsBetween,
  roundDiv,
  scaledDecimal,
} from "./schedule-math.ts";
import { checkMonths, checkStartMonth } from "./prepaid-model.ts";

export const DEPRECIATION_METHODS = ["straight_line", "declining_balance", "sum_of_years"] as const;
export type DepreciationMethod = (typeof DEPRECIATION_METHODS)[number];
export const CONVENTIONS = ["full_month", "mid_month"] as const;
export type Convention = (typeof CONVENTIONS)[number];

export interface DepreciationTerms {
  cost: bigint;
  salvage: bigint;
  lifeMonths: number;
  method: DepreciationMethod;
  /** Declining balance only: "2" is double declining (200%), "1.5" is 150%. */
  factor?: string | null | undefined;
  convention: Convention;
  inServiceMonth: string;
  disposal?: { month: string; proceeds: bigint } | null | undefined;
}

export interface DepreciationRow {
  month: string;
  amount: bigint;
  accumulated: bigint;
  bookValue: bigint;
}

export interface DisposalRow {
  month: string;
  cost: bigint;
  accumulated: bigint;
  bookValue: bigint;
  proceeds: bigint;
  /** Proceeds less book value: positive is a gain, negative a loss. */
  gainLoss: bigint;
}

export interface DepreciationTable {
  rows: DepreciationRow[];
  disposal: DisposalRow | null;
}

const FACTOR_SCALE = 4;

export function depreciationTable(terms: DepreciationTerms): DepreciationTable {
  const base = checkTerms(terms);
  const { numerators, denominator } = halfMonthShares(terms, base);
  const offset = terms.convention === "mid_month" ? 1 : 0;
  const monthCount = Math.floor((numerators.length - 1 + offset) / 2) + 1;
  const byMonth = Array.from({ length: monthCount }, () => 0n);
  numerators.forEach((n, h) => (byMonth[Math.floor((h + offset) / 2)]! += n));
  let amounts = absorbInLast(byMonth, denominator, base);
  assertTotals(amounts, base, "cost");
  const disposalAt = terms.disposal ? monthsBetween(terms.inServiceMonth, terms.disposal.month) : null;
  if (disposalAt !== null && disposalAt < monthCount) {
    // Depreciation stops: nothing in the month of disposal under the full-month convention, its
    // first half under the mid-month convention.
    amounts = amounts.slice(0, disposalAt);
    if (offset === 1) amounts.push(roundDiv(numerators[2 * disposalAt - 1] ?? 0n, denominator));
  }
  let accumulated = 0n;
  const rows = amounts.map((amount, i) => {
    accumulated += amount;
    return {
      month: addMonths(terms.inServiceMonth, i),
      amount,
      accumulated,
      bookValue: terms.cost - accumulated,
    };
  });
  if (!terms.disposal) return { rows, disposal: null };
  const bookValue = terms.cost - accumulated;
  return {
    rows,
    disposal: {
      month: terms.disposal.month,
      cost: terms.cost,
      accumulated,
      bookValue,
      proceeds: terms.disposal.proceeds,
      gainLoss: terms.disposal.proceeds - bookValue,
    },
  };
}

/** The depreciable base (cost less salvage), after refusing terms that cannot make a schedule. */
function checkTerms(terms: DepreciationTerms): bigint {
  if (terms.cost <= 0n)
    throw validationError("journals/bad-amount", "the cost must be more than zero", { field: "cost" });
  if (terms.salvage < 0n || terms.salvage >= terms.cost)
    throw validationError(
      "journals/bad-salvage",
      "the salvage value must be at least zero and less than the cost",
      {
        field: "salvage",
      },
    );
  checkMonths(terms.lifeMonths, "lifeMonths");
  checkStartMonth(terms.inServiceMonth, "inServiceMonth");
  if (terms.method !== "straight_line" && terms.lifeMonths % 12 !== 0)
    throw validationError(
      "journals/life-in-years",
      "declining balance and sum-of-years'-digits need a life in whole years (a multiple of 12 months)",
      { field: "lifeMonths" },
    );
  if (terms.disposal) {
    checkStartMonth(terms.disposal.month, "disposal.month");
    if (monthsBetween(terms.inServiceMonth, terms.disposal.month) < 0)
      throw validationError(
        "journals/disposal-before-service",
        "an asset cannot be disposed of before it is in service",
        {
          field: "disposal.month",
        },
      );
    if (terms.disposal.proceeds < 0n)
      throw validationError("journals/bad-amount", "disposal proceeds cannot be negative", {
        field: "disposal.proceeds",
      });
  }
  return terms.cost - terms.salvage;
}

/** Each half-month's share of the base, as numerators over one denominator. */
function halfMonthShares(
  terms: DepreciationTerms,
  base: bigint,
): { numerators: bigint[]; denominator: bigint } {
  const halves = terms.lifeMonths * 2;
  const years = terms.lifeMonths / 12;
  if (terms.method === "straight_line")
    return { numerators: Array.from({ length: halves }, () => base), denominator: BigInt(halves) };
  if (terms.method === "sum_of_years") {
    const weight = (h: number) => BigInt(years - Math.floor(h / 24));
    const total = 24n * BigInt((years * (years + 1)) / 2);
    return { numerators: Array.from({ length: halves }, (_, h) => base * weight(h)), denominator: total };
  }
  const yearly = decliningYears(terms, base, years);
  return {
    numerators: Array.from({ length: halves }, (_, h) => yearly[Math.floor(h / 24)]!),
    denominator: 24n,
  };
}

/** Declining balance by asset year: book value × rate, or straight line on what is left if larger. */
function decliningYears(terms: DepreciationTerms, base: bigint, years: number): bigint[] {
  const factor = scaledDecimal(terms.factor ?? "2", FACTOR_SCALE);
  if (factor === null || factor <= 0n || factor > 4n * 10n ** BigInt(FACTOR_SCALE))
    throw validationError(
      "journals/bad-factor",
      "the declining balance factor must be a number above 0 and at most 4",
      {
        field: "factor",
      },
    );
  const out: bigint[] = [];
  let left = base;
  for (let y = 0; y < years; y++) {
    if (y === years - 1) {
      out.push(left);
      break;
    }
    const bookValue = terms.cost - (base - left);
    const declining = roundDiv(bookValue * factor, BigInt(years) * 10n ** BigInt(FACTOR_SCALE));
    const straight = roundDiv(left, BigInt(years - y));
    const amount = [declining, straight].reduce((a, b) => (a > b ? a : b));
    const capped = amount > left ? left : amount;
    out.push(capped);
    left -= capped;
  }
  return out;
}
