// Row types of the close module's tables (migrations/0045_close.sql, 0049_close_delivery.sql).
import type { ColumnType } from "kysely";
import type { Cadence } from "./timing-model.ts";

export type CloseStatus = "not_started" | "in_progress" | "ready_for_review" | "closed" | "reopened";
export type CloseMode = "hard" | "soft";

export interface CloseHolidaysTable {
  firm_id: string;
  day: string;
  name: string;
}

export interface CloseSettingsTable {
  firm_id: string;
  client_id: string;
  cadence: Cadence;
  weekly_due_day: number;
  close_mode: CloseMode;
  preparer_id: string | null;
  reviewer_id: string | null;
  updated_by: string;
  updated_at: Date;
}

export interface CloseCadenceChangesTable {
  firm_id: string;
  client_id: string;
  effective_from: string;
  cadence: Cadence;
  weekly_due_day: number;
  changed_by: string;
  changed_at: Date;
}

export interface ClosePeriodsTable {
  firm_id: string;
  client_id: string;
  /** First day of the month. */
  month: string;
  status: CloseStatus;
  preparer_id: string | null;
  reviewer_id: string | null;
  information_received_on: string | null;
  close_mode: CloseMode | null;
  closed_at: Date | null;
  closed_by: string | null;
  closed_by_name: string | null;
  override_reason: string | null;
  /** The report package closing e-mails to the client's contacts, and where that stands. */
  package_id: string | null;
  package_status: PackageDeliveryStatus | null;
  package_error: string | null;
  package_sent_at: Date | null;
  package_recipients: ColumnType<PackageRecipient[], string | undefined, string>;
  updated_at: Date;
}

export type PackageDeliveryStatus = "pending" | "sent" | "failed";

export interface PackageRecipient {
  userId: string;
  email: string;
  messageId: string;
  sentAt: string;
}

export interface ClosePeriodEventsTable {
  id: string;
  firm_id: string;
  client_id: string;
  month: string;
  action: "assigned" | "status" | "information" | "closed" | "reopened" | "package_sent" | "package_failed";
  status: CloseStatus | null;
  reason: string | null;
  detail: ColumnType<unknown, string, never>;
  by_user: string;
  by_name: string;
  at: Date;
}

export interface CloseTables {
  close_holidays: CloseHolidaysTable;
  close_settings: CloseSettingsTable;
  close_cadence_changes: CloseCadenceChangesTable;
  close_periods: ClosePeriodsTable;
  close_period_events: ClosePeriodEventsTable;
}
