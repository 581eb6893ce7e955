// Checks each statement against its own balances: opening balance plus the transactions should give the
// closing balance. A gap means missing or extra lines, which a bookkeeper must hear about before importing.
import { sameAmount, sumAmounts } from "./amount.ts";
import type { DetailedStatement } from "./types.ts";

export function balanceWarnings(statements: readonly DetailedStatement[]): string[] {
  const warnings: string[] = [];
  for (const s of statements) {
    if (s.openingBalance === null || s.closingBalance === null) continue;
    const computed = sumAmounts([s.openingBalance, ...s.transactions.map((t) => t.amount)]);
    if (!sameAmount(computed, s.closingBalance)) {
      const where = [
        s.account.id ? `account ${s.account.id}` : null,
        s.line !== null ? `line ${s.line}` : null,
      ]
        .filter((p) => p !== null)
        .join(", ");
      warnings.push(
        `The statement${where ? ` (${where})` : ""} does not add up: the opening balance ${s.openingBalance} plus ` +
          `its ${s.transactions.length} transaction${s.transactions.length === 1 ? "" : "s"} gives ${computed}, ` +
          `but the closing balance is ${s.closingBalance}.`,
      );
    }
  }
  return warnings;
}
