// Row types of the categorization tables (see migrations/0020_categorize.sql).
import type { ColumnType, Generated } from "kysely";

/** jsonb: written as a JSON string, read back parsed. */
type Json = ColumnType<unknown, string, string>;

export interface CategorizeRulesTable {
  id: string;
  firm_id: string;
  client_id: string;
  name: string;
  match: "all" | "any";
  conditions: Json;
  actions: Json;
  enabled: Generated<boolean>;
  version: Generated<number>;
  origin: "manual" | "correction";
  source_transaction_id: string | null;
  created_by: string;
  created_by_name: string;
  updated_by: string;
  updated_by_name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AiSettingsTable {
  client_id: string;
  firm_id: string;
  training_from: string | null;
  training_to: string | null;
  excluded_account_ids: Json;
  materiality: bigint | null;
  high_confidence: number;
  medium_confidence: number;
  low_confidence: "post_default" | "hold";
  default_expense_account_id: string | null;
  default_income_account_id: string | null;
  default_payee_contact_id: string | null;
  default_assignee_id: string | null;
  updated: Json;
  updated_by: string;
  updated_by_name: string;
  updated_at: Generated<Date>;
}

export interface AccountCategoriesTable {
  firm_id: string;
  client_id: string;
  account_id: string;
  category: string | null;
  updated_by: string;
  updated_by_name: string;
  updated_at: Generated<Date>;
}

export interface CategorizeMemoryTable {
  firm_id: string;
  client_id: string | null;
  key: string;
  tally: Json;
  updated_at: Generated<Date>;
}

export interface CategorizeStateTable {
  client_id: string;
  firm_id: string;
  learned: Generated<bigint>;
  pending_corrections: Generated<number>;
  training_queued: Generated<boolean>;
  /** See TrainingProgress (model-store.ts); null before any tracked training. */
  training_progress: unknown;
}

export interface CategorizeModelsTable {
  id: string;
  firm_id: string;
  client_id: string | null;
  version: string;
  generation: number;
  state: Uint8Array;
  rows: number;
  trained_through: string | null;
  held_out: ColumnType<unknown, string | null, string | null> | null;
  is_current: boolean;
  trained_by: string;
  trained_by_name: string;
  trained_at: Generated<Date>;
}

export interface CategorizeTables {
  categorize_rules: CategorizeRulesTable;
  ai_settings: AiSettingsTable;
  account_categories: AccountCategoriesTable;
  categorize_memory: CategorizeMemoryTable;
  categorize_state: CategorizeStateTable;
  categorize_models: CategorizeModelsTable;
}
