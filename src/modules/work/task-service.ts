// Use cases of one task: create, read, change (status, assignee, dates, text), delete, and bulk
// reassignment. Each: permission, one transaction, the model, the store, a task event and the audit.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { forbidden, notFound, ruleViolation } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import {
  isOpen,
  misplacedRef,
  type Assignee,
  type Priority,
  type TaskRefs,
  type TaskStatus,
  type TaskType,
} from "./model.ts";
import { assigneeColumns, checkAssignee, checkPeople } from "./people.ts";
import * as pstore from "./project-store.ts";
import { isFirmSide, requireFirmSide, sees, viewerOf, workScope, WORK_PERMISSIONS } from "./scope.ts";
import * as store from "./task-store.ts";
import { assigneeOf, taskView, type ChecklistItemView, type TaskDetail, type TaskView } from "./task-view.ts";

export interface NewTaskInput extends TaskRefs {
  client: string;
  type: TaskType;
  title: string;
  description?: string | undefined;
  priority?: Priority | undefined;
  status?: TaskStatus | undefined;
  dueDate?: string | null | undefined;
  assignee?: Assignee | undefined;
  watchers?: string[] | undefined;
  projectId?: string | null | undefined;
  checklist?: string[] | undefined;
}

export interface TaskChange {
  title?: string | undefined;
  description?: string | undefined;
  status?: TaskStatus | undefined;
  priority?: Priority | undefined;
  dueDate?: string | null | undefined;
  assignee?: Assignee | undefined;
  watchers?: string[] | undefined;
  projectId?: string | null | undefined;
}

export const MAX_BULK = 500;

const taskNotFound = (field = "id") => notFound("work/task-not-found", "no such task", { field });

/** A task the actor sees, locked for a change when `forUpdate` (404 when it does not see it). */
export async function visibleTask(ex: Executor, actor: Actor, id: string): Promise<store.TaskRow> {
  const v = viewerOf(actor);
  const row = await store.taskById(ex, actor.firmId, id);
  if (!row || !sees(v, row)) throw taskNotFound();
  return row;
}

async function clientOf(ex: Executor, actor: Actor, clientId: string) {
  return access.requireClient(ex, actor, clientId);
}

export async function checkProject(
  ex: Executor,
  s: { firmId: string; clientId: string },
  projectId: string | null | undefined,
): Promise<string | null> {
  if (!projectId) return null;
  const p = await pstore.projectById(ex, s.firmId, projectId);
  if (!p || p.client_id !== s.clientId)
    throw ruleViolation("work/unknown-project", "no such project for this client", { field: "projectId" });
  return p.id;
}

export async function createTask(ctx: Ctx, actor: Actor, input: NewTaskInput): Promise<TaskDetail> {
  const id = await inTransaction(ctx.db, async (tx) => {
    requireFirmSide(actor, "create tasks");
    const s = await workScope(tx, actor, input.client);
    const wrong = misplacedRef(input.type, input);
    if (wrong)
      throw ruleViolation("work/reference-for-another-type", `a ${input.type} task does not carry ${wrong}`, {
        field: wrong,
      });
    const assignee = input.assignee ?? { kind: "none" };
    await checkAssignee(tx, s, assignee);
    const watchers = [...new Set(input.watchers ?? [])];
    await checkPeople(tx, s, watchers, "watchers");
    const projectId = await checkProject(tx, s, input.projectId);
    const status = input.status ?? "to_do";
    const task: store.NewTask = {
      id: newId(),
      firm_id: s.firmId,
      client_id: s.clientId,
      project_id: projectId,
      type: input.type,
      title: input.title.trim(),
      description: input.description?.trim() ?? "",
      status,
      priority: input.priority ?? "normal",
      due_date: input.dueDate ?? null,
      ...assigneeColumns(assignee),
      watchers,
      folder: input.folder?.trim() || null,
      connection_id: input.connectionId ?? null,
      credential: input.credential ?? null,
      system_key: null,
      template_index: null,
      created_by: actor.id,
      created_by_name: actor.displayName,
      closed_at: isOpen(status) ? null : new Date(),
    };
    if (!task.title) throw ruleViolation("work/empty-title", "a task needs a title", { field: "title" });
    await store.insertTasks(tx, [task]);
    const items = (input.checklist ?? []).map((t) => t.trim()).filter(Boolean);
    await store.insertChecklist(tx, task, items);
    await store.insertEvents(tx, [
      {
        task,
        actorId: actor.id,
        actorName: actor.displayName,
        event: "created",
        detail: { assignee, status },
      },
    ]);
    await recordAudit(tx, actor, {
      action: "work.task.created",
      clientId: s.clientId,
      subjectType: "task",
      subjectId: task.id,
      after: { ...task, checklist: items },
    });
    return task.id;
  });
  return getTask(ctx, actor, id);
}

export async function getTask(ctx: Ctx, actor: Actor, id: string): Promise<TaskDetail> {
  const ex = ctx.db;
  const row = await visibleTask(ex, actor, id);
  return detailOf(ex, ctx.clock.today(), actor, row);
}

async function detailOf(ex: Executor, today: string, actor: Actor, row: store.TaskRow): Promise<TaskDetail> {
  const [client, items, attachments] = await Promise.all([
    clientOf(ex, actor, row.client_id),
    store.checklistOf(ex, row.id),
    store.attachmentsOf(ex, row.id),
  ]);
  const done = items.filter((i) => i.done).length;
  return {
    ...taskView(row, client, { done, total: items.length }, today),
    items: items.map((i): ChecklistItemView => ({
      id: i.id,
      text: i.text,
      done: i.done,
      doneBy: i.done_by,
      doneAt: i.done_at?.toISOString() ?? null,
    })),
    attachments: attachments.map((a) => ({
      documentId: a.document_id,
      addedBy: a.added_by,
      addedAt: a.added_at.toISOString(),
    })),
  };
}

/** What a change does to the row, and the events it tells; client-side users may move the status only. */
async function applyChange(
  tx: Executor,
  actor: Actor,
  row: store.TaskRow,
  change: TaskChange,
): Promise<{ patch: store.TaskPatch; events: Array<{ event: string; detail: unknown }> }> {
  const patch: store.TaskPatch = {};
  const events: Array<{ event: string; detail: unknown }> = [];
  const s = { firmId: row.firm_id, clientId: row.client_id };
  const firmOnly = Object.entries(change).find(([k, v]) => v !== undefined && k !== "status");
  if (firmOnly && !isFirmSide(actor))
    throw forbidden("work/firm-only", `only the firm's users may change ${firmOnly[0]}`, {
      field: firmOnly[0],
    });
  if (change.status !== undefined && change.status !== row.status) {
    patch.status = change.status;
    if (isOpen(change.status) !== isOpen(row.status))
      patch.closed_at = isOpen(change.status) ? null : new Date();
    events.push({ event: "status", detail: { from: row.status, to: change.status } });
  }
  if (change.assignee !== undefined) {
    const before = assigneeOf(row);
    if (JSON.stringify(before) !== JSON.stringify(change.assignee)) {
      await checkAssignee(tx, s, change.assignee);
      Object.assign(patch, assigneeColumns(change.assignee));
      events.push({ event: "assigned", detail: { from: before, to: change.assignee } });
    }
  }
  if (change.watchers !== undefined) {
    const watchers = [...new Set(change.watchers)];
    await checkPeople(tx, s, watchers, "watchers");
    patch.watchers = watchers;
    events.push({ event: "watchers", detail: { watchers } });
  }
  if (change.projectId !== undefined && change.projectId !== row.project_id) {
    patch.project_id = await checkProject(tx, s, change.projectId);
    events.push({ event: "project", detail: { to: patch.project_id } });
  }
  if (change.title !== undefined && change.title.trim() !== row.title) {
    if (!change.title.trim())
      throw ruleViolation("work/empty-title", "a task needs a title", { field: "title" });
    patch.title = change.title.trim();
  }
  if (change.description !== undefined && change.description !== row.description)
    patch.description = change.description.trim();
  if (change.priority !== undefined && change.priority !== row.priority) patch.priority = change.priority;
  if (change.dueDate !== undefined && change.dueDate !== row.due_date) {
    patch.due_date = change.dueDate;
    events.push({ event: "due_date", detail: { from: row.due_date, to: change.dueDate } });
  }
  const edited = (["title", "description", "priority"] as const).filter((k) => patch[k] !== undefined);
  if (edited.length) events.push({ event: "edited", detail: { fields: edited } });
  return { patch, events };
}

export async function updateTask(
  ctx: Ctx,
  actor: Actor,
  id: string,
  change: TaskChange,
): Promise<TaskDetail> {
  const row = await inTransaction(ctx.db, async (tx) => {
    const before = await visibleTask(tx, actor, id);
    const { patch, events } = await applyChange(tx, actor, before, change);
    if (events.length === 0 && Object.keys(patch).length === 0) return before;
    const after = await store.updateTask(tx, actor.firmId, id, patch);
    await store.insertEvents(
      tx,
      events.map((e) => ({ task: after, actorId: actor.id, actorName: actor.displayName, ...e })),
    );
    await recordAudit(tx, actor, {
      action: "work.task.updated",
      clientId: after.client_id,
      subjectType: "task",
      subjectId: id,
      before,
      after,
    });
    return after;
  });
  return detailOf(ctx.db, ctx.clock.today(), actor, row);
}

export async function deleteTask(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const before = await visibleTask(tx, actor, id);
    access.requirePermission(actor, WORK_PERMISSIONS.delete);
    await store.updateTask(tx, actor.firmId, id, { deleted_at: new Date() });
    await store.insertEvents(tx, [
      { task: before, actorId: actor.id, actorName: actor.displayName, event: "deleted" },
    ]);
    await recordAudit(tx, actor, {
      action: "work.task.deleted",
      clientId: before.client_id,
      subjectType: "task",
      subjectId: id,
      before,
    });
  });
}

/** Gives many tasks one assignee, all or nothing (a task the actor does not see refuses the lot). */
export async function reassignTasks(
  ctx: Ctx,
  actor: Actor,
  input: { ids: string[]; assignee: Assignee },
): Promise<{ changed: number }> {
  requireFirmSide(actor, "reassign tasks");
  const ids = [...new Set(input.ids)];
  if (ids.length > MAX_BULK)
    throw ruleViolation("work/too-many", `at most ${MAX_BULK} tasks at once`, { field: "ids" });
  return inTransaction(ctx.db, async (tx) => {
    const v = viewerOf(actor);
    const rows = await store.tasksByIds(tx, actor.firmId, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.findIndex((id) => !byId.get(id) || !sees(v, byId.get(id)!));
    if (missing >= 0) throw taskNotFound(`ids[${missing}]`);
    let changed = 0;
    for (const row of rows) {
      const { patch, events } = await applyChange(tx, actor, row, { assignee: input.assignee });
      if (events.length === 0) continue;
      const after = await store.updateTask(tx, actor.firmId, row.id, patch);
      await store.insertEvents(
        tx,
        events.map((e) => ({ task: after, actorId: actor.id, actorName: actor.displayName, ...e })),
      );
      await recordAudit(tx, actor, {
        action: "work.task.reassigned",
        clientId: row.client_id,
        subjectType: "task",
        subjectId: row.id,
        before: { assignee: assigneeOf(row) },
        after: { assignee: input.assignee },
      });
      changed++;
    }
    return { changed };
  });
}

export type { TaskView, TaskDetail };
