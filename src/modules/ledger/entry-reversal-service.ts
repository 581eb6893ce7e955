// Reversing a posted entry: a new posted entry with the opposite lines, in an open period. The
// original is never updated; its "reversed" state is derived from the reversal's existence.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { monthOf, parseIsoDate } from "../../platform/dates.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { checkOpenPeriod, reversalLines, type EntryInput } from "./model.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import * as entries from "./entry-store.ts";
import { rowsToLines, viewOf, type EntryView } from "./entry-view.ts";
import { placeLateItems } from "./late-items.ts";

/** Reverses a posted entry with a new entry on `date` (default: the original date). */
export async function reverseEntry(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  entryId: string,
  options: { date?: string | undefined; description?: string | undefined } = {},
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    const original = await entries.lockEntry(tx, s, entryId);
    if (!original) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
    if (original.status !== "posted")
      throw conflict(
        "ledger/entry-not-posted",
        "only a posted entry can be reversed; delete the draft instead",
      );
    if (original.reverses_entry_id)
      throw conflict(
        "ledger/reversal-of-reversal",
        "this entry is itself a reversal; post a new entry instead",
      );
    if (await entries.reversalOf(tx, s, entryId))
      throw conflict("ledger/already-reversed", "this entry has already been reversed");
    const asked = options.date ? parseIsoDate(options.date) : original.date;
    const lines = reversalLines(rowsToLines(await entries.linesOf(tx, s, [entryId])));
    // A reversal dated in a soft-closed month is posted in the next open month (late-items.ts).
    const [input] = await placeLateItems(tx, s, [
      {
        date: asked,
        description: options.description ?? `Reversal of entry ${original.number}: ${original.description}`,
        comment: null,
        lines,
      } satisfies EntryInput,
    ]);
    const date = input!.date;
    const lockedMonths = await store.lockedMonths(tx, s, [monthOf(date)]);
    checkOpenPeriod(date, { lockedMonths });
    // Accounts that became inactive may still be reversed: the reversal only undoes what was posted.
    const [number] = [await entries.reserveEntryNumbers(tx, s, 1)];
    const row: entries.NewEntry = {
      id: newId(),
      number: number!,
      date,
      description: input!.description,
      reference: original.reference,
      comment: input!.comment ?? null,
      source: "reversal",
      reversesEntryId: entryId,
      createdBy: actor.id,
      lines,
    };
    await entries.insertPosted(tx, s, [row]);
    await entries.addToBuckets(tx, s, [input!]);
    await recordAudit(tx, actor, {
      action: "ledger.entry.reversed",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: entryId,
      after: { reversalId: row.id, date },
    });
    return viewOf(
      {
        ...original,
        id: row.id,
        number: row.number,
        date,
        description: input!.description,
        comment: input!.comment ?? null,
        source: "reversal",
        reverses_entry_id: entryId,
        status: "posted",
        created_by: actor.id,
        posted_at: new Date(),
      },
      lines,
      null,
    );
  });
}
