// Row types of the services module's tables (migrations/0048_services.sql).
import type { ColumnType } from "kysely";
import type { InfoKind, ServiceTier } from "./catalogue-model.ts";

export interface ServiceCatalogueTable {
  id: string;
  firm_id: string;
  code: string;
  name: string;
  tier: ServiceTier;
  /** { description, tasks, checklist, requiredInfo, cutOff } */
  definition: ColumnType<unknown, string, string>;
  work_template_id: string | null;
  archived_at: Date | null;
  updated_by: string;
  updated_at: Date;
}

export interface ClientServicesTable {
  firm_id: string;
  client_id: string;
  service_id: string;
  from_month: string;
  until_month: string | null;
  changed_by: string;
  changed_at: Date;
}

export interface CloseChecklistSignoffsTable {
  firm_id: string;
  client_id: string;
  month: string;
  item_key: string;
  service_code: string;
  text: string;
  prepared_by: string | null;
  prepared_by_name: string | null;
  prepared_at: Date | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
}

export type ReceivedVia = "document" | "statement_import" | "payroll_import" | "manual";

export interface RequiredInfoItemsTable {
  firm_id: string;
  client_id: string;
  month: string;
  item_key: string;
  kind: InfoKind;
  name: string;
  account_id: string | null;
  request_task_id: string | null;
  received_on: string | null;
  received_via: ReceivedVia | null;
  document_id: string | null;
  import_id: string | null;
  received_by: string | null;
  received_by_name: string | null;
  received_at: Date | null;
}

export interface ServicesTables {
  service_catalogue: ServiceCatalogueTable;
  client_services: ClientServicesTable;
  close_checklist_signoffs: CloseChecklistSignoffsTable;
  required_info_items: RequiredInfoItemsTable;
}
