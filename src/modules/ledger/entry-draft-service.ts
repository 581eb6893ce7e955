// Use cases for draft journal entries: create, edit and delete a draft, and post it. A draft's lines
// are kept as JSON and checked only when it is posted; posting it inserts its lines and balance
// deltas in the same transaction, with its audit event.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { checkEntry, refuseAllZero, type EntryInput } from "./model.ts";
import { clientScope } from "./scope.ts";
import * as entries from "./entry-store.ts";
import { normalize } from "./entry-normalize.ts";
import { postingContext } from "./posting-context.ts";
import { placeLateItems } from "./late-items.ts";
import { linesFromJson, viewOf, type EntryView } from "./entry-view.ts";

export async function createDraft(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: EntryInput,
  // Who made it: "manual", or a module that generates drafts (JE Automation's "journals").
  source = "manual",
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const entry = normalize(input);
    const [number] = [await entries.reserveEntryNumbers(tx, s, 1)];
    const row = await entries.insertDraft(tx, s, {
      id: newId(),
      number: number!,
      ...entry,
      reference: entry.reference ?? null,
      comment: entry.comment ?? null,
      source,
      reversesEntryId: null,
      createdBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: "ledger.entry.draft_created",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: row.id,
      after: row,
    });
    return viewOf(row, entry.lines, null);
  });
}

export async function updateDraft(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  entryId: string,
  input: EntryInput,
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const before = await entries.lockEntry(tx, s, entryId);
    if (!before) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
    if (before.status !== "draft")
      throw conflict("ledger/entry-posted", "a posted entry cannot be edited; reverse it instead");
    const entry = normalize(input);
    const row = await entries.updateDraft(tx, s, entryId, {
      ...entry,
      reference: entry.reference ?? null,
      comment: entry.comment ?? null,
    });
    await recordAudit(tx, actor, {
      action: "ledger.entry.draft_updated",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: entryId,
      before,
      after: row,
    });
    return viewOf(row, entry.lines, null);
  });
}

export async function deleteDraft(ctx: Ctx, actor: Actor, clientRef: string, entryId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const before = await entries.lockEntry(tx, s, entryId);
    if (!before) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
    if (before.status !== "draft")
      throw conflict("ledger/entry-posted", "a posted entry cannot be deleted; reverse it instead");
    await entries.deleteDraft(tx, s, entryId);
    await recordAudit(tx, actor, {
      action: "ledger.entry.draft_deleted",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: entryId,
      before,
    });
  });
}

/** Posts a draft: the checks run now, against today's chart and periods. */
export async function postDraft(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  entryId: string,
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const draft = await entries.lockEntry(tx, s, entryId);
    if (!draft) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
    if (draft.status !== "draft") throw conflict("ledger/entry-posted", "this entry is already posted");
    const lines = linesFromJson(draft.draft_lines);
    refuseAllZero({ date: draft.date, description: draft.description, lines });
    // A draft dated in a soft-closed month is posted in the next open month (late-items.ts).
    const [input] = await placeLateItems(tx, s, [
      { date: draft.date, description: draft.description, comment: draft.comment, lines },
    ]);
    checkEntry(input!, await postingContext(tx, s, [input!]));
    const row = await entries.postDraft(tx, s, entryId, input!.date, lines, input!.comment ?? null);
    await entries.addToBuckets(tx, s, [input!]);
    await recordAudit(tx, actor, {
      action: "ledger.entry.posted",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: entryId,
      before: draft,
      after: row,
    });
    return viewOf(row, lines, null);
  });
}
