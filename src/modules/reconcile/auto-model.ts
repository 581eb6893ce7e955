// What Closebook does with a statement period by itself (pure): which statements it takes, in
// which order, and whether a reconciliation it started may complete or waits for a person, in words.
import type { Period } from "./period-model.ts";

export type AutoResult = "completed" | "needs-person" | "waiting" | "skipped";

/** One statement period and what Closebook did with it. */
export interface AutoOutcome {
  statementId: string | null;
  period: Period;
  result: AutoResult;
  reconciliationId: string | null;
  /** Why a person is needed, or why the period was left alone; null when completed. */
  reason: string | null;
  /** The difference left (decimal), when a reconciliation was started. */
  difference: string | null;
  /** Possible matches waiting for a person's decision. */
  possible: number;
}

export interface StatementPeriod {
  id: string;
  from: string | null;
  to: string | null;
}

/** Statements with a period, oldest first (a reconciliation chains from one month to the next). */
export function inOrder<T extends StatementPeriod>(statements: readonly T[]): Array<T & Period> {
  return statements
    .filter((s): s is T & Period => s.from !== null && s.to !== null)
    .sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1));
}

/**
 * A reconciliation Closebook started completes by itself only at a zero difference with no possible
 * match left to decide; otherwise it waits, and the reason says what for.
 */
export function verdict(input: {
  difference: bigint;
  differenceText: string;
  possible: number;
  unmatchedStatement: number;
}): { complete: boolean; reason: string | null } {
  const parts: string[] = [];
  if (input.difference !== 0n) parts.push(`the difference is ${input.differenceText}`);
  if (input.possible > 0)
    parts.push(
      `${input.possible} possible ${input.possible === 1 ? "match waits" : "matches wait"} for a decision`,
    );
  if (input.difference !== 0n && input.unmatchedStatement > 0)
    parts.push(
      `${input.unmatchedStatement} statement ${input.unmatchedStatement === 1 ? "line has" : "lines have"} no ledger entry`,
    );
  return parts.length === 0 ? { complete: true, reason: null } : { complete: false, reason: sentence(parts) };
}

function sentence(parts: string[]): string {
  const text = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)!}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const overlaps = (a: Period, b: Period): boolean => a.from <= b.to && a.to >= b.from;
