// Row types of the reconcile tables (migrations/0035_reconciliations.sql).
import type { Generated } from "kysely";

export type ReconciliationStatus = "in_progress" | "completed" | "unreconciled";
export type MatchStatus = "proposed" | "accepted" | "rejected";

export interface ReconciliationsTable {
  id: string;
  firm_id: string;
  client_id: string;
  bank_account_id: string;
  ledger_account_id: string;
  statement_id: string | null;
  period_from: string;
  period_to: string;
  currency: string;
  opening: bigint;
  closing: bigint;
  status: ReconciliationStatus;
  outstanding: Generated<string[]>;
  version: Generated<number>;
  started_by: string;
  started_by_name: string;
  started_at: Generated<Date>;
  updated_at: Generated<Date>;
  completed_by: string | null;
  completed_by_name: string | null;
  completed_at: Date | null;
  cleared_balance: bigint | null;
  unreconciled_by: string | null;
  unreconciled_at: Date | null;
  unreconcile_reason: string | null;
}

export interface ReconciliationMatchesTable {
  id: string;
  firm_id: string;
  client_id: string;
  reconciliation_id: string;
  position: number;
  class: "confident" | "possible";
  kind: "bank-line" | "check" | "amount" | "sum";
  score: number;
  reasons: string[];
  bank_line_ids: string[];
  ledger_line_ids: string[];
  status: MatchStatus;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface ReconciledLinesTable {
  firm_id: string;
  client_id: string;
  reconciliation_id: string;
  entry_id: string;
  line_no: number;
  date: string;
  amount: bigint;
}

export interface ReconcileTables {
  reconciliations: ReconciliationsTable;
  reconciliation_matches: ReconciliationMatchesTable;
  reconciled_lines: ReconciledLinesTable;
}
