// Row types of the banking tables (see migrations/0015_banking_accounts.sql and 0016_bank_lines.sql).
import type { ColumnType, Generated } from "kysely";

type Json = ColumnType<unknown, string, string>;

export interface InstitutionsTable {
  id: string;
  firm_id: string;
  client_id: string;
  name: string;
  bank_code: string | null;
  created_at: Generated<Date>;
}

export interface ConnectionsTable {
  id: string;
  firm_id: string;
  client_id: string;
  institution_id: string;
  provider: string | null;
  state: "requested" | "setting_up" | "connected" | "disconnected";
  owner_id: string;
  owner_name: string;
  created_by: string;
  details: ColumnType<unknown, string | undefined, string>;
  last_error: string | null;
  last_synced_at: Date | null;
  removed_at: Date | null;
  removed_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ConnectionEventsTable {
  id: Generated<bigint>;
  firm_id: string;
  client_id: string;
  connection_id: string;
  event: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: string;
  actor_name: string;
  reason: string | null;
  occurred_at: Generated<Date>;
}

export interface ConnectionRequestsTable {
  id: string;
  firm_id: string;
  client_id: string;
  connection_id: string;
  kind: "connect" | "reconnect";
  requested_by: string;
  assignee_id: string | null;
  message: string | null;
  status: Generated<"open" | "done" | "cancelled">;
  created_at: Generated<Date>;
  closed_at: Date | null;
}

export interface BankAccountsTable {
  id: string;
  firm_id: string;
  client_id: string;
  short_name: string;
  name: string;
  kind: "bank" | "credit_card";
  currency: string;
  mask: string | null;
  account_number: string | null;
  institution_id: string | null;
  connection_id: string | null;
  ledger_account_id: string;
  csv_mapping: ColumnType<unknown, string | null, string | null> | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type ImportSource = "upload" | "cli" | "file-drop" | "api";

export interface StatementFilesTable {
  id: string;
  firm_id: string;
  client_id: string;
  bank_account_id: string;
  sha256: string;
  name: string;
  format: string;
  encoding: string | null;
  size: number;
  bytes: Uint8Array;
  uploaded_by: string;
  source: ImportSource;
  created_at: Generated<Date>;
}

export interface StatementsTable {
  id: string;
  firm_id: string;
  client_id: string;
  bank_account_id: string;
  statement_file_id: string;
  position: number;
  account_ref: string | null;
  currency: string;
  start_date: string | null;
  end_date: string | null;
  first_line_date: string | null;
  last_line_date: string | null;
  opening_balance: bigint | null;
  closing_balance: bigint | null;
  line_count: number;
  source_line: number | null;
  source_entry: string | null;
  raw: Json;
  created_at: Generated<Date>;
}

export interface BankImportsTable {
  id: string;
  firm_id: string;
  client_id: string;
  bank_account_id: string;
  statement_file_id: string;
  source: ImportSource;
  connection_id: string | null;
  imported_by: string;
  imported_by_name: string;
  total_lines: number;
  new_lines: number;
  duplicate_lines: number;
  warnings: Json;
  created_at: Generated<Date>;
}

export interface BankLinesTable {
  id: string;
  firm_id: string;
  client_id: string;
  bank_account_id: string;
  statement_file_id: string;
  statement_id: string;
  import_id: string;
  source_line: number | null;
  date: string;
  amount: bigint;
  currency: string;
  description: string;
  payee: string | null;
  reference: string | null;
  bank_transaction_id: string | null;
  fingerprint: string;
  occurrence: number;
  idem_key: string;
  fields: Json;
  created_at: Generated<Date>;
}

export interface BankingTables {
  institutions: InstitutionsTable;
  connections: ConnectionsTable;
  connection_events: ConnectionEventsTable;
  connection_requests: ConnectionRequestsTable;
  bank_accounts: BankAccountsTable;
  statement_files: StatementFilesTable;
  statements: StatementsTable;
  bank_imports: BankImportsTable;
  bank_lines: BankLinesTable;
}
