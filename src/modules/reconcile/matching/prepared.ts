// The working view the passes share: each side's lines in date order with what the passes compare
// precomputed once (day numbers, words, check numbers), and which match each line is in so far.
import { validationError } from "../../../platform/errors.ts";
import { businessDayNumber, dayNumber } from "./business-days.ts";
import { checkNumberOf, significantWords } from "./text.ts";
import type { LedgerLine, MatchClass, MatchKind, Statement, StatementLine } from "./types.ts";

export interface Line {
  /** Position in date order on its side; what matches and the `taken` array refer to. */
  index: number;
  id: string;
  date: string;
  day: number;
  businessDay: number;
  amount: bigint;
  description: string;
  words: string[];
  /** Ledger side only: the payee's words, compared like the description's. */
  payee: string | null;
  payeeWords: string[];
  check: string | null;
  /** The bank line: the statement line's own, or the one a ledger entry was posted from. */
  bankLineId: string | null;
}

/** A match while the passes run: positions on each side rather than ids. */
export interface Found {
  class: MatchClass;
  kind: MatchKind;
  score: number;
  reasons: string[];
  statement: number[];
  ledger: number[];
}

export interface Books {
  statement: Line[];
  ledger: Line[];
  /** For each position, the index in `found` of the match the line is in, or -1. */
  statementTaken: Int32Array;
  ledgerTaken: Int32Array;
  found: Found[];
  scale: number;
}

function byDate<T extends { date: string }>(lines: readonly T[], side: string): T[] {
  const seen = new Set<string>();
  for (const line of lines as readonly (T & { id: string })[]) {
    if (seen.has(line.id))
      throw validationError("reconcile/duplicate-line-id", `${side} line id "${line.id}" appears twice`, {
        field: `${side}.id`,
      });
    seen.add(line.id);
  }
  // A stable sort keeps the input order among lines of one day: two identical coffees pair in order.
  return [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function line(
  index: number,
  l: StatementLine | LedgerLine,
  check: string | null,
  bankLineId: string | null,
  payee: string | null,
): Line {
  const day = dayNumber(l.date);
  return {
    index,
    id: l.id,
    date: l.date,
    day,
    businessDay: businessDayNumber(day),
    amount: l.amount,
    description: l.description,
    words: significantWords(l.description),
    payee,
    payeeWords: payee ? significantWords(payee) : [],
    check,
    bankLineId,
  };
}

export function prepare(statement: Statement, ledger: readonly LedgerLine[]): Books {
  const s = byDate(statement.lines, "statement").map((l, i) =>
    line(i, l, checkNumberOf(l.checkNumber, l.description), l.bankLineId ?? null, null),
  );
  const g = byDate(ledger, "ledger").map((l, i) =>
    line(
      i,
      l,
      // A numeric reference is the check number only when the entry says it is a check.
      checkNumberOf(
        l.checkNumber ??
          (l.reference && /^\d+$/.test(l.reference) && /\b(check|chk|cheque)\b/i.test(l.description)
            ? l.reference
            : null),
        l.description,
      ),
      l.fromBankLineId ?? null,
      l.payee ?? null,
    ),
  );
  return {
    statement: s,
    ledger: g,
    statementTaken: new Int32Array(s.length).fill(-1),
    ledgerTaken: new Int32Array(g.length).fill(-1),
    found: [],
    scale: statement.scale ?? 2,
  };
}

/** Records a match and marks its lines taken. The caller has checked they were free. */
export function take(books: Books, match: Found): void {
  const at = books.found.length;
  books.found.push(match);
  for (const i of match.statement) books.statementTaken[i] = at;
  for (const j of match.ledger) books.ledgerTaken[j] = at;
}
