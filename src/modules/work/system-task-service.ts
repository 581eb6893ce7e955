// System tasks: work other modules ask for through work's index (the weekly "review transactions",
// "reconnect the bank", "upload the statement"), each under a stable key per client so that asking
// twice gives one task, and closed by the same key when the condition is gone.
import { systemActor, type Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { newId } from "../../platform/ids.ts";
import { validationError } from "../../platform/errors.ts";
import type { Assignee, Priority, TaskRefs, TaskType } from "./model.ts";
import { misplacedRef } from "./model.ts";
import { assigneeColumns } from "./people.ts";
import * as store from "./task-store.ts";

export interface SystemTaskInput extends TaskRefs {
  firmId: string;
  clientId: string;
  /** Stable per client: "transactions.review:2026-06-15", "banking.reconnect:<connection id>". */
  key: string;
  type: TaskType;
  title: string;
  description?: string | undefined;
  dueDate?: string | null | undefined;
  priority?: Priority | undefined;
  assignee?: Assignee | undefined;
  /** Who asked, when a person did (a firm user's "request it" button); the system otherwise. */
  by?: Actor | undefined;
}

/** Creates the task unless one exists under the key for the client; says which. */
export async function createSystemTask(
  ctx: Ctx,
  input: SystemTaskInput,
): Promise<{ id: string; created: boolean }> {
  if (!input.key || input.key.length > 200)
    throw validationError("work/invalid-system-key", "a system task needs a key of 1 to 200 characters", {
      field: "key",
    });
  const wrong = misplacedRef(input.type, input);
  if (wrong)
    throw validationError("work/reference-for-another-type", `a ${input.type} task does not carry ${wrong}`, {
      field: wrong,
    });
  const actor = input.by ?? systemActor(input.firmId);
  return inTransaction(ctx.db, async (tx) => {
    const s = { firmId: input.firmId, clientId: input.clientId };
    const task: store.NewTask = {
      id: newId(),
      firm_id: input.firmId,
      client_id: input.clientId,
      project_id: null,
      type: input.type,
      title: input.title,
      description: input.description ?? "",
      status: "to_do",
      priority: input.priority ?? "normal",
      due_date: input.dueDate ?? null,
      ...assigneeColumns(input.assignee ?? { kind: "none" }),
      watchers: [],
      folder: input.folder ?? null,
      connection_id: input.connectionId ?? null,
      credential: input.credential ?? null,
      system_key: input.key,
      template_index: null,
      created_by: actor.id,
      created_by_name: actor.displayName,
    };
    if (!(await store.insertTaskOnce(tx, task))) {
      const existing = (await store.taskBySystemKey(tx, s, input.key))!;
      return { id: existing.id, created: false };
    }
    await store.insertEvents(tx, [
      { task, actorId: actor.id, actorName: actor.displayName, event: "created", detail: { key: input.key } },
    ]);
    await recordAudit(tx, actor, {
      action: "work.task.created",
      clientId: input.clientId,
      subjectType: "task",
      subjectId: task.id,
      after: task,
    });
    return { id: task.id, created: true };
  });
}

/**
 * Marks done the open system tasks of a client whose key is `key` or, with `prefix`, starts with
 * it (every week's "review transactions" at once). Returns how many it closed; none is no error.
 */
export async function closeSystemTask(
  ctx: Ctx,
  input: { firmId: string; clientId: string; key: string; prefix?: boolean; reason?: string },
): Promise<number> {
  const actor = systemActor(input.firmId);
  return inTransaction(ctx.db, async (tx) => {
    const s = { firmId: input.firmId, clientId: input.clientId };
    const open = (await store.openSystemTasks(tx, s, input.key)).filter(
      (t) => input.prefix || t.system_key === input.key,
    );
    for (const before of open) {
      const after = await store.updateTask(tx, input.firmId, before.id, {
        status: "done",
        closed_at: new Date(),
      });
      await store.insertEvents(tx, [
        {
          task: after,
          actorId: actor.id,
          actorName: actor.displayName,
          event: "status",
          detail: { from: before.status, to: "done", reason: input.reason ?? null },
        },
      ]);
      await recordAudit(tx, actor, {
        action: "work.task.closed",
        clientId: input.clientId,
        subjectType: "task",
        subjectId: before.id,
        before: { status: before.status },
        after: { status: "done", reason: input.reason ?? null },
      });
    }
    return open.length;
  });
}

/** The keys of a client's open system tasks that start with `prefix` (to close those no longer needed). */
export async function openSystemTaskKeys(
  ctx: Ctx,
  input: { firmId: string; clientId: string; prefix: string },
): Promise<string[]> {
  const rows = await store.openSystemTasks(ctx.db, input, input.prefix);
  return rows.flatMap((r) => (r.system_key ? [r.system_key] : []));
}
