// A reconciliation as JSON (amounts as decimal strings at the currency's scale): the API's shape,
// and the narrower shape `closebook reconcile` prints — a contract outside checks rely on.
import { formatMinor } from "../../platform/money.ts";
import type { StatementLine } from "./matching/index.ts";
import type { SideLedgerLine } from "./sides.ts";
import type { ReconciliationState } from "./state.ts";

export interface StatementLineJson {
  id: string;
  externalId: string;
  date: string;
  amount: string;
  description: string;
}

export interface LedgerLineJson {
  id: string;
  entryId: string;
  lineNo: number;
  reference: string | null;
  date: string;
  amount: string;
  description: string;
  outstanding: boolean;
}

export interface ReconciliationJson {
  id: string;
  bankAccountId: string;
  ledgerAccountId: string;
  statementId: string | null;
  status: "in_progress" | "completed" | "unreconciled";
  version: number;
  currency: string;
  period: { from: string; to: string };
  opening: string;
  closing: string;
  clearedDeposits: string;
  clearedPayments: string;
  clearedBalance: string;
  difference: string;
  startedBy: { id: string; name: string };
  startedAt: string;
  completedBy: { id: string; name: string } | null;
  completedAt: string | null;
  unreconciledAt: string | null;
  unreconcileReason: string | null;
  matches: Array<{
    id: string;
    class: "confident" | "possible";
    kind: "bank-line" | "check" | "amount" | "sum";
    score: number;
    reasons: string[];
    status: "proposed" | "accepted" | "rejected";
    decidedBy: string | null;
    statement: StatementLineJson[];
    ledger: LedgerLineJson[];
  }>;
  unmatched: { statement: StatementLineJson[]; ledger: LedgerLineJson[] };
}

export function reconciliationJson(st: ReconciliationState): ReconciliationJson {
  const money = (a: bigint) => formatMinor(a, st.scale);
  const row = st.row;
  const outstanding = new Set(row.outstanding);
  const statementById = new Map(st.statement.map((l) => [l.id, l]));
  const ledgerById = new Map(st.ledger.map((l) => [l.id, l]));
  const sLine = (l: StatementLine): StatementLineJson => ({
    id: l.id,
    externalId: l.externalId,
    date: l.date,
    amount: money(l.amount),
    description: l.description,
  });
  const lLine = (l: SideLedgerLine): LedgerLineJson => ({
    id: l.id,
    entryId: l.entryId,
    lineNo: l.lineNo,
    reference: l.reference ?? null,
    date: l.date,
    amount: money(l.amount),
    description: l.description,
    outstanding: outstanding.has(l.id),
  });
  const b = st.balances;
  return {
    id: row.id,
    bankAccountId: row.bank_account_id,
    ledgerAccountId: row.ledger_account_id,
    statementId: row.statement_id,
    status: row.status,
    version: row.version,
    currency: row.currency,
    period: { from: row.period_from, to: row.period_to },
    opening: money(row.opening),
    closing: money(row.closing),
    clearedDeposits: money(b.clearedDeposits),
    clearedPayments: money(b.clearedPayments),
    clearedBalance: money(b.clearedBalance),
    difference: money(b.difference),
    startedBy: { id: row.started_by, name: row.started_by_name },
    startedAt: row.started_at.toISOString(),
    completedBy: row.completed_by
      ? { id: row.completed_by, name: row.completed_by_name ?? row.completed_by }
      : null,
    completedAt: row.completed_at?.toISOString() ?? null,
    unreconciledAt: row.unreconciled_at?.toISOString() ?? null,
    unreconcileReason: row.unreconcile_reason,
    matches: st.matches.map((m) => ({
      id: m.id,
      class: m.class,
      kind: m.kind,
      score: m.score,
      reasons: m.reasons,
      status: m.status,
      decidedBy: m.decided_by,
      statement: m.bank_line_ids.flatMap((id) => {
        const l = statementById.get(id);
        return l ? [sLine(l)] : [];
      }),
      ledger: m.ledger_line_ids.flatMap((id) => {
        const l = ledgerById.get(id);
        return l ? [lLine(l)] : [];
      }),
    })),
    unmatched: { statement: st.unmatched.statement.map(sLine), ledger: st.unmatched.ledger.map(lLine) },
  };
}

/** The shape `closebook reconcile` prints (see the README): the matches that stand, both sides. */
export function cliJson(r: ReconciliationJson) {
  const s = (l: StatementLineJson) => ({
    externalId: l.externalId,
    date: l.date,
    amount: l.amount,
    description: l.description,
  });
  const g = (l: LedgerLineJson) => ({
    entryId: l.entryId,
    reference: l.reference,
    date: l.date,
    amount: l.amount,
    description: l.description,
  });
  return {
    period: r.period,
    opening: r.opening,
    closing: r.closing,
    clearedBalance: r.clearedBalance,
    difference: r.difference,
    matches: r.matches
      .filter((m) => m.status !== "rejected")
      .map((m) => ({
        class: m.class,
        score: m.score,
        reasons: m.reasons,
        statement: m.statement.map(s),
        ledger: m.ledger.map(g),
      })),
    unmatched: { statement: r.unmatched.statement.map(s), ledger: r.unmatched.ledger.map(g) },
  };
}
