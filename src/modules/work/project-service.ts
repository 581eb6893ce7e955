// Projects: a client's group of tasks, made by hand or generated from a template for a period.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound, ruleViolation } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import * as store from "./project-store.ts";
import { requireFirmSide, viewerOf, workScope } from "./scope.ts";

export interface ProjectView {
  id: string;
  client: { id: string; slug: string; name: string };
  name: string;
  templateId: string | null;
  period: string | null;
  open: number;
  total: number;
  createdBy: string;
  createdAt: string;
}

async function views(ctx: Ctx, actor: Actor, rows: store.ProjectRow[]): Promise<ProjectView[]> {
  if (rows.length === 0) return [];
  const [clients, progress] = await Promise.all([
    access.listClients(ctx.db, actor),
    store.projectProgress(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  const byId = new Map(clients.map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = byId.get(r.client_id);
    const p = progress.get(r.id) ?? { open: 0, total: 0 };
    return {
      id: r.id,
      client: { id: r.client_id, slug: c?.slug ?? "", name: c?.name ?? "" },
      name: r.name,
      templateId: r.template_id,
      period: r.period,
      ...p,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
    };
  });
}

export async function listProjects(
  ctx: Ctx,
  actor: Actor,
  query: { client?: string | undefined; template?: string | undefined },
): Promise<ProjectView[]> {
  const v = viewerOf(actor);
  requireFirmSide(actor, "see projects");
  const clientId = query.client ? (await workScope(ctx.db, actor, query.client)).clientId : undefined;
  return views(
    ctx,
    actor,
    await store.listProjects(ctx.db, v.firmId, v.clients, { clientId, templateId: query.template }),
  );
}

export async function getProject(ctx: Ctx, actor: Actor, id: string): Promise<ProjectView> {
  const v = viewerOf(actor);
  requireFirmSide(actor, "see projects");
  const row = await store.projectById(ctx.db, actor.firmId, id);
  if (!row || (v.clients !== "all" && !v.clients.includes(row.client_id)))
    throw notFound("work/project-not-found", "no such project", { field: "id" });
  return (await views(ctx, actor, [row]))[0]!;
}

export async function createProject(
  ctx: Ctx,
  actor: Actor,
  input: { client: string; name: string },
): Promise<ProjectView> {
  const row = await inTransaction(ctx.db, async (tx) => {
    requireFirmSide(actor, "create projects");
    const s = await workScope(tx, actor, input.client);
    const name = input.name.trim();
    if (!name) throw ruleViolation("work/empty-name", "a project needs a name", { field: "name" });
    const p = await store.insertProject(tx, {
      id: newId(),
      firm_id: s.firmId,
      client_id: s.clientId,
      name,
      template_id: null,
      period: null,
      created_by: actor.id,
    });
    await recordAudit(tx, actor, {
      action: "work.project.created",
      clientId: s.clientId,
      subjectType: "project",
      subjectId: p.id,
      after: p,
    });
    return p;
  });
  return (await views(ctx, actor, [row]))[0]!;
}
