// A client's scope: which services of the catalogue are on, and from which month. Switching one on
// makes its tasks recur for the client (work-link.ts) and puts its checklist and required
// information on the client's months from then; switching one off ends it with the month before
// the current one (past months keep their lists) and stops its recurring work.
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { validationError } from "../../platform/errors.ts";
import { isMonth } from "../close/index.ts";
import type { ServiceTier } from "./catalogue-model.ts";
import { catalogueRows } from "./catalogue-service.ts";
import { monthBefore } from "./month-plan.ts";
import { servicesScope } from "./scope.ts";
import * as store from "./store.ts";
import { startWork, stopWork } from "./work-link.ts";

export interface ClientServiceView {
  code: string;
  name: string;
  tier: ServiceTier;
  archived: boolean;
  on: boolean;
  /** The first month it covers ("YYYY-MM"), and the last when switched off. */
  from: string | null;
  until: string | null;
}

export interface ClientScopeView {
  client: string;
  services: ClientServiceView[];
}

export interface ScopeInput {
  /** The services on (by code), each from a month (default: the current month). */
  services: Array<{ code: string; from?: string | undefined }>;
}

async function view(ctx: Ctx, actor: Actor, s: { firmId: string; clientId: string; clientSlug: string }) {
  const [rows, scope] = await Promise.all([
    catalogueRows(ctx.db, s.firmId, actor.id, ctx.clock.now()),
    store.scopeOf(ctx.db, s),
  ]);
  const bySvc = new Map(scope.map((r) => [r.service_id, r]));
  const current = ctx.clock.today().slice(0, 7);
  return {
    client: s.clientSlug,
    services: rows
      .map((r): ClientServiceView => {
        const c = bySvc.get(r.id);
        return {
          code: r.code,
          name: r.name,
          tier: r.tier,
          archived: r.archived_at !== null,
          on: !!c && (c.until_month === null || c.until_month >= current),
          from: c?.from_month ?? null,
          until: c?.until_month ?? null,
        };
      })
      // An archived service shows only where a client has (had) it.
      .filter((v) => !v.archived || v.from !== null),
  };
}

export async function getClientScope(ctx: Ctx, actor: Actor, clientRef: string): Promise<ClientScopeView> {
  const s = await servicesScope(ctx.db, actor, clientRef, "view");
  return view(ctx, actor, s);
}

/** Sets which services are on; returns the scope and how many tasks switching on generated. */
export async function putClientScope(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: ScopeInput,
): Promise<ClientScopeView & { generatedTasks: number }> {
  const current = ctx.clock.today().slice(0, 7);
  const seen = new Set<string>();
  input.services.forEach((w, i) => {
    if (seen.has(w.code))
      throw validationError("services/duplicate-service", `"${w.code}" is listed twice`, {
        field: `services.${i}.code`,
      });
    seen.add(w.code);
    if (w.from !== undefined && !isMonth(w.from))
      throw validationError("services/invalid-month", `"${w.from}" is not a month (YYYY-MM)`, {
        field: `services.${i}.from`,
      });
  });
  return inTransaction(ctx.db, async (tx) => {
    const tctx = { ...ctx, db: tx };
    const s = await servicesScope(tx, actor, clientRef, "manage");
    const rows = await catalogueRows(tx, s.firmId, actor.id, ctx.clock.now(), { seed: true });
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const before = await store.scopeOf(tx, s);
    const had = new Map(before.map((r) => [r.service_id, r]));
    const wanted = new Map<string, string>();
    input.services.forEach((w, i) => {
      const row = byCode.get(w.code);
      if (!row)
        throw validationError("services/service-not-found", `no service "${w.code}" in the catalogue`, {
          field: `services.${i}.code`,
        });
      const on = had.get(row.id);
      const active = on && (on.until_month === null || on.until_month >= current);
      if (row.archived_at && !active)
        throw validationError("services/service-archived", `"${row.name}" is archived`, {
          field: `services.${i}.code`,
        });
      wanted.set(row.id, w.from ?? (active ? on.from_month : current));
    });
    const now = ctx.clock.now();
    let generatedTasks = 0;
    const changes: Array<{ code: string; change: string; from?: string }> = [];
    for (const row of rows) {
      const on = had.get(row.id);
      const active = !!on && (on.until_month === null || on.until_month >= current);
      const from = wanted.get(row.id);
      if (from !== undefined && (!active || on.from_month !== from || on.until_month !== null)) {
        await store.upsertScope(tx, {
          firm_id: s.firmId,
          client_id: s.clientId,
          service_id: row.id,
          from_month: from,
          until_month: null,
          changed_by: actor.id,
          changed_at: now,
        });
        if (!active) generatedTasks += await startWork(tctx, actor, row, { slug: s.clientSlug }, from);
        changes.push({ code: row.code, change: active ? "moved" : "on", from });
      } else if (from === undefined && active) {
        const last = monthBefore(current);
        if (last < on.from_month) await store.deleteScope(tx, s, row.id);
        else await store.upsertScope(tx, { ...on, until_month: last, changed_by: actor.id, changed_at: now });
        await stopWork(tctx, actor, row, { slug: s.clientSlug });
        changes.push({ code: row.code, change: "off" });
      }
    }
    if (changes.length)
      await recordAudit(tx, actor, {
        action: "services.scope.updated",
        clientId: s.clientId,
        subjectType: "client_services",
        subjectId: s.clientId,
        before,
        after: { changes, generatedTasks },
      });
    return { ...(await view(tctx, actor, s)), generatedTasks };
  });
}
