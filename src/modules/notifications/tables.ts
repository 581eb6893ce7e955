// Row types of the notification tables (migration 0006_notifications.sql).
import type { Generated } from "kysely";
import type { EmailChoice } from "./model.ts";

export interface NotificationsTable {
  id: string;
  firm_id: string;
  user_id: string;
  client_id: string | null;
  event: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
  in_app: boolean;
  digest: "daily" | "weekly" | null;
  digested_at: Date | null;
}

export interface NotificationSettingsTable {
  user_id: string;
  firm_id: string;
  event: string;
  in_app: boolean;
  email: EmailChoice;
  updated_at: Generated<Date>;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
}
