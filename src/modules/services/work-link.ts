// A service's recurring work, through the work module's project templates (one generator of
// recurring tasks, not two): the service's template made when first needed, a client added to it
// from the month its scope starts, and the current month's project generated at once.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as work from "../work/index.ts";
import { definitionOf, templateInput } from "./service-row.ts";
import * as store from "./store.ts";

/** The service's work template id, made now if it has none (null: a service without tasks). */
async function templateOf(ctx: Ctx, actor: Actor, row: store.ServiceRow): Promise<string | null> {
  if (row.work_template_id) return row.work_template_id;
  const d = definitionOf(row);
  if (!d.tasks.length) return null;
  const t = await work.createTemplate(ctx, actor, templateInput(d));
  await store.updateService(ctx.db, row.firm_id, row.id, { work_template_id: t.id });
  return t.id;
}

/**
 * Makes the service's tasks recur for the client from `from` ("YYYY-MM") and generates the current
 * month's project when the scope has begun. Says how many tasks it generated.
 */
export async function startWork(
  ctx: Ctx,
  actor: Actor,
  row: store.ServiceRow,
  client: { slug: string },
  from: string,
): Promise<number> {
  const templateId = await templateOf(ctx, actor, row);
  if (!templateId) return 0;
  await work.addTemplateClient(ctx, actor, templateId, { client: client.slug, firstPeriod: from });
  const current = ctx.clock.today().slice(0, 7);
  if (from > current) return 0;
  const g = await work.generatePeriod(ctx, actor, templateId, { client: client.slug, period: current });
  return g.tasks;
}

/** Stops the service's tasks recurring for the client (projects already generated stay). */
export async function stopWork(ctx: Ctx, actor: Actor, row: store.ServiceRow, client: { slug: string }) {
  if (!row.work_template_id) return;
  const t = await work.getTemplate(ctx, actor, row.work_template_id);
  if (t.clients.some((c) => c.slug === client.slug))
    await work.removeTemplateClient(ctx, actor, row.work_template_id, client.slug);
}
