// Row types of the ledger tables (see migrations/0003_ledger.sql).
import type { ColumnType, Generated } from "kysely";
import type { AccountType, NormalBalance } from "./model.ts";

export interface CurrenciesTable {
  firm_id: string;
  client_id: string;
  code: string;
  scale: number;
  display: ColumnType<unknown, string | null, string | null> | null;
  created_at: Generated<Date>;
}

export interface AccountsTable {
  id: string;
  firm_id: string;
  client_id: string;
  number: string | null;
  name: string;
  full_name: string;
  type: AccountType;
  detail_type: string;
  parent_id: string | null;
  normal_balance: NormalBalance;
  is_active: Generated<boolean>;
  description: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ContactsTable {
  id: string;
  firm_id: string;
  client_id: string;
  kind: "vendor" | "customer" | "employee" | "other";
  name: string;
  email: string | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DimensionsTable {
  id: string;
  firm_id: string;
  client_id: string;
  kind: "class" | "department" | "location" | "project";
  name: string;
  parent_id: string | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ClientSequencesTable {
  client_id: string;
  name: string;
  next_value: bigint;
}

export interface JournalEntriesTable {
  id: string;
  firm_id: string;
  client_id: string;
  number: bigint;
  date: string;
  description: string;
  reference: string | null;
  status: "draft" | "posted";
  source: string;
  reverses_entry_id: string | null;
  comment: string | null;
  draft_lines: ColumnType<unknown, string | null, string | null> | null;
  created_by: string;
  created_at: Generated<Date>;
  posted_at: Date | null;
  /** Content fingerprint of an imported journal transaction ("j:<hash>#<occurrence>"), else null. */
  import_key: string | null;
}

export interface JournalLinesTable {
  firm_id: string;
  client_id: string;
  entry_id: string;
  line_no: number;
  date: string;
  account_id: string;
  amount: bigint;
  currency: string;
  cost_amount: bigint | null;
  cost_currency: string | null;
  is_conversion: boolean;
  is_virtual: boolean;
  contact_id: string | null;
  class_id: string | null;
  department_id: string | null;
  location_id: string | null;
  project_id: string | null;
  memo: string | null;
}

export interface AccountBalancesTable {
  firm_id: string;
  client_id: string;
  account_id: string;
  currency: string;
  month: string;
  debit: bigint;
  credit: bigint;
}

/** Monthly movement at cost per account and dimension value (0037_dimension_balances.sql). */
export interface DimensionBalancesTable {
  firm_id: string;
  client_id: string;
  kind: "class" | "department" | "location" | "project";
  month: string;
  dimension_id: string;
  account_id: string;
  currency: string;
  amount: bigint;
}

export interface PeriodsTable {
  firm_id: string;
  client_id: string;
  month: string;
  /** soft_closed: the Close Tracker closed it softly; items dated in it post to the next open month. */
  status: "open" | "locked" | "soft_closed";
  changed_by: string;
  changed_at: Generated<Date>;
}

export interface LedgerVersionsTable {
  client_id: string;
  firm_id: string;
  version: bigint;
}

export interface LedgerTables {
  ledger_versions: LedgerVersionsTable;
  currencies: CurrenciesTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  dimensions: DimensionsTable;
  client_sequences: ClientSequencesTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  account_balances: AccountBalancesTable;
  dimension_balances: DimensionBalancesTable;
  periods: PeriodsTable;
}
