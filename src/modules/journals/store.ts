// SQL for journal sources (recurring entries and schedules) and their runs. Every query names the
// firm and client (row-level security checks it again).
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type {
  JournalRunsTable,
  JournalSourcesTable,
  JournalsTables,
  RunPart,
  RunState,
  SourceKind,
} from "./tables.ts";

export type SourceRow = Selectable<JournalSourcesTable>;
export type RunRow = Selectable<JournalRunsTable>;

interface Scope {
  firmId: string;
  clientId: string;
}

const q = (ex: Executor) => withTables<JournalsTables>(ex);

export interface NewSource {
  id: string;
  kind: SourceKind;
  name: string;
  terms: unknown;
  accounts: Record<string, string>;
  autoPost: boolean;
  autoReverse: boolean;
  createdBy: string;
  at: Date;
}

export async function insertSource(ex: Executor, s: Scope, src: NewSource): Promise<SourceRow> {
  return q(ex)
    .insertInto("journal_sources")
    .values({
      id: src.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      kind: src.kind,
      name: src.name,
      terms: JSON.stringify(src.terms),
      accounts: JSON.stringify(src.accounts),
      auto_post: src.autoPost,
      auto_reverse: src.autoReverse,
      active: true,
      created_by: src.createdBy,
      created_at: src.at,
      updated_at: src.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateSource(
  ex: Executor,
  s: Scope,
  id: string,
  patch: {
    name: string;
    terms: unknown;
    accounts: Record<string, string>;
    autoPost: boolean;
    autoReverse: boolean;
    active: boolean;
    at: Date;
  },
): Promise<SourceRow> {
  return q(ex)
    .updateTable("journal_sources")
    .set({
      name: patch.name,
      terms: JSON.stringify(patch.terms),
      accounts: JSON.stringify(patch.accounts),
      auto_post: patch.autoPost,
      auto_reverse: patch.autoReverse,
      active: patch.active,
      updated_at: patch.at,
    })
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getSource(ex: Executor, s: Scope, id: string): Promise<SourceRow | undefined> {
  return q(ex)
    .selectFrom("journal_sources")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function listSources(
  ex: Executor,
  s: Scope,
  options: { activeOnly?: boolean } = {},
): Promise<SourceRow[]> {
  let query = q(ex)
    .selectFrom("journal_sources")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId);
  if (options.activeOnly) query = query.where("active", "=", true);
  return query.orderBy("kind").orderBy("name").orderBy("id").execute();
}

/** The active sources of these clients (the Close Tracker board's set query). */
export async function activeSourcesOfClients(
  ex: Executor,
  firmId: string,
  clientIds: readonly string[],
): Promise<SourceRow[]> {
  if (!clientIds.length) return [];
  return q(ex)
    .selectFrom("journal_sources")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("client_id", "in", clientIds)
    .where("active", "=", true)
    .execute();
}

/** The runs of these clients' months ("YYYY-MM-01"), what the board needs of them. */
export async function runKeysOfClients(
  ex: Executor,
  firmId: string,
  clientIds: readonly string[],
  firstDays: readonly string[],
): Promise<Array<{ source_id: string; month: string; part: string; entry_id: string | null }>> {
  if (!clientIds.length || !firstDays.length) return [];
  return q(ex)
    .selectFrom("journal_runs")
    .select(["source_id", "month", "part", "entry_id"])
    .where("firm_id", "=", firmId)
    .where("client_id", "in", clientIds)
    .where("month", "in", firstDays)
    .execute();
}

export async function deleteSource(ex: Executor, s: Scope, id: string): Promise<void> {
  await q(ex)
    .deleteFrom("journal_sources")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .execute();
}

export async function runsOf(
  ex: Executor,
  s: Scope,
  filter: { month?: string; sourceId?: string },
): Promise<RunRow[]> {
  let query = q(ex)
    .selectFrom("journal_runs")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId);
  if (filter.month) query = query.where("month", "=", filter.month);
  if (filter.sourceId) query = query.where("source_id", "=", filter.sourceId);
  return query.orderBy("month").orderBy("source_id").orderBy("part").execute();
}

export interface NewRun {
  id: string;
  sourceId: string;
  month: string;
  part: RunPart;
  state: RunState;
  entryId: string | null;
  heldReason: string | null;
  at: Date;
}

/** Inserts a run unless the source already has one for the month and part (then undefined). */
export async function insertRun(ex: Executor, s: Scope, run: NewRun): Promise<RunRow | undefined> {
  return q(ex)
    .insertInto("journal_runs")
    .values({
      id: run.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      source_id: run.sourceId,
      month: run.month,
      part: run.part,
      state: run.state,
      entry_id: run.entryId,
      reversal_entry_id: null,
      held_reason: run.heldReason,
      approved_by: null,
      approved_at: null,
      created_at: run.at,
      updated_at: run.at,
    })
    .onConflict((oc) => oc.columns(["source_id", "month", "part"]).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateRun(
  ex: Executor,
  s: Scope,
  id: string,
  patch: Partial<
    Pick<RunRow, "state" | "entry_id" | "reversal_entry_id" | "held_reason" | "approved_by" | "approved_at">
  > & {
    updated_at: Date;
  },
): Promise<RunRow> {
  return q(ex)
    .updateTable("journal_runs")
    .set(patch)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockRun(ex: Executor, s: Scope, id: string): Promise<RunRow | undefined> {
  return q(ex)
    .selectFrom("journal_runs")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}
