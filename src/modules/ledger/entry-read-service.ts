// Reading journal entries: one by id, or a page of them, each with its lines and whether it has
// been reversed.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { clientScope } from "./scope.ts";
import * as entries from "./entry-store.ts";
import type { LineRow } from "./entry-store.ts";
import { UUID_RE } from "./posting-context.ts";
import { linesFromJson, rowsToLines, viewOf, type EntryView } from "./entry-view.ts";

export async function getEntry(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  entryId: string,
): Promise<EntryView> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  if (!UUID_RE.test(entryId)) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
  const row = await entries.entryById(ctx.db, s, entryId);
  if (!row) throw notFound("ledger/entry-not-found", `no journal entry ${entryId}`);
  const reversal = await entries.reversalOf(ctx.db, s, entryId);
  const lines =
    row.status === "draft"
      ? linesFromJson(row.draft_lines)
      : rowsToLines(await entries.linesOf(ctx.db, s, [entryId]));
  return viewOf(row, lines, reversal?.id ?? null);
}

export async function listEntries(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  filter: entries.EntryFilter,
): Promise<EntryView[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const { rows, reversalOf } = await entries.listEntries(ctx.db, s, filter);
  const posted = rows.filter((r) => r.status === "posted").map((r) => r.id);
  const lines = await entries.linesOf(ctx.db, s, posted);
  const byEntry = new Map<string, LineRow[]>();
  for (const l of lines) byEntry.set(l.entry_id, [...(byEntry.get(l.entry_id) ?? []), l]);
  return rows.map((r) =>
    viewOf(
      r,
      r.status === "draft" ? linesFromJson(r.draft_lines) : rowsToLines(byEntry.get(r.id) ?? []),
      reversalOf.get(r.id) ?? null,
    ),
  );
}
