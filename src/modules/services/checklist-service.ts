// A client's month as the services see it — its close checklist with the sign-offs, and its
// required information with the arrivals — and the checklist's sign-offs: the preparer signs an
// item, then the reviewer (another person); each can be taken back (the reviewer's first), with a
// reason in the audit trail. A closed month's checklist stays as it was signed.
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { notFound, ruleViolation, validationError } from "../../platform/errors.ts";
import type { ClientScope } from "../access/index.ts";
import * as close from "../close/index.ts";
import type { InfoKind } from "./catalogue-model.ts";
import { completeOn } from "./catalogue-model.ts";
import { planOf } from "./month-plan.ts";
import { servicesScope } from "./scope.ts";
import * as store from "./store.ts";
import type { ReceivedVia } from "./tables.ts";

export const SIGN_ROLES = ["preparer", "reviewer"] as const;
export type SignRole = (typeof SIGN_ROLES)[number];

export interface ChecklistItemView {
  key: string;
  service: string;
  serviceName: string;
  text: string;
  preparedBy: string | null;
  preparedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface InfoItemView {
  key: string;
  kind: InfoKind;
  name: string;
  accountId: string | null;
  services: string[];
  received: boolean;
  receivedOn: string | null;
  receivedVia: ReceivedVia | null;
  documentId: string | null;
  importId: string | null;
  receivedBy: string | null;
  requestTaskId: string | null;
}

export interface MonthChecklistView {
  client: string;
  month: string;
  closed: boolean;
  services: Array<{ code: string; name: string }>;
  checklist: ChecklistItemView[];
  requiredInfo: InfoItemView[];
  /** Items signed by the preparer, by the reviewer, of all. */
  signed: { prepared: number; reviewed: number; total: number };
  missingInfo: number;
  /** The day the last required item arrived once all are in (sets the Close Tracker's information date). */
  informationCompleteOn: string | null;
  /** The information is due by this day of the month after (the services' earliest cut-off). */
  cutOffDay: number | null;
}

export function checkMonth(month: string): string {
  if (!close.isMonth(month))
    throw validationError("services/invalid-month", `"${month}" is not a month (expected YYYY-MM)`, {
      field: "month",
    });
  return month;
}

export async function monthViewIn(
  ex: Executor,
  ctx: Ctx,
  actor: Actor,
  s: ClientScope,
  month: string,
): Promise<MonthChecklistView> {
  const [plan, signs, infos, closed] = await Promise.all([
    planOf(ex, actor, s, month),
    store.signoffsOf(ex, s, month),
    store.infoOf(ex, s, month),
    close.isMonthClosed(ex, s, month),
  ]);
  const signByKey = new Map(signs.map((r) => [r.item_key, r]));
  const infoByKey = new Map(infos.map((r) => [r.item_key, r]));
  // A closed month shows what was signed, even for a service switched off since.
  const planned = plan.checklist.map((p) => ({ ...p, row: signByKey.get(p.key) }));
  if (closed)
    for (const r of signs)
      if (!plan.checklist.some((p) => p.key === r.item_key))
        planned.push({
          key: r.item_key,
          service: r.service_code,
          serviceName: r.service_code,
          text: r.text,
          row: r,
        });
  const checklist = planned.map(({ row, ...p }): ChecklistItemView => ({
    ...p,
    preparedBy: row?.prepared_by_name ?? null,
    preparedAt: row?.prepared_at?.toISOString() ?? null,
    reviewedBy: row?.reviewed_by_name ?? null,
    reviewedAt: row?.reviewed_at?.toISOString() ?? null,
  }));
  const requiredInfo = plan.requiredInfo.map((p): InfoItemView => {
    const r = infoByKey.get(p.key);
    return {
      ...p,
      received: !!r?.received_on,
      receivedOn: r?.received_on ?? null,
      receivedVia: r?.received_via ?? null,
      documentId: r?.document_id ?? null,
      importId: r?.import_id ?? null,
      receivedBy: r?.received_by_name ?? null,
      requestTaskId: r?.request_task_id ?? null,
    };
  });
  return {
    client: s.clientSlug,
    month,
    closed,
    services: plan.services.map((d) => ({ code: d.code, name: d.name })),
    checklist,
    requiredInfo,
    signed: {
      prepared: checklist.filter((c) => c.preparedBy).length,
      reviewed: checklist.filter((c) => c.reviewedBy).length,
      total: checklist.length,
    },
    missingInfo: requiredInfo.filter((r) => !r.received).length,
    informationCompleteOn: completeOn(
      plan.requiredInfo,
      new Map(infos.map((r) => [r.item_key, r.received_on])),
    ),
    cutOffDay: plan.cutOffDay,
  };
}

export async function getMonthChecklist(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  month: string,
): Promise<MonthChecklistView> {
  checkMonth(month);
  const s = await servicesScope(ctx.db, actor, clientRef, "monthView");
  return monthViewIn(ctx.db, ctx, actor, s, month);
}

export async function refuseClosed(ex: Executor, s: ClientScope, month: string): Promise<void> {
  if (await close.isMonthClosed(ex, s, month))
    throw ruleViolation("services/month-closed", `${month} is closed; a Partner Admin reopens it first`, {
      field: "month",
    });
}

/** Signs a checklist item as preparer or reviewer (the reviewer after the preparer, and not the same person). */
export async function signItem(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  month: string,
  input: { key: string; role: SignRole },
): Promise<MonthChecklistView> {
  checkMonth(month);
  return inTransaction(ctx.db, async (tx) => {
    const s = await servicesScope(tx, actor, clientRef, "monthManage");
    await refuseClosed(tx, s, month);
    const item = (await planOf(tx, actor, s, month)).checklist.find((c) => c.key === input.key);
    if (!item)
      throw notFound("services/item-not-found", `no checklist item "${input.key}" in ${month}`, {
        field: "key",
      });
    const before = await store.signoffOf(tx, s, month, item.key);
    const now = ctx.clock.now();
    const row = {
      firm_id: s.firmId,
      client_id: s.clientId,
      month,
      item_key: item.key,
      service_code: item.service,
      text: item.text,
      prepared_by: before?.prepared_by ?? null,
      prepared_by_name: before?.prepared_by_name ?? null,
      prepared_at: before?.prepared_at ?? null,
      reviewed_by: before?.reviewed_by ?? null,
      reviewed_by_name: before?.reviewed_by_name ?? null,
      reviewed_at: before?.reviewed_at ?? null,
    };
    if (input.role === "preparer") {
      if (row.prepared_by)
        throw ruleViolation(
          "services/already-signed",
          `"${item.text}" is signed by ${row.prepared_by_name}`,
          {
            field: "role",
          },
        );
      Object.assign(row, { prepared_by: actor.id, prepared_by_name: actor.displayName, prepared_at: now });
    } else {
      if (!row.prepared_by)
        throw ruleViolation(
          "services/preparer-first",
          `the preparer signs "${item.text}" before the reviewer`,
          {
            field: "role",
          },
        );
      if (row.reviewed_by)
        throw ruleViolation(
          "services/already-signed",
          `"${item.text}" is reviewed by ${row.reviewed_by_name}`,
          {
            field: "role",
          },
        );
      if (row.prepared_by === actor.id)
        throw ruleViolation("services/same-person", "the reviewer is another person than the preparer", {
          field: "role",
        });
      Object.assign(row, { reviewed_by: actor.id, reviewed_by_name: actor.displayName, reviewed_at: now });
    }
    const after = await store.putSignoff(tx, row);
    await recordAudit(tx, actor, {
      action: `services.checklist.${input.role === "preparer" ? "prepared" : "reviewed"}`,
      clientId: s.clientId,
      subjectType: "close_checklist_item",
      subjectId: `${s.clientId}:${month}:${item.key}`,
      before: before ?? null,
      after,
    });
    return monthViewIn(tx, ctx, actor, s, month);
  });
}

/** Takes a sign-off back (the reviewer's before the preparer's), saying why. */
export async function unsignItem(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  month: string,
  input: { key: string; role: SignRole; reason: string },
): Promise<MonthChecklistView> {
  checkMonth(month);
  const reason = input.reason.trim();
  if (!reason)
    throw validationError("services/reason-required", "say why the sign-off is taken back", {
      field: "reason",
    });
  return inTransaction(ctx.db, async (tx) => {
    const s = await servicesScope(tx, actor, clientRef, "monthManage");
    await refuseClosed(tx, s, month);
    const before = await store.signoffOf(tx, s, month, input.key);
    const signed = input.role === "preparer" ? before?.prepared_by : before?.reviewed_by;
    if (!before || !signed)
      throw ruleViolation("services/not-signed", `"${input.key}" has no ${input.role} sign-off`, {
        field: "role",
      });
    if (input.role === "preparer" && before.reviewed_by)
      throw ruleViolation("services/reviewed-first", "take the reviewer's sign-off back first", {
        field: "role",
      });
    const after = await store.putSignoff(
      tx,
      input.role === "preparer"
        ? { ...before, prepared_by: null, prepared_by_name: null, prepared_at: null }
        : { ...before, reviewed_by: null, reviewed_by_name: null, reviewed_at: null },
    );
    await recordAudit(tx, actor, {
      action: `services.checklist.un${input.role === "preparer" ? "prepared" : "reviewed"}`,
      clientId: s.clientId,
      subjectType: "close_checklist_item",
      subjectId: `${s.clientId}:${month}:${input.key}`,
      before,
      after: { ...after, reason },
    });
    return monthViewIn(tx, ctx, actor, s, month);
  });
}
