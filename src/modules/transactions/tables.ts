// Row types of the Transaction Manager's tables (see migrations/0021_transactions.sql).
import type { ColumnType, Generated } from "kysely";
import type { AutomationMode, Band, Status } from "./model.ts";

type JsonOrNull = ColumnType<unknown, string | null, string | null> | null;

export interface BankAutomationTable {
  bank_account_id: string;
  firm_id: string;
  client_id: string;
  mode: AutomationMode;
  start_date: string | null;
  updated_by: string;
  updated_by_name: string;
  updated_at: Generated<Date>;
}

export interface TransactionsTable {
  id: string;
  firm_id: string;
  client_id: string;
  bank_account_id: string;
  bank_line_id: string;
  bank_ledger_account_id: string;
  date: string;
  /** Minor units at `scale` (also the amounts in `split` and `predicted_split`). */
  amount: bigint;
  currency: string;
  /** The decimals the client's ledger keeps `currency` at (the ISO scale for rows made before 0031). */
  scale: number;
  description: string;
  bank_payee: string | null;
  status: Status;
  status_reason: string;
  method: "rule" | "memory" | "client_model" | "global_model" | "default" | null;
  model_version: string | null;
  confidence: number | null;
  band: Band | null;
  explanation: string | null;
  reason: JsonOrNull;
  rule_id: string | null;
  predicted_account_id: string | null;
  predicted_payee: string | null;
  predicted_contact_id: string | null;
  predicted_class_id: string | null;
  predicted_split: JsonOrNull;
  account_id: string | null;
  payee: string | null;
  contact_id: string | null;
  class_id: string | null;
  department_id: string | null;
  memo: string | null;
  split: JsonOrNull;
  entry_id: string | null;
  posted_at: Date | null;
  /** The entry it points at was made elsewhere (a payroll entry's net pay, migrations/0047). */
  linked_entry_kind: Generated<"payroll" | null>;
  material: Generated<boolean>;
  assignee_id: string | null;
  edited_by: string | null;
  edited_by_name: string | null;
  edited_at: Date | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  learned: JsonOrNull;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TransactionTables {
  bank_automation: BankAutomationTable;
  transactions: TransactionsTable;
}
