// Row types of the vault tables (migrations/0042_vault.sql).
import type { ColumnType } from "kysely";

/** text[] goes in as an array literal ("{…}") and comes back as an array. */
type TextArray = ColumnType<string[], string, string>;

export interface VaultMasterTable {
  id: ColumnType<number, number | undefined, never>;
  key_check: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  rotated_at: Date | null;
}

export interface VaultClientsTable {
  firm_id: string;
  client_id: string;
  wrapped_key: string;
  client_access: boolean;
  updated_by: string;
  updated_by_name: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface VaultEntriesTable {
  id: string;
  firm_id: string;
  client_id: string;
  site: string;
  url: string | null;
  nickname: string;
  tags: TextArray;
  username_sealed: string;
  secret_sealed: string;
  request_task_id: string | null;
  created_by: string;
  created_by_name: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_by: string;
  updated_by_name: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface VaultTables {
  vault_master: VaultMasterTable;
  vault_clients: VaultClientsTable;
  vault_entries: VaultEntriesTable;
}
