// Readable statement and ledger lines for the engine's tests: amounts as decimal strings, the rest
// optional. Only tests import this file.
import { parseDecimal } from "../../../platform/money.ts";
import type { LedgerLine, Statement, StatementLine } from "./types.ts";

export function st(
  id: string,
  date: string,
  amount: string,
  description: string,
  extra: Partial<StatementLine> = {},
): StatementLine {
  return { id, externalId: `FIT-${id}`, date, amount: parseDecimal(amount, 2), description, ...extra };
}

export function gl(
  id: string,
  date: string,
  amount: string,
  description: string,
  extra: Partial<LedgerLine> = {},
): LedgerLine {
  return { id, entryId: `e-${id}`, date, amount: parseDecimal(amount, 2), description, ...extra };
}

/** A statement for March 2026 whose closing balance is whatever its lines make from 1,000.00. */
export function statementOf(lines: StatementLine[], from = "2026-03-01", to = "2026-03-31"): Statement {
  const opening = 100_000n;
  return { from, to, opening, closing: opening + lines.reduce((t, l) => t + l.amount, 0n), lines };
}
