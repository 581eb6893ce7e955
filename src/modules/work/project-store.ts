// SQL for projects, project templates and the clients a template recurs for: nothing else.
import { sql, type Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import { q } from "./task-store.ts";
import type { ProjectsTable, ProjectTemplatesTable, ProjectTemplateClientsTable } from "./tables.ts";

export type ProjectRow = Selectable<ProjectsTable>;
export type TemplateRow = Selectable<ProjectTemplatesTable>;
export type TemplateClientRow = Selectable<ProjectTemplateClientsTable>;

// ── projects ────────────────────────────────────────────────────────────────────────────────────

export async function insertProject(ex: Executor, p: Omit<ProjectRow, "created_at">): Promise<ProjectRow> {
  return q(ex).insertInto("projects").values(p).returningAll().executeTakeFirstOrThrow();
}

/** Inserts a template's project for a period unless it exists; undefined when it did. */
export async function insertPeriodProject(
  ex: Executor,
  p: Omit<ProjectRow, "created_at">,
): Promise<ProjectRow | undefined> {
  return q(ex)
    .insertInto("projects")
    .values(p)
    .onConflict((oc) => oc.columns(["template_id", "client_id", "period"]).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function periodProject(
  ex: Executor,
  s: { firmId: string; clientId: string },
  templateId: string,
  period: string,
): Promise<ProjectRow | undefined> {
  return q(ex)
    .selectFrom("projects")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("template_id", "=", templateId)
    .where("period", "=", period)
    .executeTakeFirst();
}

export async function projectById(ex: Executor, firmId: string, id: string): Promise<ProjectRow | undefined> {
  return q(ex)
    .selectFrom("projects")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function listProjects(
  ex: Executor,
  firmId: string,
  clients: "all" | readonly string[],
  filter: { clientId?: string | undefined; templateId?: string | undefined },
): Promise<ProjectRow[]> {
  let query = q(ex).selectFrom("projects").selectAll().where("firm_id", "=", firmId);
  if (clients !== "all")
    query = query.where("client_id", "=", sql<string>`any(${`{${clients.join(",")}}`}::uuid[])`);
  if (filter.clientId) query = query.where("client_id", "=", filter.clientId);
  if (filter.templateId) query = query.where("template_id", "=", filter.templateId);
  return query.orderBy("created_at", "desc").orderBy("id").limit(500).execute();
}

/** Open and total tasks per project. */
export async function projectProgress(
  ex: Executor,
  projectIds: readonly string[],
): Promise<Map<string, { open: number; total: number }>> {
  if (projectIds.length === 0) return new Map();
  const rows = await q(ex)
    .selectFrom("tasks")
    .select((eb) => [
      "project_id",
      eb.fn.countAll<string>().as("total"),
      eb.fn.count<string>(sql`case when status in ('to_do', 'in_progress') then 1 end`).as("open"),
    ])
    .where("project_id", "in", projectIds)
    .where("deleted_at", "is", null)
    .groupBy("project_id")
    .execute();
  return new Map(rows.map((r) => [r.project_id!, { open: Number(r.open), total: Number(r.total) }]));
}

// ── templates ───────────────────────────────────────────────────────────────────────────────────

export async function insertTemplate(
  ex: Executor,
  t: Omit<TemplateRow, "created_at" | "updated_at" | "archived_at" | "blueprints"> & { blueprints: unknown },
): Promise<TemplateRow> {
  return q(ex)
    .insertInto("project_templates")
    .values({ ...t, blueprints: toJson(t.blueprints) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function templateById(
  ex: Executor,
  firmId: string,
  id: string,
): Promise<TemplateRow | undefined> {
  return q(ex)
    .selectFrom("project_templates")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

export async function listTemplates(ex: Executor, firmId: string): Promise<TemplateRow[]> {
  return q(ex)
    .selectFrom("project_templates")
    .selectAll()
    .where("firm_id", "=", firmId)
    .where("archived_at", "is", null)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export async function updateTemplate(
  ex: Executor,
  firmId: string,
  id: string,
  patch: { name?: string; recurrence?: TemplateRow["recurrence"]; blueprints?: unknown; archived_at?: Date },
): Promise<TemplateRow> {
  const { blueprints, ...rest } = patch;
  return q(ex)
    .updateTable("project_templates")
    .set({
      ...rest,
      ...(blueprints === undefined ? {} : { blueprints: toJson(blueprints) }),
      updated_at: new Date(),
    })
    .where("firm_id", "=", firmId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function templateClients(
  ex: Executor,
  templateIds: readonly string[],
): Promise<TemplateClientRow[]> {
  if (templateIds.length === 0) return [];
  return q(ex)
    .selectFrom("project_template_clients")
    .selectAll()
    .where("template_id", "in", templateIds)
    .orderBy("added_at")
    .execute();
}

export async function addTemplateClient(
  ex: Executor,
  r: Omit<TemplateClientRow, "added_at">,
): Promise<boolean> {
  const out = await q(ex)
    .insertInto("project_template_clients")
    .values(r)
    .onConflict((oc) => oc.columns(["template_id", "client_id"]).doNothing())
    .returning("client_id")
    .executeTakeFirst();
  return out !== undefined;
}

export async function removeTemplateClient(
  ex: Executor,
  templateId: string,
  clientId: string,
): Promise<boolean> {
  const r = await q(ex)
    .deleteFrom("project_template_clients")
    .where("template_id", "=", templateId)
    .where("client_id", "=", clientId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Every active template's clients, across firms (the scheduled generation; run as the owner). */
export async function recurringWork(
  ex: Executor,
): Promise<Array<TemplateClientRow & { recurrence: TemplateRow["recurrence"] }>> {
  return q(ex)
    .selectFrom("project_template_clients as c")
    .innerJoin("project_templates as t", "t.id", "c.template_id")
    .selectAll("c")
    .select("t.recurrence")
    .where("t.archived_at", "is", null)
    .orderBy("c.firm_id")
    .orderBy("c.template_id")
    .execute();
}
