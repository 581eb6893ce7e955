// Test helpers only: consecutive monthly OFX statements of one account whose closing balances chain
// (each month opens where the one before closed), for the auto-reconcile and write-up tests.
import { addDays } from "../../src/platform/dates.ts";
import { formatMinor } from "../../src/platform/money.ts";
import { ofxStatement, type OfxLine } from "./reconcile-statements.ts";

const MERCHANTS = ["POS DEBIT SHELL OIL", "COMCAST CABLE", "DEPOSIT CACTUS DESIGN", "STAPLES STORE"];

/** The last day of a month ("2026-01" → "2026-01-31"). */
export function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * One statement per month from `first`, three or four lines each, closing balances chained from
 * `opening` (cents). `wrongClosing` (a month) states a closing balance 10.00 off, as a statement
 * whose figures disagree with the month before.
 */
export function monthlyStatements(
  first: string,
  months: number,
  options: { opening?: bigint; prefix?: string; wrongClosing?: string } = {},
): Array<{ month: string; name: string; bytes: Uint8Array; from: string; to: string; closing: string }> {
  let balance = options.opening ?? 500_000n;
  const out = [];
  const [y0, m0] = first.split("-").map(Number) as [number, number];
  for (let i = 0; i < months; i++) {
    const d = new Date(Date.UTC(y0, m0 - 1 + i, 1));
    const month = d.toISOString().slice(0, 7);
    const from = `${month}-01`;
    const to = monthEnd(month);
    const lines: OfxLine[] = MERCHANTS.slice(0, 3 + (i % 2)).map((name, k) => {
      const cents = name.startsWith("DEPOSIT")
        ? 150_000n + BigInt(i * 100)
        : -(4_000n + BigInt(i * 37 + k * 1_111));
      balance += cents;
      return {
        fitid: `${options.prefix ?? "W"}${month}-${k}`,
        date: addDays(from, 2 + k * 7),
        amount: formatMinor(cents, 2),
        name: `${name} ${month}`,
      };
    });
    const stated = month === options.wrongClosing ? balance + 1_000n : balance;
    const closing = formatMinor(stated, 2);
    out.push({
      month,
      name: `${month}.ofx`,
      bytes: ofxStatement({ from, to, closing, lines }),
      from,
      to,
      closing,
    });
  }
  return out;
}
