// A month's required information: asked of the client through work's document upload requests,
// ticked off when it arrives (a document answering the request, a statement import of the account,
// or a person's tick), and untick-able by a person. When every item of the month is in, the Close
// Tracker's month gets the day the last one came (its due date moves for every business day late);
// when one goes missing again, that day is cleared.
import { systemActor, type Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { isCalendarDay, monthInWords } from "../../platform/dates.ts";
import { notFound, ruleViolation, validationError } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { ClientScope } from "../access/index.ts";
import * as close from "../close/index.ts";
import * as work from "../work/index.ts";
import { completeOn, type PlannedInfoItem } from "./catalogue-model.ts";
import { checkMonth, monthViewIn, refuseClosed, type MonthChecklistView } from "./checklist-service.ts";
import { planOf } from "./month-plan.ts";
import { servicesScope } from "./scope.ts";
import * as store from "./store.ts";
import type { ReceivedVia } from "./tables.ts";

/** The key of a required item's request task: "services.info:<YYYY-MM>:<item key>". */
export const INFO_TASK_KEY = "services.info:";
export const infoTaskKey = (month: string, key: string) => `${INFO_TASK_KEY}${month}:${key}`.slice(0, 200);

interface Arrival {
  via: ReceivedVia;
  on: string;
  documentId?: string | null;
  importId?: string | null;
}

async function planned(ex: Executor, actor: Actor, s: ClientScope, month: string, key: string) {
  const item = (await planOf(ex, actor, s, month)).requiredInfo.find((p) => p.key === key);
  if (!item)
    throw notFound("services/info-not-found", `no required information "${key}" in ${month}`, {
      field: "key",
    });
  return item;
}

function rowOf(s: ClientScope, month: string, p: PlannedInfoItem, before: store.InfoRow | undefined) {
  return {
    firm_id: s.firmId,
    client_id: s.clientId,
    month,
    item_key: p.key,
    kind: p.kind,
    name: p.name,
    account_id: p.accountId,
    request_task_id: before?.request_task_id ?? null,
    received_on: before?.received_on ?? null,
    received_via: before?.received_via ?? null,
    document_id: before?.document_id ?? null,
    import_id: before?.import_id ?? null,
    received_by: before?.received_by ?? null,
    received_by_name: before?.received_by_name ?? null,
    received_at: before?.received_at ?? null,
  };
}

/** Sets (or clears) the Close Tracker's information date from the month's items as they now stand. */
async function syncCompleteness(ctx: Ctx, actor: Actor, s: ClientScope, month: string): Promise<void> {
  const plan = await planOf(ctx.db, actor, s, month);
  if (!plan.requiredInfo.length) return;
  const rows = await store.infoOf(ctx.db, s, month);
  const day = completeOn(plan.requiredInfo, new Map(rows.map((r) => [r.item_key, r.received_on])));
  await close.setInformationReceived(ctx, actor, s, month, day);
}

/** Records an item's arrival (or clears it with null), closes its request, and updates the month. */
async function record(
  ctx: Ctx,
  actor: Actor,
  s: ClientScope,
  month: string,
  item: PlannedInfoItem,
  arrival: Arrival | null,
): Promise<void> {
  const before = (await store.infoOf(ctx.db, s, month)).find((r) => r.item_key === item.key);
  const after = await store.putInfo(ctx.db, {
    ...rowOf(s, month, item, before),
    received_on: arrival?.on ?? null,
    received_via: arrival?.via ?? null,
    document_id: arrival?.documentId ?? null,
    import_id: arrival?.importId ?? null,
    received_by: arrival ? actor.id : null,
    received_by_name: arrival ? actor.displayName : null,
    received_at: arrival ? ctx.clock.now() : null,
  });
  await recordAudit(ctx.db, actor, {
    action: arrival ? "services.info.received" : "services.info.unticked",
    clientId: s.clientId,
    subjectType: "required_info_item",
    subjectId: `${s.clientId}:${month}:${item.key}`,
    before: before ?? null,
    after,
  });
  if (arrival && after.request_task_id)
    await work.closeSystemTask(ctx, {
      firmId: s.firmId,
      clientId: s.clientId,
      key: infoTaskKey(month, item.key),
      reason: `${item.name} arrived`,
    });
  await syncCompleteness(ctx, actor, s, month);
}

/** A person ticks an item as received (on a day, default today). */
export async function tickInfo(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  month: string,
  input: { key: string; receivedOn?: string | undefined },
): Promise<MonthChecklistView> {
  checkMonth(month);
  const on = input.receivedOn ?? ctx.clock.today();
  if (!isCalendarDay(on))
    throw validationError("services/invalid-date", `"${on}" is not a date (YYYY-MM-DD)`, {
      field: "receivedOn",
    });
  if (on > ctx.clock.today())
    throw validationError("services/future-date", "information cannot arrive after today", {
      field: "receivedOn",
    });
  return inTransaction(ctx.db, async (tx) => {
    const tctx = { ...ctx, db: tx };
    const s = await servicesScope(tx, actor, clientRef, "monthManage");
    await refuseClosed(tx, s, month);
    const item = await planned(tx, actor, s, month, input.key);
    await record(tctx, actor, s, month, item, { via: "manual", on });
    return monthViewIn(tx, ctx, actor, s, month);
  });
}

/** A person takes an item's arrival back (it was the wrong document, say). */
export async function untickInfo(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  month: string,
  input: { key: string },
): Promise<MonthChecklistView> {
  checkMonth(month);
  return inTransaction(ctx.db, async (tx) => {
    const tctx = { ...ctx, db: tx };
    const s = await servicesScope(tx, actor, clientRef, "monthManage");
    await refuseClosed(tx, s, month);
    const item = await planned(tx, actor, s, month, input.key);
    const row = (await store.infoOf(tx, s, month)).find((r) => r.item_key === item.key);
    if (!row?.received_on)
      throw ruleViolation("services/not-received", `${item.name} is not ticked as received`, {
        field: "key",
      });
    await record(tctx, actor, s, month, item, null);
    return monthViewIn(tx, ctx, actor, s, month);
  });
}

/**
 * Asks the client for the month's missing items: one document upload request each (the same task
 * when asked again), due on the cut-off day of the month after, landing in "Required information /
 * <month>". Returns the month and how many requests it opened.
 */
export async function requestMissing(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  month: string,
): Promise<MonthChecklistView & { opened: number }> {
  checkMonth(month);
  return inTransaction(ctx.db, async (tx) => {
    const tctx = { ...ctx, db: tx };
    const s = await servicesScope(tx, actor, clientRef, "monthManage");
    await refuseClosed(tx, s, month);
    const plan = await planOf(tx, actor, s, month);
    const rows = new Map((await store.infoOf(tx, s, month)).map((r) => [r.item_key, r]));
    const [y, m] = month.split("-").map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
    let opened = 0;
    for (const item of plan.requiredInfo) {
      const before = rows.get(item.key);
      if (before?.received_on) continue;
      const t = await work.createSystemTask(tctx, {
        firmId: s.firmId,
        clientId: s.clientId,
        key: infoTaskKey(month, item.key),
        type: "document_upload_request",
        title: `Send the ${monthInWords(month)} ${item.name}`.slice(0, 200),
        description: `Upload the ${item.name} for ${monthInWords(month)}. It ticks off the month's required information.`,
        folder: `Required information/${month}`,
        dueDate: `${next}-${String(plan.cutOffDay ?? 5).padStart(2, "0")}`,
        assignee: { kind: "client" },
        by: actor,
      });
      if (t.created) opened++;
      if (before?.request_task_id !== t.id)
        await store.putInfo(tx, { ...rowOf(s, month, item, before), request_task_id: t.id });
    }
    if (opened)
      await recordAudit(tx, actor, {
        action: "services.info.requested",
        clientId: s.clientId,
        subjectType: "close_period",
        subjectId: `${s.clientId}:${month}`,
        after: { opened },
      });
    return { ...(await monthViewIn(tx, ctx, actor, s, month)), opened };
  });
}

async function systemScope(ctx: Ctx, firmId: string, clientId: string) {
  const actor = systemActor(firmId);
  const client = await access.requireClient(ctx.db, actor, clientId);
  const s: ClientScope = { firmId, clientId, clientSlug: client.slug, homeCurrency: client.home_currency };
  return { actor, s };
}

/**
 * A statement import of a bank or card account: ticks that account's statement item of every
 * month the statement covers (months whose items are planned and not yet in). Returns the months ticked.
 */
export async function statementArrived(
  ctx: Ctx,
  input: {
    firmId: string;
    clientId: string;
    bankAccountId: string;
    importId: string;
    months: readonly string[];
  },
): Promise<string[]> {
  const { actor, s } = await systemScope(ctx, input.firmId, input.clientId);
  const ticked: string[] = [];
  for (const month of input.months) {
    if (await close.isMonthClosed(ctx.db, s, month)) continue;
    const plan = await planOf(ctx.db, actor, s, month);
    const rows = await store.infoOf(ctx.db, s, month);
    for (const item of plan.requiredInfo.filter((p) => p.accountId === input.bankAccountId)) {
      if (rows.some((r) => r.item_key === item.key && r.received_on)) continue;
      await inTransaction(ctx.db, (tx) =>
        record({ ...ctx, db: tx }, actor, s, month, item, {
          via: "statement_import",
          on: ctx.clock.today(),
          importId: input.importId,
        }),
      );
      ticked.push(month);
    }
  }
  return ticked;
}

/**
 * A payroll register imported in JE Automation: ticks the payroll register item of each month a
 * pay date of it falls in (months whose item is planned and not yet in). Returns the months ticked.
 */
export async function payrollRegisterArrived(
  ctx: Ctx,
  input: { firmId: string; clientId: string; months: readonly string[] },
): Promise<string[]> {
  const { actor, s } = await systemScope(ctx, input.firmId, input.clientId);
  const ticked: string[] = [];
  for (const month of [...new Set(input.months)].sort()) {
    if (await close.isMonthClosed(ctx.db, s, month)) continue;
    const rows = await store.infoOf(ctx.db, s, month);
    for (const item of (await planOf(ctx.db, actor, s, month)).requiredInfo) {
      if (item.kind !== "payroll_register") continue;
      if (rows.some((r) => r.item_key === item.key && r.received_on)) continue;
      await inTransaction(ctx.db, (tx) =>
        record({ ...ctx, db: tx }, actor, s, month, item, { via: "payroll_import", on: ctx.clock.today() }),
      );
      ticked.push(month);
    }
  }
  return ticked;
}

/** A document answering a required item's request task ticks that item. Says whether it did. */
export async function documentArrived(
  ctx: Ctx,
  actor: Actor,
  input: { firmId: string; clientId: string; taskKey: string | null; documentId: string },
): Promise<boolean> {
  const m = /^services\.info:(\d{4}-\d{2}):(.+)$/.exec(input.taskKey ?? "");
  if (!m) return false;
  const [, month, key] = m as unknown as [string, string, string];
  const { s } = await systemScope(ctx, input.firmId, input.clientId);
  if (await close.isMonthClosed(ctx.db, s, month)) return false;
  const item = (await planOf(ctx.db, systemActor(input.firmId), s, month)).requiredInfo.find(
    (p) => p.key === key,
  );
  if (!item) return false;
  await inTransaction(ctx.db, (tx) =>
    record({ ...ctx, db: tx }, actor, s, month, item, {
      via: "document",
      on: ctx.clock.today(),
      documentId: input.documentId,
    }),
  );
  return true;
}
