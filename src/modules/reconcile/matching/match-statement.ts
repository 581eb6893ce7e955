// The matching engine's entry point: runs the passes in order of the strength of their evidence,
// each on the lines the earlier ones left, so no line is ever in two matches.
import { matchByAmount } from "./pass-amount.ts";
import { matchByBankLine } from "./pass-bank-line.ts";
import { matchByCheckNumber } from "./pass-check.ts";
import { matchBySum } from "./pass-sum.ts";
import { prepare } from "./prepared.ts";
import {
  DEFAULT_OPTIONS,
  type LedgerLine,
  type Match,
  type MatchOptions,
  type MatchResult,
  type Statement,
} from "./types.ts";

/**
 * Matches a statement's lines with the ledger lines of the linked account. Pure and deterministic:
 * the same input gives the same output, line order within a day included. Throws a validation
 * AppError when an id appears twice on one side.
 */
export function matchStatement(
  statement: Statement,
  ledger: readonly LedgerLine[],
  options: Partial<MatchOptions> = {},
): MatchResult {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const books = prepare(statement, ledger);
  matchByBankLine(books);
  matchByCheckNumber(books);
  matchByAmount(books, o);
  matchBySum(books, o);

  const firstStatement = (m: { statement: number[] }) => m.statement[0] ?? Number.MAX_SAFE_INTEGER;
  const matches: Match[] = [...books.found]
    .sort((a, b) => firstStatement(a) - firstStatement(b) || (a.ledger[0] ?? 0) - (b.ledger[0] ?? 0))
    .map((m) => ({
      class: m.class,
      kind: m.kind,
      score: m.score,
      reasons: m.reasons,
      statement: m.statement.map((i) => books.statement[i]!.id),
      ledger: m.ledger.map((j) => books.ledger[j]!.id),
    }));
  return {
    matches,
    unmatched: {
      statement: books.statement.filter((l) => books.statementTaken[l.index] === -1).map((l) => l.id),
      ledger: books.ledger.filter((l) => books.ledgerTaken[l.index] === -1).map((l) => l.id),
    },
  };
}
