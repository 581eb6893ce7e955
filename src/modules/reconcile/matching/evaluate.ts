// Scores a matching against the truth of synthetic books: what the benchmark and the property
// tests report. A confident match is true only when it is exactly one truth group, no line more
// or less; "left to a person" is every line not in a confident match, genuine extras included.
import type { MatchResult } from "./types.ts";
import type { TruthGroup } from "./synthetic.ts";

export interface MatchQuality {
  /** Lines (both sides) that have a counterpart in the truth. */
  matchableLines: number;
  /** Matchable lines in true confident matches, over all matchable lines. */
  confidentShare: number;
  /** Confident matches that are not a truth group. */
  falseConfident: number;
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

export function evaluateMatches(
  result: MatchResult,
  truth: readonly TruthGroup[],
  totals: { statement: number; ledger: number },
): MatchQuality {
  const truthKeys = new Set(truth.map((t) => key(t.statement, t.ledger)));
  let matchableLines = 0;
  for (const t of truth) matchableLines += t.statement.length + t.ledger.length;
  let confidentTrueLines = 0;
  let confidentLines = 0;
  let falseConfident = 0;
  let possibleTrue = 0;
  let possible = 0;
  for (const m of result.matches) {
    const isTrue = truthKeys.has(key(m.statement, m.ledger));
    const lines = m.statement.length + m.ledger.length;
    if (m.class === "confident") {
      confidentLines += lines;
      if (isTrue) confidentTrueLines += lines;
      else falseConfident++;
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
    possibleTrue,
    possible,
    leftToPersonShare: allLines ? (allLines - confidentLines) / allLines : 0,
    extrasLeftUnmatched: unmatched.filter((id) => !inTruth.has(id)).length,
    extras,
  };
}
