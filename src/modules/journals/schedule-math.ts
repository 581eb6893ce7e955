// The arithmetic every schedule shares: months as "YYYY-MM", exact shares of a total as
// numerators over one denominator, and the remainder rule (each period rounded half-up, the last
// period absorbs the rounding so the schedule totals exactly).
import { ruleViolation } from "../../platform/errors.ts";
import { formatMinor } from "../../platform/money.ts";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Whole months from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from);
}

/** Half-up division of a non-negative numerator. */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * Turns exact shares (numerators over `denominator`, summing to total × denominator) into minor
 * units: every period but the last is rounded half-up and the last takes what is left. When the
 * rounding would leave the last period negative (tiny totals over many periods) every period is
 * rounded down instead, so the last one only ever absorbs a non-negative remainder.
 */
export function absorbInLast(numerators: readonly bigint[], denominator: bigint, total: bigint): bigint[] {
  if (numerators.length === 0) return [];
  const settle = (round: (n: bigint) => bigint) => {
    const parts = numerators.slice(0, -1).map(round);
    return [...parts, total - parts.reduce((a, b) => a + b, 0n)];
  };
  const rounded = settle((n) => roundDiv(n, denominator));
  return rounded[rounded.length - 1]! >= 0n ? rounded : settle((n) => n / denominator);
}

/** Refuses amounts that do not add up to the schedule's total, naming the difference. */
export function assertTotals(amounts: readonly bigint[], expected: bigint, field: string, scale = 2): void {
  const sum = amounts.reduce((a, b) => a + b, 0n);
  if (sum === expected) return;
  const difference = expected - sum;
  throw ruleViolation(
    "journals/schedule-not-total",
    `the periods total ${formatMinor(sum, scale)} but the schedule is for ${formatMinor(expected, scale)}: ` +
      `a difference of ${formatMinor(difference, scale)}`,
    { field, extra: { difference: difference.toString() } },
  );
}

/** Parses a non-negative decimal string ("6.5") into an integer scaled by 10^scale. */
export function scaledDecimal(text: string, scale: number): bigint | null {
  const m = /^(\d{1,9})(?:\.(\d{1,9}))?$/.exec(text);
  if (!m) return null;
  const fraction = (m[2] ?? "").padEnd(scale, "0");
  if (fraction.length > scale) return null;
  return BigInt(m[1]!) * 10n ** BigInt(scale) + BigInt(fraction || "0");
}
