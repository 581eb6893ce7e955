// Posting journal entries, one or many at once (imports, automation). Every posting runs the pure
// checks of model.ts against the client's facts inside one transaction, then inserts the entries,
// their lines and the balance deltas together, with its audit event.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { newIds } from "../../platform/ids.ts";
import { checkEntry, refuseAllZero, type EntryInput } from "./model.ts";
import { clientScope } from "./scope.ts";
import * as entries from "./entry-store.ts";
import type { Scope } from "./store.ts";
import { normalize } from "./entry-normalize.ts";
import { postingContext } from "./posting-context.ts";
import { placeLateItems } from "./late-items.ts";
import type { EntryView } from "./entry-view.ts";

/** Creates and posts an entry in one step. */
export async function postEntry(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: EntryInput,
  source = "manual",
): Promise<EntryView> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.post");
    refuseAllZero(input);
    const [posted] = await postEntries(tx, actor, s, [input], source);
    return posted!;
  });
}

/**
 * Posts many entries for one client inside the caller's transaction: all are checked first, so
 * one bad entry refuses the whole batch (its index is in the error), then they are inserted in
 * bulk with one audit event for the batch. The service behind imports and automation.
 */
export async function postEntries(
  tx: Executor,
  actor: Actor,
  s: Scope,
  list: readonly EntryInput[],
  source: string,
  audit: { action?: string; detail?: Record<string, unknown> } = {},
  /** Per entry, the journal import's fingerprint (kept so the same journal is not imported twice). */
  importKeys?: readonly (string | null)[],
): Promise<EntryView[]> {
  // Items dated in a soft-closed month go to the next open month (late-items.ts).
  const normalized = await placeLateItems(
    tx,
    s,
    list.map((e, i) => withIndex(i, list.length, () => normalize(e))),
  );
  const ctx = await postingContext(tx, s, normalized);
  normalized.forEach((e, i) => withIndex(i, list.length, () => checkEntry(e, ctx)));
  const first = await entries.reserveEntryNumbers(tx, s, normalized.length);
  const ids = newIds(normalized.length);
  const rows: entries.NewEntry[] = normalized.map((e, i) => ({
    id: ids[i]!,
    number: first + BigInt(i),
    date: e.date,
    description: e.description,
    reference: e.reference ?? null,
    comment: e.comment ?? null,
    source,
    reversesEntryId: null,
    createdBy: actor.id,
    lines: e.lines,
    importKey: importKeys?.[i] ?? null,
  }));
  await entries.insertPosted(tx, s, rows);
  await entries.addToBuckets(tx, s, normalized);
  if (rows.length === 1 && !audit.action) {
    await recordAudit(tx, actor, {
      action: "ledger.entry.posted",
      clientId: s.clientId,
      subjectType: "journal_entry",
      subjectId: rows[0]!.id,
      after: rows[0],
    });
  } else {
    await recordAudit(tx, actor, {
      action: audit.action ?? "ledger.entries.posted",
      clientId: s.clientId,
      subjectType: "client",
      subjectId: s.clientId,
      after: { entries: rows.length, source, first: first.toString(), ...audit.detail },
    });
  }
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    date: r.date,
    description: r.description,
    reference: r.reference,
    comment: r.comment,
    status: "posted" as const,
    source,
    reversesEntryId: null,
    reversedByEntryId: null,
    createdBy: actor.id,
    postedAt: new Date(),
    lines: r.lines,
  }));
}

function withIndex<T>(i: number, total: number, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (total > 1 && error instanceof Error && "detail" in error) {
      const e = error as Error & { detail: string; field?: string };
      Object.assign(e, {
        detail: `entry ${i + 1}: ${e.detail}`,
        message: `entry ${i + 1}: ${e.detail}`,
        field: `entries[${i}]${e.field ? `.${e.field}` : ""}`,
      });
    }
    throw error;
  }
}
