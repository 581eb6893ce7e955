// A task's checklist, attachments and history. The firm writes the checklist; whoever sees the task
// ticks its items and attaches documents (the documents module's ids); the history is the task's
// own events, oldest first.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound, ruleViolation } from "../../platform/errors.ts";
import { isFirmSide, requireFirmSide } from "./scope.ts";
import * as store from "./task-store.ts";
import { getTask, visibleTask } from "./task-service.ts";
import type { TaskDetail, TaskEventView } from "./task-view.ts";
import { MAX_CHECKLIST } from "./template-model.ts";

const itemNotFound = () =>
  notFound("work/checklist-item-not-found", "no such checklist item", { field: "item" });

async function record(
  tx: Parameters<typeof recordAudit>[0],
  actor: Actor,
  task: store.TaskRow,
  event: string,
  detail: unknown,
) {
  await store.insertEvents(tx, [{ task, actorId: actor.id, actorName: actor.displayName, event, detail }]);
  await recordAudit(tx, actor, {
    action: `work.task.${event}`,
    clientId: task.client_id,
    subjectType: "task",
    subjectId: task.id,
    after: detail,
  });
}

export async function addChecklistItem(
  ctx: Ctx,
  actor: Actor,
  taskId: string,
  text: string,
): Promise<TaskDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const task = await visibleTask(tx, actor, taskId);
    requireFirmSide(actor, "write checklists");
    const items = await store.checklistOf(tx, taskId);
    if (items.length >= MAX_CHECKLIST)
      throw ruleViolation("work/checklist-full", `a task has at most ${MAX_CHECKLIST} checklist items`, {
        field: "text",
      });
    const t = text.trim();
    if (!t) throw ruleViolation("work/empty-item", "a checklist item needs text", { field: "text" });
    await store.insertChecklist(tx, task, [t], (items.at(-1)?.position ?? -1) + 1);
    await record(tx, actor, task, "checklist_added", { text: t });
  });
  return getTask(ctx, actor, taskId);
}

export async function updateChecklistItem(
  ctx: Ctx,
  actor: Actor,
  taskId: string,
  itemId: string,
  change: { text?: string | undefined; done?: boolean | undefined },
): Promise<TaskDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const task = await visibleTask(tx, actor, taskId);
    if (change.text !== undefined) requireFirmSide(actor, "rewrite checklist items");
    const patch: Parameters<typeof store.updateChecklistItem>[3] = {};
    if (change.text !== undefined) {
      patch.text = change.text.trim();
      if (!patch.text)
        throw ruleViolation("work/empty-item", "a checklist item needs text", { field: "text" });
    }
    if (change.done !== undefined) {
      patch.done = change.done;
      patch.done_by = change.done ? actor.displayName : null;
      patch.done_at = change.done ? new Date() : null;
    }
    if (Object.keys(patch).length === 0) return;
    const item = await store.updateChecklistItem(tx, taskId, itemId, patch);
    if (!item) throw itemNotFound();
    await record(
      tx,
      actor,
      task,
      change.done === undefined ? "checklist_edited" : change.done ? "checklist_done" : "checklist_undone",
      {
        item: item.id,
        text: item.text,
      },
    );
  });
  return getTask(ctx, actor, taskId);
}

export async function removeChecklistItem(
  ctx: Ctx,
  actor: Actor,
  taskId: string,
  itemId: string,
): Promise<TaskDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const task = await visibleTask(tx, actor, taskId);
    requireFirmSide(actor, "remove checklist items");
    if (!(await store.deleteChecklistItem(tx, taskId, itemId))) throw itemNotFound();
    await record(tx, actor, task, "checklist_removed", { item: itemId });
  });
  return getTask(ctx, actor, taskId);
}

export async function attachDocument(
  ctx: Ctx,
  actor: Actor,
  taskId: string,
  documentId: string,
): Promise<TaskDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const task = await visibleTask(tx, actor, taskId);
    if (await store.addAttachment(tx, task, documentId, actor.id))
      await record(tx, actor, task, "attached", { documentId });
  });
  return getTask(ctx, actor, taskId);
}

export async function detachDocument(
  ctx: Ctx,
  actor: Actor,
  taskId: string,
  documentId: string,
): Promise<TaskDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const task = await visibleTask(tx, actor, taskId);
    // A client user takes back only what it attached itself.
    const mine = (await store.attachmentsOf(tx, taskId)).find((a) => a.document_id === documentId);
    if (!mine) throw notFound("work/attachment-not-found", "no such attachment", { field: "document" });
    if (!isFirmSide(actor) && mine.added_by !== actor.id)
      requireFirmSide(actor, "remove what someone else attached");
    await store.removeAttachment(tx, taskId, documentId);
    await record(tx, actor, task, "detached", { documentId });
  });
  return getTask(ctx, actor, taskId);
}

export async function taskHistory(ctx: Ctx, actor: Actor, taskId: string): Promise<TaskEventView[]> {
  await visibleTask(ctx.db, actor, taskId);
  const events = await store.eventsOf(ctx.db, taskId);
  return events.map((e) => ({
    at: e.at.toISOString(),
    actorId: e.actor_id,
    actorName: e.actor_name,
    event: e.event,
    detail: e.detail,
  }));
}
