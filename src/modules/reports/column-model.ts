// A report's columns: periods summed from the ledger ("amount"), and columns computed from other
// columns of the same row — a total of several, the change between two, the change in percent.
import type { Range } from "./period-model.ts";

export type ColumnSpec =
  | { kind: "amount"; label: string; from: string; to: string }
  | { kind: "total"; label: string; from: string; to: string; of: number[] }
  | { kind: "change"; label: string; from: string; to: string; of: number; base: number }
  | { kind: "percent"; label: string; from: string; to: string; of: number; base: number };

/** The column specs that need sums from the ledger, with their positions. */
export function amountColumns(specs: readonly ColumnSpec[]): Array<{ index: number; range: Range }> {
  const out: Array<{ index: number; range: Range }> = [];
  specs.forEach((c, index) => {
    if (c.kind === "amount") out.push({ index, range: { from: c.from, to: c.to } });
  });
  return out;
}

/**
 * Fills the computed columns of one row, whose amount columns are set. A percent column holds 0
 * here: a percentage is not an amount, it is rendered from the row by `percentOf`.
 */
export function fillComputed(amounts: bigint[], specs: readonly ColumnSpec[]): bigint[] {
  specs.forEach((c, i) => {
    if (c.kind === "total") amounts[i] = c.of.reduce((sum, j) => sum + amounts[j]!, 0n);
    else if (c.kind === "change") amounts[i] = amounts[c.of]! - amounts[c.base]!;
    else if (c.kind === "percent") amounts[i] = 0n;
  });
  return amounts;
}

/**
 * The change from `base` to `value` in percent, rounded half away from zero to one decimal, as a
 * decimal string ("12.5", "-100.0"); null when the base is zero (no percentage exists).
 */
export function percentChange(value: bigint, base: bigint): string | null {
  if (base === 0n) return null;
  const numerator = (value - base) * 1000n;
  const denominator = base < 0n ? -base : base;
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const tenths = (abs * 2n + denominator) / (denominator * 2n);
  const whole = tenths / 10n;
  const sign = negative && tenths !== 0n ? "-" : "";
  return `${sign}${whole}.${tenths % 10n}`;
}

/** The rendered value of column `i` of a row: the amount, or for a percent column its percentage. */
export function percentOf(amounts: readonly bigint[], spec: ColumnSpec): string | null {
  if (spec.kind !== "percent") throw new Error("percentOf takes a percent column");
  return percentChange(amounts[spec.of]!, amounts[spec.base]!);
}
