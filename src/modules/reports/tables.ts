// Row types of the reports tables (migrations/0030_reports.sql, 0032_report_packages.sql).
import type { ColumnType, Generated } from "kysely";

export interface ReportSettingsTable {
  client_id: string;
  firm_id: string;
  fiscal_year_start: number;
  updated_by: string;
  updated_at: Generated<Date>;
}

export interface ReportPackageSettingsTable {
  client_id: string;
  firm_id: string;
  statements: string[];
  trailing_twelve: boolean;
  prior_year: boolean;
  rounding: boolean;
  notes: string;
  updated_by: string;
  updated_at: Generated<Date>;
}

type Json = ColumnType<unknown, string, string>;

export interface ReportPackagesTable {
  id: string;
  firm_id: string;
  client_id: string;
  /** The first day of the month, "YYYY-MM-01". */
  month: string;
  version: number;
  status: "queued" | "running" | "done" | "failed";
  progress: Generated<number>;
  stage: string | null;
  error: string | null;
  options: Json;
  requested_by: string;
  requested_by_name: string;
  requested_at: Generated<Date>;
  finished_at: Date | null;
  ledger_version: bigint | null;
  warnings: ColumnType<unknown, string | null, string | null> | null;
  pdf: Uint8Array | null;
  xlsx: Uint8Array | null;
}

export interface ReportsTables {
  report_settings: ReportSettingsTable;
  report_package_settings: ReportPackageSettingsTable;
  report_packages: ReportPackagesTable;
}
