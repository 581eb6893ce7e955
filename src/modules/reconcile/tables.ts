// Row types of the reconcile tables (migrations/0035_reconciliations.sql, 0038_auto_reconcile.sql).
import type { ColumnType, Generated } from "kysely";

/** jsonb: read as a value, written as JSON text (toJson). */
type Json = ColumnType<unknown, string | undefined, string>;

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

/** migrations/0038_auto_reconcile.sql: auto-reconcile and exclusion per bank account. */
export interface ReconcileSettingsTable {
  firm_id: string;
  client_id: string;
  bank_account_id: string;
  auto: boolean;
  excluded: boolean;
  excluded_reason: string | null;
  assignee_id: string | null;
  updated_by: string;
  updated_by_name: string;
  updated_at: Generated<Date>;
}

export type WriteUpStatus = "queued" | "running" | "done" | "failed";
export type StartDateChoice = "move-back" | "keep" | "not-needed";

export interface WriteUpBatchesTable {
  id: string;
  firm_id: string;
  client_id: string;
  bank_account_id: string;
  status: WriteUpStatus;
  start_date: StartDateChoice;
  requested_by: string;
  requested_by_name: string;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  files_total: number;
  files_read: Generated<number>;
  lines_imported: Generated<number>;
  months_total: Generated<number>;
  months_reconciled: Generated<number>;
  months_needing_person: Generated<number>;
  files: Json;
  months: Json;
  error: string | null;
}

export interface WriteUpFilesTable {
  firm_id: string;
  client_id: string;
  batch_id: string;
  position: number;
  name: string;
  bytes: Uint8Array | null;
}

export interface ReconcileTables {
  reconciliations: ReconciliationsTable;
  reconciliation_matches: ReconciliationMatchesTable;
  reconciled_lines: ReconciledLinesTable;
  reconcile_settings: ReconcileSettingsTable;
  write_up_batches: WriteUpBatchesTable;
  write_up_files: WriteUpFilesTable;
}
