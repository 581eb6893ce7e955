// Row types of the journals module's tables (migrations/0044_journals.sql, 0047_payroll.sql).
import type { ColumnType } from "kysely";

type Json<T> = ColumnType<T, string, string>;

export type SourceKind = "recurring" | "prepaid" | "depreciation" | "loan";
export type RunState = "draft" | "approved" | "posted" | "reversed";
export type RunPart = "main" | "disposal";

export interface JournalSourcesTable {
  id: string;
  firm_id: string;
  client_id: string;
  kind: SourceKind;
  name: string;
  terms: Json<unknown>;
  accounts: Json<Record<string, string>>;
  auto_post: boolean;
  auto_reverse: boolean;
  active: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface JournalRunsTable {
  id: string;
  firm_id: string;
  client_id: string;
  source_id: string;
  /** First day of the period, YYYY-MM-DD. */
  month: ColumnType<string, string, string>;
  part: RunPart;
  state: RunState;
  entry_id: string | null;
  reversal_entry_id: string | null;
  held_reason: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface PayrollMappingsTable {
  id: string;
  firm_id: string;
  client_id: string;
  provider: string;
  columns: Json<Record<string, string>>;
  accounts: Json<Record<string, string>>;
  department_accounts: Json<Record<string, string>>;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PayrollEntriesTable {
  id: string;
  firm_id: string;
  client_id: string;
  provider: string;
  pay_date: ColumnType<string, string, string>;
  state: RunState;
  entry_id: string;
  reversal_entry_id: string | null;
  bank_account_id: string;
  net_pay: ColumnType<bigint, bigint, bigint>;
  gross_wages: ColumnType<bigint, bigint, bigint>;
  employees: number;
  file_name: string;
  matched_transaction_id: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface JournalsTables {
  journal_sources: JournalSourcesTable;
  journal_runs: JournalRunsTable;
  payroll_mappings: PayrollMappingsTable;
  payroll_entries: PayrollEntriesTable;
}
