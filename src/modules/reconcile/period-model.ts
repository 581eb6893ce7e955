// The rules a reconciliation's period must keep against the account's earlier reconciliations, and
// where its opening balance comes from. Pure: values in, values out.
import { addDays } from "../../platform/dates.ts";

export interface Period {
  from: string;
  to: string;
}

export interface PeriodProblem {
  code: "reconcile/period-overlaps" | "reconcile/period-gap";
  detail: string;
}

/**
 * A new period may not overlap a completed reconciliation of the account, and must follow the
 * nearest earlier one without a gap (and end the day before the nearest later one starts): the
 * statements of an account chain, each opening where the one before closed.
 */
export function periodProblem(period: Period, completed: readonly Period[]): PeriodProblem | null {
  for (const c of completed)
    if (period.from <= c.to && period.to >= c.from)
      return {
        code: "reconcile/period-overlaps",
        detail: `${period.from} – ${period.to} overlaps the completed reconciliation of ${c.from} – ${c.to}; unreconcile it first or choose the period after it`,
      };
  const before = completed.filter((c) => c.to < period.from).sort((a, b) => (a.to < b.to ? 1 : -1))[0];
  if (before && addDays(before.to, 1) !== period.from)
    return {
      code: "reconcile/period-gap",
      detail: `the last reconciled period ends ${before.to}, so this one must start ${addDays(before.to, 1)}, not ${period.from}: ${addDays(before.to, 1)} – ${addDays(period.from, -1)} would be left unreconciled`,
    };
  const after = completed.filter((c) => c.from > period.to).sort((a, b) => (a.from < b.from ? -1 : 1))[0];
  if (after && addDays(period.to, 1) !== after.from)
    return {
      code: "reconcile/period-gap",
      detail: `the next reconciled period starts ${after.from}, so this one must end ${addDays(after.from, -1)}, not ${period.to}`,
    };
  return null;
}

/** Where the opening balance came from, strongest first: typed, the statement, the previous closing. */
export type OpeningSource = "given" | "statement" | "previous" | "derived";

/**
 * The opening balance: as given, else the statement's, else the closing balance of the reconciliation
 * just before, else (a first reconciliation from a file that states only its closing balance, as OFX
 * does) the closing balance less the period's lines — the lines cannot then be checked against it.
 */
export function openingOf(o: {
  given: bigint | null;
  statement: bigint | null;
  previousClosing: bigint | null;
  closing: bigint;
  lineSum: bigint;
}): { opening: bigint; source: OpeningSource } {
  if (o.given !== null) return { opening: o.given, source: "given" };
  if (o.statement !== null) return { opening: o.statement, source: "statement" };
  if (o.previousClosing !== null) return { opening: o.previousClosing, source: "previous" };
  return { opening: o.closing - o.lineSum, source: "derived" };
}
