// Editing a transaction's account, payee, class/department, memo or assignee, one or many at once,
// and splitting it by amount or percent. A posted transaction whose coding changes is reversed and
// posted again (the ledger stays append-only); a correction teaches memory at once.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { validationError } from "../../platform/errors.ts";
import type { LearnItem } from "../categorize/index.ts";
import { repostPlan, sameCoding, splitOf, type Coding, type SplitInput } from "./model.ts";
import { refuseLinked } from "./entry-link.ts";
import { postCodings, resolveContacts, reverseEntry } from "./posting.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { TransactionPatch, TransactionRow } from "./store.ts";
import { codingOf, factsOf, viewOf, type TransactionView } from "./view.ts";
import {
  checkAccount,
  checkDimension,
  codingColumns,
  editedCoding,
  factsFor,
  type EditInput,
  type Facts,
} from "./review-coding.ts";
import { lessonOf, teach } from "./review-memory.ts";
import { checkBulk, lockRows } from "./review-selection.ts";

/**
 * Brings the ledger in line with a new coding (reverse the posted entry, post the new one when it
 * should be posted) and returns the entry that now posts the transaction.
 */
async function repost(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  row: TransactionRow,
  coding: Coding,
  post: boolean,
): Promise<string | null> {
  const plan = repostPlan(row.entry_id, codingOf(row), coding, post);
  if (plan.reverse) await reverseEntry(c, actor, s, plan.reverse, `Correction of: ${row.description}`);
  if (!plan.post) return plan.reverse ? null : row.entry_id;
  await resolveContacts(c, actor, s, [{ coding, amount: row.amount }]);
  const [entryId] = await postCodings(c.db, actor, s, [{ facts: factsOf(row), coding }], {
    action: plan.reverse ? "transactions.reposted" : "transactions.pushed",
    detail: { transactionId: row.id, reversed: plan.reverse },
  });
  return entryId!;
}

async function editRows(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  rows: readonly TransactionRow[],
  input: EditInput,
  f: Facts,
): Promise<TransactionView[]> {
  if (input.assigneeId && !f.users.has(input.assigneeId))
    throw validationError("transactions/unknown-user", "the assignee does not work on this client", {
      field: "assigneeId",
    });
  const now = c.clock.now();
  const lessons: Array<{ row: TransactionRow; lesson: LearnItem }> = [];
  const out: TransactionRow[] = [];
  for (const row of rows) {
    const before = codingOf(row);
    const coding = editedCoding(f, before, input);
    const changed = !sameCoding(before, coding);
    if (changed) refuseLinked(row);
    const entryId = changed ? await repost(c, actor, s, row, coding, false) : row.entry_id;
    const patch: TransactionPatch = {
      ...codingColumns(coding),
      entry_id: entryId,
      posted_at: entryId === row.entry_id ? row.posted_at : entryId ? now : null,
    };
    if (changed)
      Object.assign(patch, { edited_by: actor.id, edited_by_name: actor.displayName, edited_at: now });
    if (input.assigneeId !== undefined) patch.assignee_id = input.assigneeId;
    const updated = await store.updateTransaction(c.db, s, row.id, patch);
    const lesson = changed ? lessonOf(row, coding) : null;
    if (lesson) lessons.push({ row: updated, lesson });
    out.push(updated);
    if (changed || input.assigneeId !== undefined)
      await recordAudit(c.db, actor, {
        action: "transactions.transaction.edited",
        clientId: s.clientId,
        subjectType: "transaction",
        subjectId: row.id,
        before: { coding: before, entryId: row.entry_id, assigneeId: row.assignee_id },
        after: {
          coding,
          entryId,
          reversed: entryId !== row.entry_id ? row.entry_id : null,
          assigneeId: updated.assignee_id,
        },
      });
  }
  return (await teach(c, actor, s, out, lessons)).map(viewOf);
}

export async function editTransaction(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  input: EditInput,
): Promise<TransactionView> {
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "review");
    const rows = await lockRows(c, s, [id]);
    return (await editRows(c, actor, s, rows, input, await factsFor(c, actor, s)))[0]!;
  });
}

export async function bulkEdit(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  ids: readonly string[],
  input: EditInput,
): Promise<TransactionView[]> {
  checkBulk(ids);
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "review");
    const rows = await lockRows(c, s, ids);
    return editRows(c, actor, s, rows, input, await factsFor(c, actor, s));
  });
}

/** Splits a transaction by amounts (which must total it) or percentages (which must total 100). */
export async function splitTransaction(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  input: SplitInput,
): Promise<TransactionView> {
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "review");
    const [row] = await lockRows(c, s, [id]);
    refuseLinked(row!);
    const f = await factsFor(c, actor, s);
    input.parts.forEach((p, i) => {
      checkAccount(f, p.accountId, `parts[${i}].accountId`);
      checkDimension(f, p.classId, "class", `parts[${i}].classId`);
    });
    const parts = splitOf(row!.amount, input, row!.scale);
    const before = codingOf(row!);
    const coding: Coding = { ...before, accountId: null, classId: null, split: parts };
    const entryId = await repost(c, actor, s, row!, coding, false);
    const now = c.clock.now();
    const updated = await store.updateTransaction(tx, s, row!.id, {
      ...codingColumns(coding),
      entry_id: entryId,
      posted_at: entryId === row!.entry_id ? row!.posted_at : entryId ? now : null,
      edited_by: actor.id,
      edited_by_name: actor.displayName,
      edited_at: now,
    });
    await recordAudit(tx, actor, {
      action: "transactions.transaction.split",
      clientId: s.clientId,
      subjectType: "transaction",
      subjectId: row!.id,
      before: { coding: before, entryId: row!.entry_id },
      after: { coding, entryId, reversed: entryId !== row!.entry_id ? row!.entry_id : null },
    });
    return viewOf(updated);
  });
}
