// Project templates: the firm's recurring projects (task blueprints with relative due dates) and
// the clients each recurs for. Only the firm's side plans work.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import { periodFromKey, periodOf, type Recurrence } from "./calendar-model.ts";
import { checkPeople } from "./people.ts";
import * as store from "./project-store.ts";
import { requireFirmSide, viewerOf, workScope } from "./scope.ts";
import { checkTemplate, describeDue, type Blueprint, type TemplateInput } from "./template-model.ts";

export interface TemplateView {
  id: string;
  name: string;
  recurrence: Recurrence;
  blueprints: Array<Blueprint & { dueText: string }>;
  clients: Array<{ id: string; slug: string; name: string; firstPeriod: string }>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const templateNotFound = () =>
  notFound("work/template-not-found", "no such project template", { field: "id" });

export async function requireTemplate(ex: Executor, actor: Actor, id: string): Promise<store.TemplateRow> {
  viewerOf(actor);
  requireFirmSide(actor, "plan recurring work");
  const row = await store.templateById(ex, actor.firmId, id);
  if (!row) throw templateNotFound();
  return row;
}

async function views(ctx: Ctx, actor: Actor, rows: store.TemplateRow[]): Promise<TemplateView[]> {
  const links = await store.templateClients(
    ctx.db,
    rows.map((r) => r.id),
  );
  const clients = links.length ? await access.listClients(ctx.db, actor) : [];
  const byId = new Map(clients.map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    recurrence: r.recurrence,
    blueprints: (r.blueprints as Blueprint[]).map((b) => ({ ...b, dueText: describeDue(b.due) })),
    // Clients the actor does not work on stay out of its view.
    clients: links
      .filter((l) => l.template_id === r.id && byId.has(l.client_id))
      .map((l) => {
        const c = byId.get(l.client_id)!;
        return { id: c.id, slug: c.slug, name: c.name, firstPeriod: l.first_period };
      }),
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
}

/** Checks the template's sense, and that the people its blueprints name are the firm's. */
async function checked(ex: Executor, actor: Actor, input: TemplateInput): Promise<TemplateInput> {
  const t = checkTemplate(input);
  for (const [i, b] of t.blueprints.entries()) {
    if (b.assignee.kind !== "user") continue;
    const m = await access.membershipView(ex, actor.firmId, b.assignee.userId);
    if (!m || access.sideOf(m.role) !== "partner")
      throw validationError("work/invalid-template", `no firm user ${b.assignee.userId}`, {
        field: `blueprints[${i}].assignee.userId`,
      });
  }
  return t;
}

export async function listTemplates(ctx: Ctx, actor: Actor): Promise<TemplateView[]> {
  viewerOf(actor);
  requireFirmSide(actor, "plan recurring work");
  return views(ctx, actor, await store.listTemplates(ctx.db, actor.firmId));
}

export async function getTemplate(ctx: Ctx, actor: Actor, id: string): Promise<TemplateView> {
  return (await views(ctx, actor, [await requireTemplate(ctx.db, actor, id)]))[0]!;
}

export async function createTemplate(ctx: Ctx, actor: Actor, input: TemplateInput): Promise<TemplateView> {
  const row = await inTransaction(ctx.db, async (tx) => {
    viewerOf(actor);
    requireFirmSide(actor, "plan recurring work");
    const t = await checked(tx, actor, input);
    const r = await store.insertTemplate(tx, {
      id: newId(),
      firm_id: actor.firmId,
      name: t.name,
      recurrence: t.recurrence,
      blueprints: t.blueprints,
      created_by: actor.id,
    });
    await recordAudit(tx, actor, {
      action: "work.template.created",
      subjectType: "project_template",
      subjectId: r.id,
      after: t,
    });
    return r;
  });
  return (await views(ctx, actor, [row]))[0]!;
}

/** Replaces a template's name and blueprints; the recurrence changes only while no client uses it. */
export async function updateTemplate(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: TemplateInput,
): Promise<TemplateView> {
  const row = await inTransaction(ctx.db, async (tx) => {
    const before = await requireTemplate(tx, actor, id);
    const t = await checked(tx, actor, input);
    if (t.recurrence !== before.recurrence && (await store.templateClients(tx, [id])).length > 0)
      throw conflict(
        "work/recurrence-in-use",
        "clients follow this template: remove them before changing how often it recurs",
        { field: "recurrence" },
      );
    const after = await store.updateTemplate(tx, actor.firmId, id, t);
    await recordAudit(tx, actor, {
      action: "work.template.updated",
      subjectType: "project_template",
      subjectId: id,
      before,
      after: t,
    });
    return after;
  });
  return (await views(ctx, actor, [row]))[0]!;
}

/** Archives a template: it generates nothing more; its projects stay. */
export async function archiveTemplate(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const before = await requireTemplate(tx, actor, id);
    await store.updateTemplate(tx, actor.firmId, id, { archived_at: new Date() });
    await recordAudit(tx, actor, {
      action: "work.template.archived",
      subjectType: "project_template",
      subjectId: id,
      before,
    });
  });
}

/** Makes the template recur for a client from a period on (default: the current one). */
export async function addTemplateClient(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { client: string; firstPeriod?: string | undefined },
): Promise<TemplateView> {
  await inTransaction(ctx.db, async (tx) => {
    const t = await requireTemplate(tx, actor, id);
    const s = await workScope(tx, actor, input.client);
    const first = input.firstPeriod
      ? periodFromKey(input.firstPeriod)
      : periodOf(ctx.clock.today(), t.recurrence);
    if (!first || first.recurrence !== t.recurrence)
      throw validationError("work/invalid-period", `"${input.firstPeriod}" is not a ${t.recurrence} period`, {
        field: "firstPeriod",
      });
    // A blueprint's person must work on this client too.
    const people = (t.blueprints as Blueprint[]).flatMap((b) =>
      b.assignee.kind === "user" ? [b.assignee.userId] : [],
    );
    await checkPeople(tx, s, people, "blueprints.assignee");
    const added = await store.addTemplateClient(tx, {
      template_id: id,
      firm_id: s.firmId,
      client_id: s.clientId,
      first_period: first.key,
      added_by: actor.id,
    });
    if (added)
      await recordAudit(tx, actor, {
        action: "work.template.client_added",
        clientId: s.clientId,
        subjectType: "project_template",
        subjectId: id,
        after: { client: s.clientId, firstPeriod: first.key },
      });
  });
  return getTemplate(ctx, actor, id);
}

export async function removeTemplateClient(
  ctx: Ctx,
  actor: Actor,
  id: string,
  client: string,
): Promise<TemplateView> {
  await inTransaction(ctx.db, async (tx) => {
    await requireTemplate(tx, actor, id);
    const s = await workScope(tx, actor, client);
    if (!(await store.removeTemplateClient(tx, id, s.clientId)))
      throw notFound("work/template-client-not-found", "this template does not recur for that client", {
        field: "client",
      });
    await recordAudit(tx, actor, {
      action: "work.template.client_removed",
      clientId: s.clientId,
      subjectType: "project_template",
      subjectId: id,
    });
  });
  return getTemplate(ctx, actor, id);
}
