// SQL for tasks, their checklist items, attachments and events: nothing else.
import { sql, type Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import { toJson } from "../../platform/json.ts";
import { arrayLiteral } from "../../platform/sql-arrays.ts";
import { newId } from "../../platform/ids.ts";
import type { Viewer } from "./scope.ts";
import type { TaskStatus, TaskType } from "./model.ts";
import type { TasksTable, WorkTables } from "./tables.ts";

export const q = (ex: Executor) => withTables<WorkTables>(ex);

export type TaskRow = Selectable<TasksTable>;

export interface NewTask {
  id: string;
  firm_id: string;
  client_id: string;
  project_id: string | null;
  type: TaskType;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TasksTable["priority"];
  due_date: string | null;
  assignee_kind: TasksTable["assignee_kind"];
  assignee_user_id: string | null;
  watchers: readonly string[];
  folder: string | null;
  connection_id: string | null;
  credential: unknown;
  system_key: string | null;
  template_index: number | null;
  created_by: string;
  created_by_name: string;
  closed_at?: Date | null;
}

const row = (t: NewTask) => ({
  ...t,
  watchers: arrayLiteral(t.watchers),
  credential: t.credential == null ? null : toJson(t.credential),
});

export async function insertTasks(ex: Executor, tasks: readonly NewTask[]): Promise<void> {
  if (tasks.length === 0) return;
  await q(ex).insertInto("tasks").values(tasks.map(row)).execute();
}

/** Inserts a system task unless its key exists for the client; true when it was inserted. */
export async function insertTaskOnce(ex: Executor, task: NewTask): Promise<boolean> {
  const r = await q(ex)
    .insertInto("tasks")
    .values(row(task))
    .onConflict((oc) => oc.columns(["client_id", "system_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return r !== undefined;
}

export async function taskById(ex: Executor, firmId: string, id: string): Promise<TaskRow | undefined> {
  return q(ex)
    .selectFrom("tasks")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

export async function tasksByIds(ex: Executor, firmId: string, ids: readonly string[]): Promise<TaskRow[]> {
  if (ids.length === 0) return [];
  return q(ex)
    .selectFrom("tasks")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("id", "in", ids)
    .where("deleted_at", "is", null)
    .forUpdate()
    .execute();
}

export async function taskBySystemKey(
  ex: Executor,
  s: { firmId: string; clientId: string },
  key: string,
): Promise<TaskRow | undefined> {
  return q(ex)
    .selectFrom("tasks")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("firm_id", "=", s.firmId)
    .where("system_key", "=", key)
    .executeTakeFirst();
}

export async function openSystemTasks(
  ex: Executor,
  s: { firmId: string; clientId: string },
  keyPrefix: string,
): Promise<TaskRow[]> {
  return q(ex)
    .selectFrom("tasks")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("firm_id", "=", s.firmId)
    .where("system_key", "like", `${keyPrefix.replace(/[\\%_]/g, "\\$&")}%`)
    .where("status", "in", ["to_do", "in_progress"])
    .where("deleted_at", "is", null)
    .execute();
}

export type TaskPatch = Partial<
  Pick<
    TasksTable,
    | "title"
    | "description"
    | "status"
    | "priority"
    | "due_date"
    | "assignee_kind"
    | "assignee_user_id"
    | "project_id"
    | "closed_at"
    | "deleted_at"
  >
> & { watchers?: readonly string[] };

export async function updateTask(
  ex: Executor,
  firmId: string,
  id: string,
  patch: TaskPatch,
): Promise<TaskRow> {
  const { watchers, ...rest } = patch;
  return q(ex)
    .updateTable("tasks")
    .set({ ...rest, ...(watchers ? { watchers: arrayLiteral(watchers) } : {}), updated_at: new Date() })
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── lists ──────────────────────────────────────────────────────────────────────────────────────

export interface TaskFilter {
  assignee: { kind: "any" } | { kind: "user"; userId: string } | { kind: "client" } | { kind: "none" };
  statuses: readonly TaskStatus[];
  clientId?: string | undefined;
  projectId?: string | undefined;
  types?: readonly TaskType[] | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

function filtered(ex: Executor, v: Viewer, f: TaskFilter) {
  let query = q(ex)
    .selectFrom("tasks")
    .where("firm_id", "=", v.firmId)
    .where("deleted_at", "is", null)
    .where("status", "in", f.statuses);
  if (v.clients !== "all")
    query = query.where("client_id", "=", sql<string>`any(${arrayLiteral(v.clients)}::uuid[])`);
  if (v.onlyFor !== null) {
    const me = v.onlyFor;
    query = query.where((eb) =>
      eb.or([eb("assignee_kind", "=", "client"), eb("assignee_user_id", "=", sql<string>`${me}::uuid`)]),
    );
  }
  const a = f.assignee;
  if (a.kind === "user") query = query.where("assignee_user_id", "=", a.userId);
  else if (a.kind !== "any") query = query.where("assignee_kind", "=", a.kind);
  if (f.clientId) query = query.where("client_id", "=", f.clientId);
  if (f.projectId) query = query.where("project_id", "=", f.projectId);
  if (f.types?.length) query = query.where("type", "in", f.types);
  if (f.dueFrom) query = query.where("due_date", ">=", f.dueFrom);
  if (f.dueTo) query = query.where("due_date", "<=", f.dueTo);
  if (f.search) query = query.where("title", "ilike", `%${escapeLike(f.search)}%`);
  return query;
}

/**
 * A page of tasks by due date (undated last), and how many match — counted no further than
 * `countUpTo` (the page's end plus some): counting every one of 10,000 open tasks costs more than
 * the page itself, and "over 1,000 more" is all a list needs to say. One ordered walk gives both
 * the page's ids and the count (from the index alone when no filter needs the row, and in one
 * pass over the rows when one does, such as a title search); the page's rows are then read by id.
 */
export async function listTasks(
  ex: Executor,
  v: Viewer,
  f: TaskFilter,
  countUpTo: number,
): Promise<{ rows: TaskRow[]; total: number; totalExact: boolean }> {
  const ids = (
    await filtered(ex, v, f)
      .select("id")
      .orderBy(sql`due_date asc nulls last`)
      .orderBy("id")
      .limit(Math.max(countUpTo, f.offset + f.limit) + 1)
      .execute()
  ).map((r) => r.id);
  const pageIds = ids.slice(f.offset, f.offset + f.limit);
  const found =
    pageIds.length === 0
      ? []
      : await q(ex)
          .selectFrom("tasks")
          .selectAll()
          .where("firm_id", "=", v.firmId)
          .where("id", "=", sql<string>`any(${arrayLiteral(pageIds)}::uuid[])`)
          .execute();
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = pageIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return { rows, total: Math.min(ids.length, countUpTo), totalExact: ids.length <= countUpTo };
}

/** Checklist progress per task: done and total. */
export async function checklistCounts(
  ex: Executor,
  taskIds: readonly string[],
): Promise<Map<string, { done: number; total: number }>> {
  if (taskIds.length === 0) return new Map();
  const rows = await q(ex)
    .selectFrom("task_checklist_items")
    .select((eb) => [
      "task_id",
      eb.fn.countAll<string>().as("total"),
      eb.fn.count<string>(sql`case when done then 1 end`).as("done"),
    ])
    .where("task_id", "=", sql<string>`any(${arrayLiteral(taskIds)}::uuid[])`)
    .groupBy("task_id")
    .execute();
  return new Map(rows.map((r) => [r.task_id, { done: Number(r.done), total: Number(r.total) }]));
}

// ── checklist, attachments, events ───────────────────────────────────────────────────────────

export async function checklistOf(ex: Executor, taskId: string) {
  return q(ex)
    .selectFrom("task_checklist_items")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function insertChecklist(
  ex: Executor,
  t: { firm_id: string; client_id: string; id: string },
  texts: readonly string[],
  firstPosition = 0,
): Promise<void> {
  if (texts.length === 0) return;
  await q(ex)
    .insertInto("task_checklist_items")
    .values(
      texts.map((text, i) => ({
        id: newId(),
        firm_id: t.firm_id,
        client_id: t.client_id,
        task_id: t.id,
        position: firstPosition + i,
        text,
      })),
    )
    .execute();
}

export async function updateChecklistItem(
  ex: Executor,
  taskId: string,
  itemId: string,
  patch: { text?: string; done?: boolean; done_by?: string | null; done_at?: Date | null },
) {
  return q(ex)
    .updateTable("task_checklist_items")
    .set(patch)
    .where("task_id", "=", taskId)
    .where("id", "=", itemId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteChecklistItem(ex: Executor, taskId: string, itemId: string): Promise<boolean> {
  const r = await q(ex)
    .deleteFrom("task_checklist_items")
    .where("task_id", "=", taskId)
    .where("id", "=", itemId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function attachmentsOf(ex: Executor, taskId: string) {
  return q(ex)
    .selectFrom("task_attachments")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("added_at")
    .execute();
}

export async function addAttachment(
  ex: Executor,
  t: { firm_id: string; client_id: string; id: string },
  documentId: string,
  by: string,
): Promise<boolean> {
  const r = await q(ex)
    .insertInto("task_attachments")
    .values({
      task_id: t.id,
      document_id: documentId,
      firm_id: t.firm_id,
      client_id: t.client_id,
      added_by: by,
    })
    .onConflict((oc) => oc.columns(["task_id", "document_id"]).doNothing())
    .returning("document_id")
    .executeTakeFirst();
  return r !== undefined;
}

export async function removeAttachment(ex: Executor, taskId: string, documentId: string): Promise<boolean> {
  const r = await q(ex)
    .deleteFrom("task_attachments")
    .where("task_id", "=", taskId)
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function insertEvents(
  ex: Executor,
  events: ReadonlyArray<{
    task: { firm_id: string; client_id: string; id: string };
    actorId: string;
    actorName: string;
    event: string;
    detail?: unknown;
  }>,
): Promise<void> {
  if (events.length === 0) return;
  await q(ex)
    .insertInto("task_events")
    .values(
      events.map((e) => ({
        id: newId(),
        firm_id: e.task.firm_id,
        client_id: e.task.client_id,
        task_id: e.task.id,
        actor_id: e.actorId,
        actor_name: e.actorName,
        event: e.event,
        detail: e.detail === undefined ? null : toJson(e.detail),
      })),
    )
    .execute();
}

export async function eventsOf(ex: Executor, taskId: string) {
  return q(ex)
    .selectFrom("task_events")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}
