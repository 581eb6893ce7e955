// Scores a matching against the truth of synthetic books: what the benchmark and the property
// tests report. A confident match is true only when it is exactly one truth group, no line more
// or less; "left to a person" is every line not in a confident match, genuine extras included.
// One exception is counted apart: two ledger lines identical in date, amount and payee (the
// generator's look-alikes can be) cannot be told apart by anyone, so pairing each with the other's
// statement line is a swap, not an error: the same lines clear and the same balance results.
import type { LedgerLine, MatchResult } from "./types.ts";
import type { SyntheticBooks } from "./synthetic.ts";

export interface MatchQuality {
  /** Lines (both sides) that have a counterpart in the truth. */
  matchableLines: number;
  /** Matchable lines in true confident matches, over all matchable lines. */
  confidentShare: number;
  /** Confident matches that are not a truth group, swaps of identical lines included. */
  falseConfident: number;
  /** Of those, one-to-one matches that differ from the truth only by a swap of identical ledger lines. */
  identicalSwaps: number;
  /** Possible matches that are a truth group, and all possible matches. */
  possibleTrue: number;
  possible: number;
  /** Lines (both sides, all of them) not in a confident match, over all lines. */
  leftToPersonShare: number;
  /** Lines with no counterpart that the engine left unmatched, and all such lines. */
  extrasLeftUnmatched: number;
  extras: number;
}

const key = (statement: readonly string[], ledger: readonly string[]) =>
  `${[...statement].sort().join(",")}|${[...ledger].sort().join(",")}`;

const identical = (a: LedgerLine | undefined, b: LedgerLine | undefined) =>
  a !== undefined &&
  b !== undefined &&
  a.date === b.date &&
  a.amount === b.amount &&
  (a.payee ?? a.description) === (b.payee ?? b.description);

export function evaluateMatches(result: MatchResult, books: SyntheticBooks): MatchQuality {
  const truth = books.truth;
  const totals = { statement: books.statement.lines.length, ledger: books.ledger.length };
  const truthKeys = new Set(truth.map((t) => key(t.statement, t.ledger)));
  const partner = new Map<string, string>();
  for (const t of truth)
    if (t.statement.length === 1 && t.ledger.length === 1) partner.set(t.statement[0]!, t.ledger[0]!);
  const ledgerById = new Map(books.ledger.map((l) => [l.id, l]));
  let matchableLines = 0;
  for (const t of truth) matchableLines += t.statement.length + t.ledger.length;
  let confidentTrueLines = 0;
  let confidentLines = 0;
  let falseConfident = 0;
  let identicalSwaps = 0;
  let possibleTrue = 0;
  let possible = 0;
  for (const m of result.matches) {
    const isTrue = truthKeys.has(key(m.statement, m.ledger));
    const lines = m.statement.length + m.ledger.length;
    if (m.class === "confident") {
      confidentLines += lines;
      if (isTrue) confidentTrueLines += lines;
      else {
        falseConfident++;
        const own = partner.get(m.statement[0] ?? "");
        if (m.statement.length === 1 && m.ledger.length === 1 && own !== undefined)
          if (identical(ledgerById.get(own), ledgerById.get(m.ledger[0]!))) identicalSwaps++;
      }
    } else {
      possible++;
      if (isTrue) possibleTrue++;
    }
  }
  const inTruth = new Set(truth.flatMap((t) => [...t.statement, ...t.ledger]));
  const unmatched = [...result.unmatched.statement, ...result.unmatched.ledger];
  const allLines = totals.statement + totals.ledger;
  const extras = allLines - inTruth.size;
  return {
    matchableLines,
    confidentShare: matchableLines ? confidentTrueLines / matchableLines : 1,
    falseConfident,
    identicalSwaps,
    possibleTrue,
    possible,
    leftToPersonShare: allLines ? (allLines - confidentLines) / allLines : 0,
    extrasLeftUnmatched: unmatched.filter((id) => !inTruth.has(id)).length,
    extras,
  };
}
