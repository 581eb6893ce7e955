// A reconciliation as a person sees it: its stored row and matches joined with the lines of both
// sides, what is still unmatched, and the live balances (closing − cleared balance). Every service
// builds it the same way, so the difference shown is the difference completion checks.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import { isoScale } from "../../platform/money.ts";
import * as ledger from "../ledger/index.ts";
import { reconciliationBalances, type ReconciliationBalances, type StatementLine } from "./matching/index.ts";
import * as store from "./reconciliation-store.ts";
import type { MatchRow, ReconciliationRow } from "./reconciliation-store.ts";
import { ledgerLines, statementLines, type SideLedgerLine } from "./sides.ts";
import type { Scope } from "./reconciliation-store.ts";

export interface ReconciliationState {
  row: ReconciliationRow;
  scale: number;
  statement: StatementLine[];
  /** Ledger lines on the table: not cleared by another reconciliation. */
  ledger: SideLedgerLine[];
  matches: MatchRow[];
  /** Matches that count (proposed or accepted), by line id on each side. */
  unmatched: { statement: StatementLine[]; ledger: SideLedgerLine[] };
  /** The ledger lines of accepted matches (what completion clears). */
  cleared: SideLedgerLine[];
  balances: ReconciliationBalances;
}

/** Days before the period the ledger side reaches back: a year once a month has been reconciled. */
export function lookBackFor(hasEarlier: boolean): number {
  return hasEarlier ? 366 : 14;
}

export async function completedBefore(ex: Executor, s: Scope, row: ReconciliationRow): Promise<boolean> {
  return (await store.listOf(ex, s, row.bank_account_id)).some(
    (r) => r.status === "completed" && r.id !== row.id && r.period_to < row.period_from,
  );
}

/** The lines of both sides for a reconciliation's account and period (matches not applied). */
export async function sidesOf(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  s: Scope,
  row: ReconciliationRow,
): Promise<{ statement: StatementLine[]; ledger: SideLedgerLine[] }> {
  const period = { from: row.period_from, to: row.period_to };
  const lookBack = lookBackFor(await completedBefore(ctx.db, s, row));
  const [statement, allLedger] = await Promise.all([
    statementLines(ctx, actor, clientRef, row.bank_account_id, period),
    ledgerLines(
      ctx,
      actor,
      clientRef,
      { ledgerAccountId: row.ledger_account_id, currency: row.currency },
      period,
      lookBack,
    ),
  ]);
  const cleared = await store.clearedAmong(
    ctx.db,
    s,
    allLedger.map((l) => l.entryId),
  );
  return {
    statement,
    ledger: allLedger.filter((l) => {
      const by = cleared.get(l.id);
      return by === undefined || by === row.id;
    }),
  };
}

export async function stateOf(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  s: Scope,
  row: ReconciliationRow,
): Promise<ReconciliationState> {
  const [sides, matches, scales] = await Promise.all([
    sidesOf(ctx, actor, clientRef, s, row),
    store.matchesOf(ctx.db, s, row.id),
    ledger.currencyScalesFor(ctx, actor, clientRef),
  ]);
  return assemble(row, sides, matches, scales.get(row.currency) ?? isoScale(row.currency));
}

/** Joins matches and lines (pure; a match's line that has since gone is left out of it). */
export function assemble(
  row: ReconciliationRow,
  sides: { statement: StatementLine[]; ledger: SideLedgerLine[] },
  matches: MatchRow[],
  scale: number,
): ReconciliationState {
  const live = matches.filter((m) => m.status !== "rejected");
  const matchedStatement = new Set(live.flatMap((m) => m.bank_line_ids));
  const matchedLedger = new Set(live.flatMap((m) => m.ledger_line_ids));
  const accepted = new Set(matches.filter((m) => m.status === "accepted").flatMap((m) => m.ledger_line_ids));
  const cleared = sides.ledger.filter((l) => accepted.has(l.id));
  return {
    row,
    scale,
    statement: sides.statement,
    ledger: sides.ledger,
    matches,
    unmatched: {
      statement: sides.statement.filter((l) => !matchedStatement.has(l.id)),
      // Lines after the period that nothing matched are not this statement's business.
      ledger: sides.ledger.filter((l) => !matchedLedger.has(l.id) && l.date <= row.period_to),
    },
    cleared,
    balances: reconciliationBalances({ opening: row.opening, closing: row.closing }, cleared),
  };
}
