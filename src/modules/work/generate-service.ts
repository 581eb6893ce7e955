// Generation of recurring work: a template's project and tasks for one client and period, at most
// once (projects' unique template + client + period: a second run, or a second server, adds
// nothing), and the scheduled sweep that generates every client's current period.
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import { periodFromKey, periodOf, type Period } from "./calendar-model.ts";
import * as pstore from "./project-store.ts";
import * as store from "./task-store.ts";
import { workScope } from "./scope.ts";
import { planPeriod, type Blueprint } from "./template-model.ts";
import { requireTemplate } from "./template-service.ts";
import type { Assignee } from "./model.ts";

export const GENERATE_JOB = "work.generate-recurring";

export interface Generated {
  projectId: string;
  period: string;
  /** False when the period's project already existed: nothing was added. */
  created: boolean;
  tasks: number;
}

/** Whether a blueprint's person may still be given the client's task; if not, it waits unassigned. */
async function assigneeFor(ex: Executor, firmId: string, clientId: string, a: Assignee): Promise<Assignee> {
  if (a.kind !== "user") return a;
  const m = await access.membershipView(ex, firmId, a.userId);
  return m && (m.mode === "all" || m.clientIds.includes(clientId)) ? a : { kind: "none" };
}

async function generateIn(
  tx: Executor,
  actor: Actor,
  t: pstore.TemplateRow,
  s: { firmId: string; clientId: string },
  period: Period,
): Promise<Generated> {
  const project = await pstore.insertPeriodProject(tx, {
    id: newId(),
    firm_id: s.firmId,
    client_id: s.clientId,
    name: `${t.name} ${period.key}`,
    template_id: t.id,
    period: period.key,
    created_by: actor.id,
  });
  if (!project) {
    const existing = (await pstore.periodProject(tx, s, t.id, period.key))!;
    return { projectId: existing.id, period: period.key, created: false, tasks: 0 };
  }
  const plan = planPeriod(
    { name: t.name, recurrence: t.recurrence, blueprints: t.blueprints as Blueprint[] },
    period,
  );
  const tasks: store.NewTask[] = [];
  for (const p of plan) {
    const assignee = await assigneeFor(tx, s.firmId, s.clientId, p.assignee);
    tasks.push({
      id: newId(),
      firm_id: s.firmId,
      client_id: s.clientId,
      project_id: project.id,
      type: p.type,
      title: p.title,
      description: p.description,
      status: "to_do",
      priority: p.priority,
      due_date: p.dueDate,
      assignee_kind: assignee.kind,
      assignee_user_id: assignee.kind === "user" ? assignee.userId : null,
      watchers: [],
      folder: null,
      connection_id: null,
      credential: null,
      system_key: null,
      template_index: p.index,
      created_by: actor.id,
      created_by_name: actor.displayName,
    });
  }
  await store.insertTasks(tx, tasks);
  for (const [i, task] of tasks.entries()) await store.insertChecklist(tx, task, plan[i]!.checklist);
  await store.insertEvents(
    tx,
    tasks.map((task) => ({
      task,
      actorId: actor.id,
      actorName: actor.displayName,
      event: "created",
      detail: { template: t.id, period: period.key },
    })),
  );
  await recordAudit(tx, actor, {
    action: "work.project.generated",
    clientId: s.clientId,
    subjectType: "project",
    subjectId: project.id,
    after: { template: t.id, period: period.key, tasks: tasks.length },
  });
  return { projectId: project.id, period: period.key, created: true, tasks: tasks.length };
}

/** Generates a template's project for one client and period now (idempotent). */
export async function generatePeriod(
  ctx: Ctx,
  actor: Actor,
  templateId: string,
  input: { client: string; period?: string | undefined },
): Promise<Generated> {
  return inTransaction(ctx.db, async (tx) => {
    const t = await requireTemplate(tx, actor, templateId);
    const s = await workScope(tx, actor, input.client);
    const period = input.period ? periodFromKey(input.period) : periodOf(ctx.clock.today(), t.recurrence);
    if (!period || period.recurrence !== t.recurrence)
      throw validationError("work/invalid-period", `"${input.period}" is not a ${t.recurrence} period`, {
        field: "period",
      });
    return generateIn(tx, actor, t, s, period);
  });
}

/**
 * The scheduled sweep: for every template and client it recurs for, the period that contains
 * today (from the client's first period on). Runs as each firm's system actor, outside requests.
 */
export async function generateDueWork(ctx: Ctx): Promise<{ created: number; tasks: number }> {
  const today = ctx.clock.today();
  let created = 0;
  let tasks = 0;
  for (const link of await pstore.recurringWork(ctx.db)) {
    const period = periodOf(today, link.recurrence);
    const first = periodFromKey(link.first_period);
    if (!first || period.start < first.start) continue;
    const actor = systemActor(link.firm_id);
    const out = await inTransaction(ctx.db, async (tx) => {
      const t = await pstore.templateById(tx, link.firm_id, link.template_id);
      if (!t) return undefined;
      // A terminated client gets no new work (it may come back: its periods are generated then).
      const client = await access.requireClient(tx, actor, link.client_id);
      if (client.status !== "active") return undefined;
      return generateIn(tx, actor, t, { firmId: link.firm_id, clientId: link.client_id }, period);
    });
    if (out?.created) {
      created++;
      tasks += out.tasks;
    }
  }
  return { created, tasks };
}
