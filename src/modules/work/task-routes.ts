// HTTP routes of tasks, firm-wide under /api/tasks (My work spans every client): the list with its
// filters, one task, its checklist, attachments and history, and bulk reassignment.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import {
  attachmentIn,
  bulkOut,
  bulkReassignIn,
  checklistIn,
  checklistPatch,
  documentParam,
  errors,
  historyOut,
  idParam,
  itemParam,
  taskDetailOut,
  taskIn,
  taskPageOut,
  taskPatch,
  taskQuery,
} from "./schemas.ts";
import { createTask, deleteTask, getTask, reassignTasks, updateTask } from "./task-service.ts";
import { listTasks } from "./task-list-service.ts";
import {
  addChecklistItem,
  attachDocument,
  detachDocument,
  removeChecklistItem,
  taskHistory,
  updateChecklistItem,
} from "./task-item-service.ts";

const tags = { tags: ["Work"] };

export function taskRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      "/api/tasks",
      {
        schema: {
          ...tags,
          summary:
            "Tasks across every client you reach, by due date: by default your own open ones (My work); filter by status, client, assignee, type, due range or state, project and title",
          querystring: taskQuery,
          response: { 200: taskPageOut, ...errors },
        },
      },
      async (req) => listTasks(ctx, req.actor, req.query),
    );
    app.post(
      "/api/tasks",
      {
        schema: {
          ...tags,
          summary: "Create a task for a client (the firm's users)",
          body: taskIn,
          response: { 201: taskDetailOut, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createTask(ctx, req.actor, req.body)),
    );
    app.post(
      "/api/tasks/reassign",
      {
        schema: {
          ...tags,
          summary: "Give many tasks one assignee (all or none)",
          body: bulkReassignIn,
          response: { 200: bulkOut, ...errors },
        },
      },
      async (req) => reassignTasks(ctx, req.actor, req.body),
    );
    app.get(
      "/api/tasks/:id",
      {
        schema: {
          ...tags,
          summary: "A task with its checklist and attachments",
          params: idParam,
          response: { 200: taskDetailOut, ...errors },
        },
      },
      async (req) => getTask(ctx, req.actor, req.params.id),
    );
    app.patch(
      "/api/tasks/:id",
      {
        schema: {
          ...tags,
          summary:
            "Change a task: its status (the board's drag), assignee, due date, priority, text, watchers, project; client users change the status only",
          params: idParam,
          body: taskPatch,
          response: { 200: taskDetailOut, ...errors },
        },
      },
      async (req) => updateTask(ctx, req.actor, req.params.id, req.body),
    );
    app.delete(
      "/api/tasks/:id",
      {
        schema: {
          ...tags,
          summary: "Delete a task",
          params: idParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await deleteTask(ctx, req.actor, req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/api/tasks/:id/history",
      {
        schema: {
          ...tags,
          summary: "What happened to a task, oldest first",
          params: idParam,
          response: { 200: historyOut, ...errors },
        },
      },
      async (req) => ({ events: await taskHistory(ctx, req.actor, req.params.id) }),
    );
    app.post(
      "/api/tasks/:id/checklist",
      {
        schema: {
          ...tags,
          summary: "Add a checklist item",
          params: idParam,
          body: checklistIn,
          response: { 200: taskDetailOut, ...errors },
        },
      },
      async (req) => addChecklistItem(ctx, req.actor, req.params.id, req.body.text),
    );
    app.patch(
      "/api/tasks/:id/checklist/:item",
      {
        schema: {
          ...tags,
          summary: "Tick or untick a checklist item, or (the firm) rewrite it",
          params: itemParam,
          body: checklistPatch,
          response: { 200: taskDetailOut, ...errors },
        },
      },
      async (req) => updateChecklistItem(ctx, req.actor, req.params.id, req.params.item, req.body),
    );
    app.delete(
      "/api/tasks/:id/checklist/:item",
      {
        schema: {
          ...tags,
          summary: "Remove a checklist item",
          params: itemParam,
          response: { 200: taskDetailOut, ...errors },
        },
      },
      async (req) => removeChecklistItem(ctx, req.actor, req.params.id, req.params.item),
    );
    app.post(
      "/api/tasks/:id/attachments",
      {
        schema: {
          ...tags,
          summary: "Attach a document to a task",
          params: idParam,
          body: attachmentIn,
          response: { 200: taskDetailOut, ...errors },
        },
      },
      async (req) => attachDocument(ctx, req.actor, req.params.id, req.body.documentId),
    );
    app.delete(
      "/api/tasks/:id/attachments/:document",
      {
        schema: {
          ...tags,
          summary: "Take a document off a task",
          params: documentParam,
          response: { 200: taskDetailOut, ...errors },
        },
      },
      async (req) => detachDocument(ctx, req.actor, req.params.id, req.params.document),
    );
  };
}
