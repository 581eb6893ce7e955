// Row types of the documents tables (migrations/0034_documents.sql).
import type { ColumnType, Generated } from "kysely";

export interface DocumentFoldersTable {
  id: string;
  firm_id: string;
  client_id: string;
  parent_id: string | null;
  name: string;
  system_key: string | null;
  bank_account_id: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface DocumentsTable {
  id: string;
  firm_id: string;
  client_id: string;
  folder_id: string;
  name: string;
  /** The first day of the statement month, as YYYY-MM-DD. */
  period: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DocumentVersionsTable {
  id: string;
  firm_id: string;
  client_id: string;
  document_id: string;
  version: number;
  blob_key: string;
  size: ColumnType<string, string | bigint | number, never>;
  sha256: string;
  content_type: string;
  file_name: string;
  created_by: string;
  created_at: Generated<Date>;
}

export interface DocumentsTables {
  document_folders: DocumentFoldersTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
}

export type FolderRow = {
  id: string;
  parent_id: string | null;
  name: string;
  system_key: string | null;
  bank_account_id: string | null;
  created_at: Date;
};
export type DocumentRow = {
  id: string;
  folder_id: string;
  name: string;
  period: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
};
export type VersionRow = {
  id: string;
  document_id: string;
  version: number;
  blob_key: string;
  size: string;
  sha256: string;
  content_type: string;
  file_name: string;
  created_by: string;
  created_at: Date;
};
