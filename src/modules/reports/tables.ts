// Row types of the reports tables (migrations/0030_reports.sql).
import type { Generated } from "kysely";

export interface ReportSettingsTable {
  client_id: string;
  firm_id: string;
  fiscal_year_start: number;
  updated_by: string;
  updated_at: Generated<Date>;
}

export interface ReportsTables {
  report_settings: ReportSettingsTable;
}
