// The reconcile screen's rows (pure): each proposed or decided match as one row joining its
// statement lines (left) and ledger lines (right), then the statement lines nobody matched, then
// the ledger lines nobody matched; the class filter; titles for errors the API gives; the period
// a new reconciliation proposes.
import type { LedgerSide, RecMatch, Reconciliation, StatementSide } from "../../api/reconcile.ts";
import { ApiError } from "../../api/problem.ts";

export type ClassFilter = "all" | "confident" | "possible" | "none";

export type ScreenRow =
  | { kind: "match"; key: string; match: RecMatch; statement: StatementSide[]; ledger: LedgerSide[] }
  | { kind: "statement"; key: string; line: StatementSide }
  | { kind: "ledger"; key: string; line: LedgerSide };

/**
 * A rejected match frees its lines, which the server lists as unmatched (each with its own actions);
 * the rejected row stays, greyed, while all its lines are still free, so the rejection can be undone.
 */
export function screenRows(r: Reconciliation): ScreenRow[] {
  const free = new Set([...r.unmatched.statement, ...r.unmatched.ledger].map((l) => l.id));
  const rows: ScreenRow[] = [];
  const order = { proposed: 0, accepted: 1, rejected: 2 } as const;
  const matches = [...r.matches].sort(
    (a, b) =>
      order[a.status] - order[b.status] ||
      (a.statement[0]?.date ?? a.ledger[0]?.date ?? "").localeCompare(
        b.statement[0]?.date ?? b.ledger[0]?.date ?? "",
      ),
  );
  for (const m of matches)
    if (m.status !== "rejected" || [...m.statement, ...m.ledger].every((l) => free.has(l.id)))
      rows.push({ kind: "match", key: `m:${m.id}`, match: m, statement: m.statement, ledger: m.ledger });
  for (const l of r.unmatched.statement) rows.push({ kind: "statement", key: `s:${l.id}`, line: l });
  for (const l of r.unmatched.ledger) rows.push({ kind: "ledger", key: `l:${l.id}`, line: l });
  return rows;
}

export function classOf(row: ScreenRow): Exclude<ClassFilter, "all"> {
  return row.kind === "match" ? row.match.class : "none";
}

export function filterRows(rows: ScreenRow[], filter: ClassFilter): ScreenRow[] {
  return filter === "all" ? rows : rows.filter((r) => classOf(r) === filter);
}

export function countsOf(rows: ScreenRow[]): Record<ClassFilter, number> {
  const c = { all: rows.length, confident: 0, possible: 0, none: 0 };
  for (const r of rows) c[classOf(r)]++;
  return c;
}

/** "0.00", "-0.00", "0" are zero. */
export const isZero = (amount: string) => /^[+-]?0*(\.0*)?$/.test(amount);

/** The next selection for j (down) or k (up), kept within the rows. */
export function moveSelection(index: number, count: number, key: "j" | "k"): number {
  if (count === 0) return 0;
  const next = key === "j" ? index + 1 : index - 1;
  return Math.max(0, Math.min(count - 1, next));
}

/** A heading for the API's refusals a person acts on differently. */
export function problemTitle(error: unknown): string {
  const code = error instanceof ApiError ? (error.problem.code ?? "") : "";
  switch (code) {
    case "reconcile/period-locked":
      return "This period is locked";
    case "reconcile/in-progress":
      return "Someone else is reconciling this account";
    case "reconcile/difference-not-zero":
      return "The difference is not zero";
    case "reconcile/stale-version":
      return "The reconciliation changed meanwhile";
    case "reconcile/closing-balance-needed":
      return "Type the statement's closing balance";
    case "statement/lines-do-not-sum":
      return "The statement does not add up";
    default:
      return "That did not work";
  }
}

/** "2026-11-30" → "2026-12-01"; "2026-12-31" → "2027-01-01" (calendar arithmetic on ISO dates). */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function endOfMonth(date: string): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

/**
 * The period a new reconciliation proposes: the month after the last reconciled one, or else the
 * last whole month before today.
 */
export function proposedPeriod(lastReconciledTo: string | null, today: string): { from: string; to: string } {
  if (lastReconciledTo) {
    const from = nextDay(lastReconciledTo);
    return { from, to: endOfMonth(from) };
  }
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  const d = new Date(`${firstOfThisMonth}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  const from = d.toISOString().slice(0, 10);
  return { from, to: endOfMonth(from) };
}
