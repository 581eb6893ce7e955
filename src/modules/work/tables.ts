// Row types of the work module's tables (migrations/0033_work.sql).
import type { ColumnType, Generated } from "kysely";
import type { Recurrence } from "./calendar-model.ts";
import type { Priority, TaskStatus, TaskType } from "./model.ts";

type Json<T> = ColumnType<T, string, string>;
type JsonOrNull<T> = ColumnType<T | null, string | null, string | null>;
/** uuid[] goes in as an array literal ("{…}") and comes back as an array. */
type UuidArray = ColumnType<string[], string, string>;

export interface ProjectTemplatesTable {
  id: string;
  firm_id: string;
  name: string;
  recurrence: Recurrence;
  blueprints: Json<unknown>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  archived_at: Date | null;
}

export interface ProjectTemplateClientsTable {
  template_id: string;
  firm_id: string;
  client_id: string;
  first_period: string;
  added_by: string;
  added_at: Generated<Date>;
}

export interface ProjectsTable {
  id: string;
  firm_id: string;
  client_id: string;
  name: string;
  template_id: string | null;
  period: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface TasksTable {
  id: string;
  firm_id: string;
  client_id: string;
  project_id: string | null;
  type: TaskType;
  title: string;
  description: string;
  status: TaskStatus;
  priority: Priority;
  due_date: string | null;
  assignee_kind: "user" | "client" | "none";
  assignee_user_id: string | null;
  watchers: UuidArray;
  folder: string | null;
  connection_id: string | null;
  credential: JsonOrNull<unknown>;
  system_key: string | null;
  template_index: number | null;
  created_by: string;
  created_by_name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  closed_at: Date | null;
  deleted_at: Date | null;
}

export interface TaskChecklistItemsTable {
  id: string;
  firm_id: string;
  client_id: string;
  task_id: string;
  position: number;
  text: string;
  done: Generated<boolean>;
  done_by: string | null;
  done_at: Date | null;
}

export interface TaskAttachmentsTable {
  task_id: string;
  document_id: string;
  firm_id: string;
  client_id: string;
  added_by: string;
  added_at: Generated<Date>;
}

export interface TaskEventsTable {
  id: string;
  firm_id: string;
  client_id: string;
  task_id: string;
  at: Generated<Date>;
  actor_id: string;
  actor_name: string;
  event: string;
  detail: JsonOrNull<unknown>;
}

export interface WorkTables {
  project_templates: ProjectTemplatesTable;
  project_template_clients: ProjectTemplateClientsTable;
  projects: ProjectsTable;
  tasks: TasksTable;
  task_checklist_items: TaskChecklistItemsTable;
  task_attachments: TaskAttachmentsTable;
  task_events: TaskEventsTable;
}
