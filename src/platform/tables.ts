// Row types of the platform's own tables, and the helper modules use to type their own tables.
import type { Generated, Kysely, ColumnType } from "kysely";

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface AuditEventsTable {
  id: Generated<bigint>;
  firm_id: string | null;
  client_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  before: ColumnType<unknown, string | null, string | null> | null;
  after: ColumnType<unknown, string | null, string | null> | null;
  occurred_at: Generated<Date>;
}

export interface JobQueueTable {
  id: Generated<bigint>;
  name: string;
  data: ColumnType<unknown, string, string>;
  state: Generated<string>;
  attempts: Generated<number>;
  run_after: Generated<Date>;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface OutboxMessagesTable {
  id: string;
  firm_id: string | null;
  channel: "email" | "sms";
  recipient: string;
  subject: string;
  body: string;
  kind: string;
  created_at: Generated<Date>;
}

export interface PlatformTables {
  schema_migrations: SchemaMigrationsTable;
  audit_events: AuditEventsTable;
  job_queue: JobQueueTable;
  outbox_messages: OutboxMessagesTable;
}

/** Views an executor (database or transaction) with a module's own tables typed. */
export function withTables<T>(executor: Kysely<PlatformTables>): Kysely<T & PlatformTables> {
  return executor as unknown as Kysely<T & PlatformTables>;
}
