// The firm's service catalogue: seeded from the defaults the first time the firm's catalogue is
// read, then the firm's own — a service added or replaced (its tasks, checklist, required
// information and cut-off), archived or restored. A service's recurring tasks live in a work
// project template that this keeps in step with the service's tasks.
import { createHash } from "node:crypto";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { notFound, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import * as work from "../work/index.ts";
import { checkService, type ServiceDefinition } from "./catalogue-model.ts";
import { DEFAULT_CATALOGUE } from "./default-catalogue.ts";
import { bodyOf, definitionOf, templateInput, viewOf, type ServiceView } from "./service-row.ts";
import { startWork } from "./work-link.ts";
import { SERVICES_PERMISSIONS } from "./scope.ts";
import * as store from "./store.ts";

/** A default service's id in a firm: the same before and after it is stored (a UUID from firm and code). */
export function defaultId(firmId: string, code: string): string {
  const h = createHash("sha256").update(`service:${firmId}:${code}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function defaultRows(firmId: string, by: string, now: Date): store.ServiceRow[] {
  return DEFAULT_CATALOGUE.map((d) => ({
    id: defaultId(firmId, d.code),
    firm_id: firmId,
    code: d.code,
    name: d.name,
    tier: d.tier,
    definition: JSON.parse(bodyOf(d)) as unknown,
    work_template_id: null,
    archived_at: null,
    updated_by: by,
    updated_at: now,
  })).sort((a, b) => b.tier.localeCompare(a.tier) || a.name.localeCompare(b.name));
}

/**
 * The firm's catalogue. A firm that never changed it reads the defaults; `seed` (every change)
 * stores them first, once (codes are unique), so a read never writes.
 */
export async function catalogueRows(
  ex: Executor,
  firmId: string,
  by: string,
  now: Date,
  options: { seed?: boolean } = {},
): Promise<store.ServiceRow[]> {
  const rows = await store.catalogue(ex, firmId);
  if (rows.length) return rows;
  const defaults = defaultRows(firmId, by, now);
  if (!options.seed) return defaults;
  await store.insertServices(
    ex,
    defaults.map((r) => ({ ...r, definition: JSON.stringify(r.definition) })),
  );
  return store.catalogue(ex, firmId);
}

export async function listCatalogue(ctx: Ctx, actor: Actor): Promise<ServiceView[]> {
  access.requirePermission(actor, SERVICES_PERMISSIONS.view);
  return (await catalogueRows(ctx.db, actor.firmId, actor.id, ctx.clock.now())).map(viewOf);
}

/** Keeps the service's work template in step with its tasks (none left: archived, unlinked). */
async function syncTemplate(ctx: Ctx, actor: Actor, row: store.ServiceRow): Promise<store.ServiceRow> {
  if (!row.work_template_id) return row;
  const d = definitionOf(row);
  if (d.tasks.length && !row.archived_at) {
    await work.updateTemplate(ctx, actor, row.work_template_id, templateInput(d));
    return row;
  }
  await work.archiveTemplate(ctx, actor, row.work_template_id);
  return store.updateService(ctx.db, row.firm_id, row.id, { work_template_id: null });
}

/** Adds a service under `code`, or replaces the one there (its code stays). */
export async function putService(
  ctx: Ctx,
  actor: Actor,
  code: string,
  input: Omit<ServiceDefinition, "code">,
): Promise<ServiceView> {
  access.requirePermission(actor, SERVICES_PERMISSIONS.manage);
  const d = checkService({ ...input, code });
  return inTransaction(ctx.db, async (tx) => {
    const tctx = { ...ctx, db: tx };
    const now = ctx.clock.now();
    await catalogueRows(tx, actor.firmId, actor.id, now, { seed: true });
    const before = await store.serviceByCode(tx, actor.firmId, code, { lock: true });
    let row: store.ServiceRow;
    if (before) {
      row = await store.updateService(tx, actor.firmId, before.id, {
        name: d.name,
        tier: d.tier,
        definition: bodyOf(d),
        updated_by: actor.id,
        updated_at: now,
      });
      row = await syncTemplate(tctx, actor, row);
    } else {
      await store.insertServices(tx, [
        {
          id: newId(),
          firm_id: actor.firmId,
          code,
          name: d.name,
          tier: d.tier,
          definition: bodyOf(d),
          work_template_id: null,
          archived_at: null,
          updated_by: actor.id,
          updated_at: now,
        },
      ]);
      row = (await store.serviceByCode(tx, actor.firmId, code))!;
    }
    await recordAudit(tx, actor, {
      action: before ? "services.service.updated" : "services.service.created",
      subjectType: "service",
      subjectId: row.id,
      before: before ? viewOf(before) : null,
      after: viewOf(row),
    });
    return viewOf(row);
  });
}

async function restartWork(ctx: Ctx, actor: Actor, row: store.ServiceRow): Promise<void> {
  const clients = await store.clientsWithService(ctx.db, row.firm_id, row.id);
  const all = await access.listClients(ctx.db, actor, "active");
  for (const c of clients) {
    const client = all.find((x) => x.id === c.client_id);
    if (client) await startWork(ctx, actor, row, { slug: client.slug }, c.from_month);
    // startWork made the template on the first client; the rest reuse it.
    row = (await store.serviceByCode(ctx.db, row.firm_id, row.code))!;
  }
}

export async function requireService(
  ex: Executor,
  firmId: string,
  code: string,
  options: { lock?: boolean } = {},
): Promise<store.ServiceRow> {
  const row = await store.serviceByCode(ex, firmId, code, options);
  if (!row)
    throw notFound("services/service-not-found", `no service "${code}" in the catalogue`, { field: "code" });
  return row;
}

/** Archives a service (no client can switch it on; its months' lists leave it out) or restores it. */
export async function setArchived(
  ctx: Ctx,
  actor: Actor,
  code: string,
  archived: boolean,
): Promise<ServiceView> {
  access.requirePermission(actor, SERVICES_PERMISSIONS.manage);
  return inTransaction(ctx.db, async (tx) => {
    await catalogueRows(tx, actor.firmId, actor.id, ctx.clock.now(), { seed: true });
    const before = await requireService(tx, actor.firmId, code, { lock: true });
    if ((before.archived_at !== null) === archived)
      throw validationError(
        archived ? "services/already-archived" : "services/not-archived",
        archived ? `"${before.name}" is already archived` : `"${before.name}" is not archived`,
        { field: "code" },
      );
    let row = await store.updateService(tx, actor.firmId, before.id, {
      archived_at: archived ? ctx.clock.now() : null,
      updated_by: actor.id,
      updated_at: ctx.clock.now(),
    });
    row = await syncTemplate({ ...ctx, db: tx }, actor, row);
    // Restored: the clients that still have it on get its recurring work back.
    if (!archived) await restartWork({ ...ctx, db: tx }, actor, row);
    await recordAudit(tx, actor, {
      action: archived ? "services.service.archived" : "services.service.restored",
      subjectType: "service",
      subjectId: row.id,
      before: viewOf(before),
      after: viewOf(row),
    });
    return viewOf(row);
  });
}
