// Row types of the journals module's tables (migrations/0044_journals.sql).
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

export interface JournalsTables {
  journal_sources: JournalSourcesTable;
  journal_runs: JournalRunsTable;
}
